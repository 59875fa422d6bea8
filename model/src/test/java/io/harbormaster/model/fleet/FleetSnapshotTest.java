package io.harbormaster.model.fleet;

import static io.harbormaster.model.fleet.Fixtures.host;
import static io.harbormaster.model.fleet.Fixtures.service;
import static io.harbormaster.model.fleet.Fixtures.snapshot;
import static io.harbormaster.model.fleet.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.model.testdata.FleetSnapshotBuilder;
import io.harbormaster.model.testdata.ServiceBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetSnapshotTest {

    private final Host h1 = host("h1", 4096, 8192, 2048, 4096, PortSet.EMPTY);
    private final Host h2 = host("h2", 4096, 8192, 4096, 8192, PortSet.EMPTY);
    private final Service web = service("web");
    private final Service api = service("api");
    private final Task w1 = task("w1", "web", h1.arn(), "RUNNING");
    private final Task w2 = task("w2", "web", h2.arn(), "RUNNING");
    private final Task a1 = task("a1", "api", h1.arn(), "PENDING");
    private final Task lonely = new Task("arn:aws:ecs:us-east-1:111111111111:task/main/l", Fixtures.CLUSTER,
            "family:batch", h2.arn(), Fixtures.td("batch", 1), "RUNNING", "RUNNING", 128, 128, PortSet.EMPTY, null,
            null, null);

    private FleetSnapshot fleet() {
        return snapshot(List.of(web, api), List.of(h1, h2), List.of(w1, w2, a1, lonely), Map.of());
    }

    @Test
    void tasksAreIndexedByHostAndByService() {
        FleetSnapshot s = fleet();
        assertThat(s.tasksOn(h1.arn())).containsExactly(w1, a1);
        assertThat(s.tasksOn(h2.arn())).containsExactly(w2, lonely);
        assertThat(s.tasksOf(web.arn())).containsExactly(w1, w2);
        assertThat(s.tasksOf(api.arn())).containsExactly(a1);
        assertThat(s.serviceOf(a1)).contains(api);
        assertThat(s.serviceOf(lonely)).isEmpty();
        assertThat(s.hostsOf(web.arn())).containsExactly(h1, h2);
        assertThat(s.hostsOf(api.arn())).containsExactly(h1);
    }

    @Test
    void lookupsByArnAndCluster() {
        FleetSnapshot s = fleet();
        assertThat(s.service(web.arn())).contains(web);
        assertThat(s.host(h2.arn())).contains(h2);
        assertThat(s.task(w1.arn())).contains(w1);
        assertThat(s.task("nope")).isEmpty();
        assertThat(s.servicesIn(Fixtures.CLUSTER)).containsExactly(web, api);
        assertThat(s.hostsIn(Fixtures.CLUSTER)).containsExactly(h1, h2);
        assertThat(s.tasksIn(Fixtures.CLUSTER)).hasSize(4);
        assertThat(s.tasksIn("other")).isEmpty();
        assertThat(s.cluster(Fixtures.CLUSTER)).isPresent();
        assertThat(s.complete()).isTrue();
    }

    @Test
    void theSameThingTwiceIsRefused() {
        assertThatThrownBy(() -> snapshot(List.of(web, web), List.of(), List.of(), Map.of()))
                .hasMessageContaining("same service twice");
        assertThatThrownBy(() -> snapshot(List.of(), List.of(), List.of(w1, w1), Map.of()))
                .hasMessageContaining("same task twice");
    }

    @Test
    void itCannotBeChangedAfterwards() {
        List<Task> tasks = new ArrayList<>(List.of(w1));
        FleetSnapshot s = snapshot(List.of(web), List.of(h1), tasks, Map.of());
        tasks.add(w2);
        assertThat(s.tasks()).containsExactly(w1);
        assertThatThrownBy(() -> s.tasks().add(w2)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void targetHealthOfAService() {
        String tg = "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web/abc";
        Service behindLb = ServiceBuilder.aService("web").arn(web.arn()).taskDefinition(web.taskDefinitionArn())
                .loadBalancers(new LoadBalancerTarget(tg, null, "web", 8080)).build();
        TargetHealth healthy = new TargetHealth(tg, "i-1", 32768, "healthy", null, null);
        FleetSnapshot s = FleetSnapshotBuilder.aSnapshot().environment("prod").asOf(Fixtures.T0).services(behindLb)
                .targetHealth(Map.of(tg, List.of(healthy))).build();
        assertThat(s.targetHealthOf(behindLb)).containsExactly(healthy);
        assertThat(behindLb.targetGroupArns()).containsExactly(tg);
        assertThat(healthy.healthy()).isTrue();
    }

    @Test
    void anEmptySnapshotIsComplete() {
        FleetSnapshot s = FleetSnapshot.empty("dev", "eu-west-1", Fixtures.T0);
        assertThat(s.services()).isEmpty();
        assertThat(s.complete()).isTrue();
        assertThat(s.toString()).contains("dev", "0 services");
    }
}
