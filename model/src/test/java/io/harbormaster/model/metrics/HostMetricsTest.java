package io.harbormaster.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.Fixtures;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.PortSet;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostMetricsTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Instant T0 = Fixtures.T0;

    private static final Cluster ENHANCED = new Cluster(Fixtures.CLUSTER, "main", "ACTIVE", 0, 0, 0, 0, "enhanced");

    @Test
    void oneQueryPerHostAndAThousandHostsAreTwoCalls() {
        List<Host> hosts = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            hosts.add(Fixtures.host(String.format("%032x", i), 4096, 8192, 1024, 2048, PortSet.EMPTY));
        }
        HostMetrics.HostQueries q = new HostMetrics(List.of(ENHANCED)).queries(hosts, MetricKind.CPU_UTILIZATION,
                MINUTE);

        assertThat(q.queries()).hasSize(1_000);
        assertThat(q.queries().get(7).metric()).isEqualTo(MetricId.of("ECS/ContainerInsights",
                "instance_cpu_utilization", Map.of("ClusterName", "main", "ContainerInstanceId",
                        String.format("%032x", 7), "EC2InstanceId", "i-" + String.format("%032x", 7))));
        assertThat(BatchPlanner.plan(q.queries(), TimeRange.LIVE.window(T0))).hasSize(2);

        Map<String, List<MetricPoint>> byHost = q.byHost(List.of(new MetricSeries(q.queries().get(7),
                List.of(new MetricPoint(T0, 42)))));
        assertThat(byHost).hasSize(1_000);
        assertThat(byHost.get(hosts.get(7).arn())).containsExactly(new MetricPoint(T0, 42));
        assertThat(byHost.get(hosts.get(8).arn())).isEmpty();
    }

    @Test
    void containerInsightsOnlyWhereTheClusterHasEnhancedObservabilityElseEc2sCpu() {
        Host h = Fixtures.host("abc", 4096, 8192, 0, 0, PortSet.EMPTY);
        HostMetrics enhanced = new HostMetrics(List.of(ENHANCED));
        assertThat(enhanced.sourceOf(h)).isEqualTo(HostMetricSource.CONTAINER_INSIGHTS);
        assertThat(enhanced.queries(List.of(h), MetricKind.MEMORY_UTILIZATION, MINUTE).queries().get(0).metric())
                .isEqualTo(MetricId.of("ECS/ContainerInsights", "instance_memory_utilization",
                        Map.of("ClusterName", "main", "ContainerInstanceId", "abc", "EC2InstanceId", "i-abc")));

        for (String setting : List.of("enabled", "disabled", "")) {
            HostMetrics plain = new HostMetrics(List.of(new Cluster(Fixtures.CLUSTER, "main", "ACTIVE", 0, 0, 0, 0,
                    setting)));
            assertThat(plain.sourceOf(h)).as(setting).isEqualTo(HostMetricSource.EC2);
            assertThat(plain.queries(List.of(h), MetricKind.CPU_UTILIZATION, MINUTE).queries().get(0).metric())
                    .isEqualTo(MetricId.of("AWS/EC2", "CPUUtilization", Map.of("InstanceId", "i-abc")));
            assertThat(plain.queries(List.of(h), MetricKind.MEMORY_UTILIZATION, MINUTE).queries())
                    .as("no memory without Container Insights or the agent").isEmpty();
            assertThat(plain.served(List.of(h), HostMetricSource.CONTAINER_INSIGHTS, MetricKind.CPU_UTILIZATION))
                    .isZero();
        }
        assertThat(HostMetrics.measured(MetricKind.MEMORY_UTILIZATION)).isTrue();
        assertThat(HostMetrics.measured(MetricKind.REQUEST_RATE)).isFalse();
    }

    @Test
    void taskCountAndReservationComeFromTheSnapshot() {
        Host a = Fixtures.host("a", 4096, 8192, 1024, 2048, PortSet.EMPTY);
        Host b = Fixtures.host("b", 2048, 4096, 2048, 4096, PortSet.EMPTY);
        FleetSnapshot snapshot = Fixtures.snapshot(List.of(Fixtures.service("web")), List.of(a, b),
                List.of(Fixtures.task("t1", "web", a.arn(), "RUNNING"), Fixtures.task("t2", "web", a.arn(),
                        "RUNNING")), Map.of());

        assertThat(HostMetrics.fromSnapshot(snapshot, MetricKind.TASK_COUNT))
                .containsExactlyInAnyOrderEntriesOf(Map.of(a.arn(), 2.0, b.arn(), 0.0));
        assertThat(HostMetrics.fromSnapshot(snapshot, MetricKind.CPU_RESERVATION).get(a.arn()))
                .isCloseTo(75.0, within(1e-9));
        assertThat(HostMetrics.fromSnapshot(snapshot, MetricKind.MEMORY_RESERVATION).get(b.arn())).isZero();
        assertThat(HostMetrics.fromSnapshot(snapshot, MetricKind.CPU_UTILIZATION)).isEmpty();
    }

    @Test
    void requestsAndErrorsAreSharedOutToHostsByTheirRunningTasks() {
        Host a = Fixtures.host("a", 4096, 8192, 0, 0, PortSet.EMPTY);
        Host b = Fixtures.host("b", 4096, 8192, 0, 0, PortSet.EMPTY);
        Host idle = Fixtures.host("c", 4096, 8192, 4096, 8192, PortSet.EMPTY);
        Service api = ServiceDashboardTest.behind("api", ServiceDashboardTest.BLUE);
        List<Task> tasks = List.of(Fixtures.task("t1", "api", a.arn(), "RUNNING"),
                Fixtures.task("t2", "api", a.arn(), "RUNNING"), Fixtures.task("t3", "api", b.arn(), "RUNNING"),
                Fixtures.task("t4", "api", b.arn(), "PENDING"));
        FleetSnapshot snapshot = Fixtures.snapshot(List.of(api), List.of(a, b, idle), tasks, Map.of());

        HostTraffic traffic = HostTraffic.of(snapshot, Map.of(ServiceDashboardTest.BLUE, ServiceDashboardTest.ALB));
        List<MetricQuery> q = traffic.queries(MINUTE);
        assertThat(q).extracting(MetricQuery::id).containsExactly("req_0", "e5xx_0");
        List<MetricSeries> fetched = List.of(new MetricSeries(q.get(0), List.of(new MetricPoint(T0, 6000))),
                new MetricSeries(q.get(1), List.of(new MetricPoint(T0, 60))));

        Map<String, List<MetricPoint>> rate = traffic.requestRate(fetched);
        assertThat(rate.get(a.arn()).get(0).value()).isCloseTo(6000.0 * 2 / 3 / 60, within(1e-9));
        assertThat(rate.get(b.arn()).get(0).value()).isCloseTo(6000.0 / 3 / 60, within(1e-9));
        assertThat(rate).doesNotContainKey(idle.arn());
        assertThat(traffic.errorRate(fetched).get(a.arn()).get(0).value()).isCloseTo(1.0, within(1e-9));
    }
}
