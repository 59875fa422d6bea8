package io.harbormaster.model.fleet;

import static io.harbormaster.model.fleet.Fixtures.deployment;
import static io.harbormaster.model.fleet.Fixtures.event;
import static io.harbormaster.model.fleet.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.ServiceAttention.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceAttentionTest {

    private static final String UNABLE = "(service x) was unable to place a task because no container instance met"
            + " all of its requirements.";
    private static final String STEADY = "(service x) has reached a steady state.";

    private static final List<Deployment> STEADY_DEPLOYMENT = List.of(deployment("d1", "PRIMARY", "COMPLETED", 2, 2, 0));

    @Test
    void aSteadyServiceNeedsNothing() {
        ServiceAttention a = ServiceAttention.of(service("web"));
        assertThat(a.level()).isEqualTo(Level.STEADY);
        assertThat(a.needsAttention()).isFalse();
    }

    @Test
    void anUnableToPlaceEventNewerThanTheLastSteadyStateIsTheReason() {
        Service s = service("web", 3, 2, 0, STEADY_DEPLOYMENT, List.of(event("e2", 5, UNABLE), event("e1", 1, STEADY)));
        ServiceAttention a = ServiceAttention.of(s);
        assertThat(a.level()).isEqualTo(Level.UNPLACEABLE);
        assertThat(a.reason()).isEqualTo(UNABLE);
        assertThat(a.needsAttention()).isTrue();
    }

    @Test
    void aSteadyStateAfterwardsClearsAnOldPlacementFailure() {
        Service s = service("web", 2, 2, 0, STEADY_DEPLOYMENT, List.of(event("e2", 5, STEADY), event("e1", 1, UNABLE)));
        assertThat(ServiceAttention.of(s).level()).isEqualTo(Level.STEADY);
    }

    @Test
    void aFailedDeploymentGivesEcsReason() {
        Deployment failed = new Deployment("d2", "PRIMARY", "FAILED", "tasks failed to start", Fixtures.td("web", 2),
                2, 0, 0, 5, Fixtures.T0, Fixtures.T0);
        Service s = service("web", 2, 2, 0, List.of(failed, deployment("d1", "ACTIVE", "COMPLETED", 2, 2, 0)),
                List.of());
        ServiceAttention a = ServiceAttention.of(s);
        assertThat(a.level()).isEqualTo(Level.DEPLOYMENT_FAILED);
        assertThat(a.reason()).isEqualTo("tasks failed to start");
    }

    @Test
    void pendingThenBelowDesiredThenDeploying() {
        assertThat(ServiceAttention.of(service("a", 3, 2, 1, STEADY_DEPLOYMENT, List.of())))
                .isEqualTo(new ServiceAttention(Level.PENDING_TASKS, "1 task pending"));
        assertThat(ServiceAttention.of(service("a", 3, 1, 2, STEADY_DEPLOYMENT, List.of())).reason())
                .isEqualTo("2 tasks pending");
        assertThat(ServiceAttention.of(service("b", 3, 2, 0, STEADY_DEPLOYMENT, List.of())))
                .isEqualTo(new ServiceAttention(Level.BELOW_DESIRED, "2 of 3 running"));
        Service rolling = service("c", 2, 2, 0, List.of(deployment("d2", "PRIMARY", "IN_PROGRESS", 2, 1, 0),
                deployment("d1", "ACTIVE", "COMPLETED", 2, 1, 0)), List.of());
        assertThat(ServiceAttention.of(rolling).level()).isEqualTo(Level.DEPLOYING);
        assertThat(ServiceAttention.of(rolling).needsAttention()).isFalse();
    }

    @Test
    void problemsComeFirstThenClusterAndName() {
        Service steadyA = service("a-steady");
        Service steadyB = service("b-steady");
        Service pending = service("z-pending", 2, 1, 1, STEADY_DEPLOYMENT, List.of());
        Service unplaceable = service("y-unplaceable", 2, 1, 0, STEADY_DEPLOYMENT, List.of(event("e", 1, UNABLE)));
        Service failed = service("x-failed", 2, 2, 0, List.of(new Deployment("d", "PRIMARY", "FAILED", "", "", 2, 2,
                0, 1, null, null)), List.of());
        List<Service> ordered = List.of(steadyB, pending, steadyA, failed, unplaceable).stream()
                .sorted(ServiceAttention.PROBLEMS_FIRST).toList();
        assertThat(ordered).containsExactly(unplaceable, failed, pending, steadyA, steadyB);
    }
}
