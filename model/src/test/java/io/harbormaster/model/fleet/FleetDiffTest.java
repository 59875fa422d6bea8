package io.harbormaster.model.fleet;

import static io.harbormaster.model.fleet.Fixtures.host;
import static io.harbormaster.model.fleet.Fixtures.service;
import static io.harbormaster.model.fleet.Fixtures.snapshot;
import static io.harbormaster.model.fleet.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetDiffTest {

    private final Host h1 = host("h1", 4096, 8192, 2048, 4096, PortSet.EMPTY);
    private final Host h2 = host("h2", 4096, 8192, 4096, 8192, PortSet.EMPTY);

    @Test
    void twoEqualSnapshotsDifferInNothing() {
        FleetSnapshot a = snapshot(List.of(service("web")), List.of(h1), List.of(task("t1", "web", h1.arn(),
                "RUNNING")), Map.of());
        FleetSnapshot b = snapshot(List.of(service("web")), List.of(h1), List.of(task("t1", "web", h1.arn(),
                "RUNNING")), Map.of());
        assertThat(FleetDiff.between(a, b).isEmpty()).isTrue();
    }

    @Test
    void tasksStartedStoppedAndChanged() {
        Task stays = task("t1", "web", h1.arn(), "PENDING");
        Task goes = task("t2", "web", h1.arn(), "RUNNING");
        Task comes = task("t3", "web", h2.arn(), "PENDING");
        FleetSnapshot before = snapshot(List.of(service("web")), List.of(h1, h2), List.of(stays, goes), Map.of());
        Task started = task("t1", "web", h1.arn(), "RUNNING");
        FleetSnapshot after = snapshot(List.of(service("web")), List.of(h1, h2), List.of(started, comes), Map.of());

        FleetDiff diff = FleetDiff.between(before, after);
        assertThat(diff.startedTasks()).containsExactly(comes);
        assertThat(diff.stoppedTasks()).containsExactly(goes);
        assertThat(diff.changedTasks()).containsExactly(started);
        assertThat(diff.isEmpty()).isFalse();
    }

    @Test
    void servicesAddedRemovedAndChanged() {
        Service web = service("web");
        Service busier = service("web", 4, 2, 2, web.deployments(), List.of());
        FleetSnapshot before = snapshot(List.of(web, service("old")), List.of(), List.of(), Map.of());
        FleetSnapshot after = snapshot(List.of(busier, service("new")), List.of(), List.of(), Map.of());

        FleetDiff diff = FleetDiff.between(before, after);
        assertThat(diff.addedServices()).extracting(Service::name).containsExactly("new");
        assertThat(diff.removedServices()).extracting(Service::name).containsExactly("old");
        assertThat(diff.changedServices()).singleElement().satisfies(c -> {
            assertThat(c.serviceName()).isEqualTo("web");
            assertThat(c.aspects()).containsExactly(ServiceChange.Aspect.COUNTS);
        });
    }

    @Test
    void hostsAddedRemovedAndChanged() {
        Host fuller = host("h1", 4096, 8192, 1024, 2048, PortSet.EMPTY);
        Host h3 = host("h3", 4096, 8192, 4096, 8192, PortSet.EMPTY);
        FleetDiff diff = FleetDiff.between(snapshot(List.of(), List.of(h1, h2), List.of(), Map.of()),
                snapshot(List.of(), List.of(fuller, h3), List.of(), Map.of()));
        assertThat(diff.changedHosts()).containsExactly(fuller);
        assertThat(diff.addedHosts()).containsExactly(h3);
        assertThat(diff.removedHosts()).containsExactly(h2);
    }
}
