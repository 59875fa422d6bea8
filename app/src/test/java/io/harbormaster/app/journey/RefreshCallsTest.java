package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.CallPlan;
import io.harbormaster.model.fleet.FleetStats;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The soak's count of a refresh's calls: its own calls, by its name, against the minimum plus its retries. */
class RefreshCallsTest {

    private static final CallPlan ALWAYS = new CallPlan(Map.of("ListClusters", 1, "DescribeClusters", 1,
            "ListServices", 2, "DescribeServices", 3, "ListContainerInstances", 2));

    private static FleetStats stats(int retries, Map<String, Integer> calls) {
        return new FleetStats(FleetStats.Kind.INCREMENTAL, calls, retries, 0, Duration.ofSeconds(1),
                "harbormaster-fleet-refresh/3");
    }

    @Test
    void aRefreshAtItsMinimumIsWithinWhateverElseWasSentMeanwhile() {
        Map<String, Long> named = Map.of("ecs.ListClusters", 1L, "ecs.DescribeClusters", 1L, "ecs.ListServices", 2L,
                "ecs.DescribeServices", 3L, "ecs.ListContainerInstances", 2L, "ecs.ListTasks", 1L,
                "ecs.DescribeTasks", 1L, "elasticloadbalancing.DescribeTargetHealth", 1L);
        Map<String, Long> window = RefreshCalls.window(Map.of("ecs.ListClusters", 40L),
                Map.of("ecs.ListClusters", 42L, "ecs.DescribeClusters", 1L, "ecs.ListServices", 2L,
                        "ecs.DescribeServices", 3L, "ecs.ListContainerInstances", 2L, "ecs.ListTasks", 1L,
                        "ecs.DescribeTasks", 1L, "elasticloadbalancing.DescribeTargetHealth", 1L,
                        "monitoring.GetMetricData", 9L));

        RefreshCalls.Measured m = RefreshCalls.count("stage", named, window, ALWAYS,
                stats(0, Map.of("ListTasks", 1, "DescribeTasks", 1, "DescribeTargetHealth", 1)));

        assertThat(m.sentTotal()).isEqualTo(12);
        assertThat(m.minimumTotal()).isEqualTo(12);
        assertThat(m.withinBound()).isTrue();
        assertThat(m.others()).as("a page's ListClusters meanwhile is told apart").isEqualTo(
                Map.of("ListClusters", 1L));
        assertThat(m.sent()).containsEntry("DescribeTargetHealth", 1L);
    }

    @Test
    void aSecondCallUnderTheRefreshsNameIsOverUnlessItWasARetry() {
        Map<String, Long> named = Map.of("ecs.ListClusters", 2L, "ecs.DescribeClusters", 1L, "ecs.ListServices", 2L,
                "ecs.DescribeServices", 3L, "ecs.ListContainerInstances", 2L);

        RefreshCalls.Measured over = RefreshCalls.count("prod", named, Map.of(), ALWAYS, stats(0, Map.of()));
        RefreshCalls.Measured retried = RefreshCalls.count("prod", named, Map.of(), ALWAYS, stats(1, Map.of()));

        assertThat(over.withinBound()).isFalse();
        assertThat(over.toString()).contains("OVER").contains("ListClusters=2");
        assertThat(retried.withinBound()).isTrue();
        assertThat(retried.others()).isEmpty();
    }
}
