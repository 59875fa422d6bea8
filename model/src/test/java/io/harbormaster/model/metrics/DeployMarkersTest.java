package io.harbormaster.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.Deployment;
import io.harbormaster.model.fleet.Fixtures;
import io.harbormaster.model.fleet.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeployMarkersTest {

    private static final Instant T0 = Fixtures.T0;

    private static Instant at(int minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }

    @Test
    void deploysTaskStartsAndTheSteadyStateAfterThemAreMarkedButNotTheRepeatedSteadyStates() {
        Deployment old = new Deployment("ecs-svc/1", "ACTIVE", "COMPLETED", "", Fixtures.td("web", 6), 2, 2, 0, 0,
                at(-600), at(-590));
        Deployment current = new Deployment("ecs-svc/2", "PRIMARY", "IN_PROGRESS", "", Fixtures.td("web", 7), 2, 1,
                1, 0, at(10), at(12));
        Service web = Fixtures.service("web", 2, 2, 0, List.of(current, old), List.of(
                Fixtures.event("e5", 20, "(service web) has reached a steady state."),
                Fixtures.event("e4", 12, "(service web) has started 2 tasks: (task a) (task b)."),
                Fixtures.event("e3", 5, "(service web) has reached a steady state."),
                Fixtures.event("e2", -360, "(service web) has reached a steady state."),
                Fixtures.event("e1", -595, "(service web) has reached a steady state.")));

        List<DeployMarker> markers = DeployMarkers.of(web, new TimeWindow(at(-60), at(60)));

        assertThat(markers).extracting(DeployMarker::kind).containsExactly(DeployMarker.Kind.DEPLOYMENT_STARTED,
                DeployMarker.Kind.TASKS_STARTED, DeployMarker.Kind.STEADY_STATE);
        assertThat(markers.get(0).at()).isEqualTo(at(10));
        assertThat(markers.get(0).label()).isEqualTo("Deploy web:7");
        assertThat(markers.get(1).label()).isEqualTo("Started 2 tasks");
        assertThat(markers.get(2).at()).isEqualTo(at(20));
    }

    @Test
    void aFailedRolloutIsMarkedWhenItFailed() {
        Deployment failed = new Deployment("ecs-svc/3", "PRIMARY", "FAILED", "circuit breaker triggered",
                Fixtures.td("web", 8), 2, 0, 0, 4, at(0), at(9));
        Service web = Fixtures.service("web", 2, 0, 0, List.of(failed), List.of(
                Fixtures.event("e1", 1, "(service web) has started 1 tasks: (task a).")));

        List<DeployMarker> markers = DeployMarkers.of(web, new TimeWindow(at(-5), at(30)));

        assertThat(markers).extracting(DeployMarker::kind).containsExactly(DeployMarker.Kind.DEPLOYMENT_STARTED,
                DeployMarker.Kind.TASKS_STARTED, DeployMarker.Kind.DEPLOYMENT_FAILED);
        assertThat(markers.get(1).label()).isEqualTo("Started 1 task");
        assertThat(markers.get(2).label()).isEqualTo("Deploy web:8 failed: circuit breaker triggered");
    }
}
