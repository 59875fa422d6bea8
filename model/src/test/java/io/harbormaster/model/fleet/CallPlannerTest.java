package io.harbormaster.model.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallPlannerTest {

    @Test
    void batchesRoundUp() {
        assertThat(CallPlanner.batches(0, 10)).isZero();
        assertThat(CallPlanner.batches(1, 10)).isEqualTo(1);
        assertThat(CallPlanner.batches(10, 10)).isEqualTo(1);
        assertThat(CallPlanner.batches(11, 10)).isEqualTo(2);
        assertThat(CallPlanner.batches(2000, 10)).isEqualTo(200);
        assertThatThrownBy(() -> CallPlanner.batches(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aListIsCalledAtLeastOnceEvenWhenEmpty() {
        assertThat(CallPlanner.pages(0)).isEqualTo(1);
        assertThat(CallPlanner.pages(100)).isEqualTo(1);
        assertThat(CallPlanner.pages(101)).isEqualTo(2);
    }

    @Test
    void aFullLoadOfTheBenchmarkFleet() {
        // one cluster of 1,000 hosts x 200 tasks (100 services), and 20 ordinary clusters of 3 services, 4 hosts,
        // 45 tasks
        List<ClusterShape> clusters = new java.util.ArrayList<>();
        clusters.add(new ClusterShape(100, 1000, 200_000));
        for (int i = 0; i < 20; i++) {
            clusters.add(new ClusterShape(3, 4, 45));
        }
        CallPlan plan = CallPlanner.fullLoad(new FleetShape(clusters, 160, 12));

        assertThat(plan.calls(CallPlan.LIST_CLUSTERS)).isEqualTo(1);
        assertThat(plan.calls(CallPlan.DESCRIBE_CLUSTERS)).isEqualTo(1);
        assertThat(plan.calls(CallPlan.LIST_SERVICES)).isEqualTo(21);
        assertThat(plan.calls(CallPlan.DESCRIBE_SERVICES)).isEqualTo(10 + 20);
        assertThat(plan.calls(CallPlan.LIST_CONTAINER_INSTANCES)).isEqualTo(10 + 20);
        assertThat(plan.calls(CallPlan.DESCRIBE_CONTAINER_INSTANCES)).isEqualTo(10 + 20);
        assertThat(plan.calls(CallPlan.LIST_TASKS)).isEqualTo(2000 + 20);
        assertThat(plan.calls(CallPlan.DESCRIBE_TASKS)).isEqualTo(2000 + 20);
        assertThat(plan.calls(CallPlan.DESCRIBE_TASK_DEFINITION)).isEqualTo(160);
        assertThat(plan.calls(CallPlan.DESCRIBE_TARGET_HEALTH)).isEqualTo(12);
        assertThat(plan.total()).isEqualTo(1 + 1 + 21 + 30 + 30 + 30 + 2020 + 2020 + 160 + 12);
    }

    @Test
    void describeBatchesAreCountedClusterByCluster() {
        // 11 services in each of two clusters: 4 DescribeServices, not ceil(22 / 10) = 3, as a call names one cluster
        CallPlan plan = CallPlanner.fullLoad(new FleetShape(List.of(new ClusterShape(11, 0, 0),
                new ClusterShape(11, 0, 0)), 0, 0));
        assertThat(plan.calls(CallPlan.DESCRIBE_SERVICES)).isEqualTo(4);
        assertThat(plan.calls(CallPlan.DESCRIBE_TASKS)).isZero();
        assertThat(plan.callsByOperation()).doesNotContainKey(CallPlan.DESCRIBE_TASKS);
        assertThat(plan.calls(CallPlan.LIST_TASKS)).isEqualTo(2);
    }

    @Test
    void anEmptyAccountStillListsItsClusters() {
        CallPlan plan = CallPlanner.fullLoad(new FleetShape(List.of(), 0, 0));
        assertThat(plan.callsByOperation()).containsExactly(Map.entry(CallPlan.LIST_CLUSTERS, 1));
    }

    @Test
    void anIdleRefreshListsNoTasks() {
        FleetShape shape = new FleetShape(List.of(new ClusterShape(2000, 50, 4000), new ClusterShape(5, 2, 10)),
                30, 4);
        CallPlan plan = CallPlanner.idleRefresh(shape);
        assertThat(plan.callsByOperation()).containsOnlyKeys(CallPlan.LIST_CLUSTERS, CallPlan.DESCRIBE_CLUSTERS,
                CallPlan.LIST_SERVICES, CallPlan.DESCRIBE_SERVICES, CallPlan.LIST_CONTAINER_INSTANCES);
        assertThat(plan.calls(CallPlan.DESCRIBE_CLUSTERS)).isEqualTo(1);
        assertThat(plan.calls(CallPlan.LIST_SERVICES)).isEqualTo(20 + 1);
        assertThat(plan.calls(CallPlan.DESCRIBE_SERVICES)).isEqualTo(200 + 1);
        assertThat(plan.calls(CallPlan.LIST_CONTAINER_INSTANCES)).isEqualTo(2);
    }

    @Test
    void anIdleRefreshOfTheBenchmarkFleetIsAFewDozenCalls() {
        List<ClusterShape> clusters = new java.util.ArrayList<>();
        clusters.add(new ClusterShape(100, 1000, 200_000));
        for (int i = 0; i < 20; i++) {
            clusters.add(new ClusterShape(3, 4, 45));
        }
        assertThat(CallPlanner.idleRefresh(new FleetShape(clusters, 160, 12)).total())
                .isEqualTo(1 + 1 + 21 + (10 + 20) + (10 + 20));
    }

    @Test
    void aRefreshAddsWhatMoved() {
        FleetShape shape = new FleetShape(List.of(new ClusterShape(3, 2, 10)), 3, 1);
        CallPlan plan = CallPlanner.refresh(shape, new CallPlanner.RefreshWork(
                List.of(new CallPlanner.ClusterWork(2, 1, 101)), 1, 1));
        assertThat(plan.calls(CallPlan.DESCRIBE_CLUSTERS)).isEqualTo(1);
        assertThat(plan.calls(CallPlan.LIST_TASKS)).isEqualTo(2);
        assertThat(plan.calls(CallPlan.DESCRIBE_CONTAINER_INSTANCES)).isEqualTo(1);
        assertThat(plan.calls(CallPlan.DESCRIBE_TASKS)).isEqualTo(2);
        assertThat(plan.calls(CallPlan.DESCRIBE_TASK_DEFINITION)).isEqualTo(1);
        assertThat(plan.calls(CallPlan.DESCRIBE_TARGET_HEALTH)).isEqualTo(1);
        assertThatThrownBy(() -> new CallPlanner.ClusterWork(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void excessIsWhatWasMadeBeyondThePlan() {
        CallPlan plan = new CallPlan(Map.of("ListTasks", 2, "DescribeTasks", 3));
        FleetStats exact = new FleetStats(FleetStats.Kind.FULL, Map.of("ListTasks", 2, "DescribeTasks", 3), 0, 0,
                Duration.ZERO);
        assertThat(plan.excessOf(exact)).isEmpty();
        FleetStats sloppy = new FleetStats(FleetStats.Kind.FULL, Map.of("ListTasks", 4, "DescribeTasks", 2,
                "ListServices", 1), 0, 0, Duration.ZERO);
        assertThat(plan.excessOf(sloppy)).containsExactlyInAnyOrderEntriesOf(Map.of("ListTasks", 2,
                "DescribeTasks", -1, "ListServices", 1));
        assertThatThrownBy(() -> new CallPlan(Map.of("X", -1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theShapeOfASnapshot() {
        Host h = Fixtures.host("h", 4096, 8192, 4096, 8192, PortSet.EMPTY);
        Service web = Fixtures.service("web");
        FleetSnapshot s = Fixtures.snapshot(List.of(web), List.of(h), List.of(Fixtures.task("t1", "web", h.arn(),
                "RUNNING"), Fixtures.task("t2", "other", h.arn(), "RUNNING")), Map.of());
        FleetShape shape = FleetShape.of(s);
        assertThat(shape.clusters()).containsExactly(new ClusterShape(1, 1, 2));
        assertThat(shape.taskDefinitions()).isEqualTo(2); // web:1 (service, deployment and t1 share it), other:1
        assertThat(shape.services()).isEqualTo(1);
        assertThat(shape.hosts()).isEqualTo(1);
        assertThat(shape.tasks()).isEqualTo(2);
    }
}
