package io.harbormaster.model.fleet;

import static io.harbormaster.model.fleet.Fixtures.deployment;
import static io.harbormaster.model.fleet.Fixtures.event;
import static io.harbormaster.model.fleet.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.ServiceChange.Aspect;
import io.harbormaster.model.testdata.ServiceBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceChangeTest {

    private static final List<Deployment> ONE = List.of(deployment("d1", "PRIMARY", "COMPLETED", 2, 2, 0));

    @Test
    void nothingMovedBetweenEqualServices() {
        assertThat(ServiceChange.between(service("web"), service("web"))).isEmpty();
    }

    @Test
    void countsDeploymentsAndEventsAreToldApart() {
        Service before = service("web", 2, 2, 0, ONE, List.of(event("e1", 1, "steady")));
        assertThat(ServiceChange.between(before, service("web", 3, 2, 1, ONE, List.of(event("e1", 1, "steady")))))
                .containsExactly(Aspect.COUNTS);
        List<Deployment> two = List.of(deployment("d2", "PRIMARY", "IN_PROGRESS", 2, 0, 1),
                deployment("d1", "ACTIVE", "COMPLETED", 2, 2, 0));
        assertThat(ServiceChange.between(before, service("web", 2, 2, 0, two, List.of(event("e1", 1, "steady")))))
                .containsExactly(Aspect.DEPLOYMENTS);
        assertThat(ServiceChange.between(before, service("web", 2, 2, 0, ONE,
                List.of(event("e2", 2, "new"), event("e1", 1, "steady"))))).containsExactly(Aspect.EVENTS);
    }

    @Test
    void aNewTaskDefinitionAndConfigurationShow() {
        Service before = service("web");
        Service after = ServiceBuilder.from(before).status("DRAINING").counts(2, 2, 0).launchType("EC2")
                .taskDefinition(Fixtures.td("web", 2)).placementStrategy(new PlacementStrategy("binpack", "memory"))
                .build();
        assertThat(ServiceChange.between(before, after)).containsExactlyInAnyOrder(Aspect.TASK_DEFINITION,
                Aspect.CONFIGURATION);
    }
}
