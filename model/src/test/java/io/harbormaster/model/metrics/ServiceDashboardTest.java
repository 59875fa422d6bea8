package io.harbormaster.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.Fixtures;
import io.harbormaster.model.fleet.LoadBalancerTarget;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.testdata.ServiceBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceDashboardTest {

    static final String BLUE = "arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/api-blue/0a1b2c3d";
    static final String GREEN = "arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/api-green/4e5f6a7b";
    static final String ALB = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/edge/99aa88bb";
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Instant T0 = Fixtures.T0;

    static Service behind(String name, String... targetGroups) {
        Service s = Fixtures.service(name);
        List<LoadBalancerTarget> lbs = java.util.Arrays.stream(targetGroups)
                .map(tg -> new LoadBalancerTarget(tg, "", name, 8080)).toList();
        return ServiceBuilder.from(s).loadBalancers(lbs).build();
    }

    @Test
    void aServiceWithoutALoadBalancerHasCpuAndMemoryOnly() {
        ServiceDashboard d = ServiceDashboard.of(Fixtures.service("worker"), Map.of());
        assertThat(d.loadBalanced()).isFalse();
        assertThat(d.charts()).containsExactly(MetricKind.CPU_UTILIZATION, MetricKind.MEMORY_UTILIZATION);
        List<MetricQuery> q = d.queries(MINUTE);
        assertThat(q).hasSize(2);
        assertThat(q.get(0).metric()).isEqualTo(MetricId.of("AWS/ECS", "CPUUtilization",
                Map.of("ClusterName", "main", "ServiceName", "worker")));
        assertThat(q.get(0).statistic()).isEqualTo("Average");
        assertThat(q.get(1).metric().name()).isEqualTo("MemoryUtilization");
    }

    @Test
    void aBlueGreenServiceHasEveryChartWithASeriesPerTargetGroup() {
        ServiceDashboard d = ServiceDashboard.of(behind("api", BLUE, GREEN), Map.of(BLUE, ALB, GREEN, ALB));
        assertThat(d.charts()).hasSize(8).contains(MetricKind.ERROR_RATE_5XX, MetricKind.LATENCY_P99,
                MetricKind.HEALTHY_HOSTS);
        List<MetricQuery> q = d.queries(MINUTE);
        assertThat(q).hasSize(12);
        MetricQuery requests = q.stream().filter(x -> x.id().equals("req_1")).findFirst().orElseThrow();
        assertThat(requests.metric()).isEqualTo(MetricId.of("AWS/ApplicationELB", "RequestCount",
                Map.of("LoadBalancer", "app/edge/99aa88bb", "TargetGroup", "targetgroup/api-green/4e5f6a7b")));
        assertThat(requests.statistic()).isEqualTo("Sum");
        assertThat(q).filteredOn(x -> x.metric().name().equals("TargetResponseTime"))
                .extracting(MetricQuery::statistic).containsExactly("p50", "p99", "p50", "p99");
    }

    @Test
    void aTargetGroupWithoutALoadBalancerIsLeftOut() {
        ServiceDashboard d = ServiceDashboard.of(behind("api", BLUE, GREEN), Map.of(BLUE, ALB));
        assertThat(d.queries(MINUTE)).hasSize(7);
    }

    @Test
    void theFiveXxRateIsComputedFromTheTwoSumsPeriodByPeriod() {
        ServiceDashboard d = ServiceDashboard.of(behind("api", BLUE), Map.of(BLUE, ALB));
        List<MetricQuery> q = d.queries(MINUTE);
        MetricQuery req = q.get(2);
        MetricQuery errors = q.get(3);
        List<MetricSeries> fetched = List.of(
                new MetricSeries(req, List.of(p(0, 1000), p(1, 2000), p(2, 0), p(3, 500))),
                new MetricSeries(errors, List.of(p(0, 10), p(1, 200), p(2, 0))));

        Map<MetricKind, List<NamedSeries>> charts = d.assemble(fetched);

        assertThat(charts.get(MetricKind.ERROR_RATE_5XX)).singleElement().satisfies(s -> {
            assertThat(s.label()).isEqualTo("api-blue");
            assertThat(s.points()).containsExactly(p(0, 1.0), p(1, 10.0), p(3, 0.0));
        });
        assertThat(charts.get(MetricKind.REQUEST_COUNT).get(0).points()).hasSize(4);
        assertThat(charts.get(MetricKind.CPU_UTILIZATION).get(0).points()).as("not fetched: empty, not missing")
                .isEmpty();
        assertThat(charts.keySet()).containsAll(d.charts());
    }

    @Test
    void countsAreDrawnPerSecondWhateverThePeriodAndTheFillingPeriodIsLeftOut() {
        Duration fiveMinutes = Duration.ofMinutes(5);
        ServiceDashboard d = ServiceDashboard.of(behind("api", BLUE), Map.of(BLUE, ALB));
        List<MetricQuery> q = d.queries(fiveMinutes);
        Instant now = T0.plus(Duration.ofMinutes(12)); // the period from minute 10 has 2 of its 5 minutes
        List<MetricSeries> fetched = List.of(new MetricSeries(q.get(0), List.of(at(0, 40), at(10, 41))),
                new MetricSeries(q.get(2), List.of(at(0, 3000), at(5, 3000), at(10, 1200))),
                new MetricSeries(q.get(3), List.of(at(5, 30))));

        Map<MetricKind, List<NamedSeries>> charts = d.display(fetched, now);

        assertThat(charts.get(MetricKind.REQUEST_COUNT).get(0).points()).as("10 a second, no cliff at the end")
                .containsExactly(at(0, 10.0), at(5, 10.0));
        assertThat(charts.get(MetricKind.TARGET_5XX_COUNT).get(0).points())
                .as("zero where requests were served without a 5xx; per second").containsExactly(at(0, 0.0),
                        at(5, 0.1));
        assertThat(charts.get(MetricKind.CPU_UTILIZATION).get(0).points()).as("an average is not shrunk by a"
                + " partial period").hasSize(2);
        assertThat(charts.get(MetricKind.ERROR_RATE_5XX).get(0).points()).as("a ratio neither")
                .containsExactly(at(0, 0.0), at(5, 1.0), at(10, 0.0));
    }

    @Test
    void aServiceWithoutRequestsHasNoFiveXxLineButAGap() {
        ServiceDashboard d = ServiceDashboard.of(behind("api", BLUE), Map.of(BLUE, ALB));
        List<MetricQuery> q = d.queries(MINUTE);
        Map<MetricKind, List<NamedSeries>> charts = d.display(List.of(new MetricSeries(q.get(2), List.of()),
                new MetricSeries(q.get(3), List.of())), T0.plus(Duration.ofHours(1)));

        assertThat(charts.get(MetricKind.TARGET_5XX_COUNT).get(0).points()).as("missing data stays missing")
                .isEmpty();
    }

    private static MetricPoint at(int minute, double v) {
        return p(minute, v);
    }

    private static MetricPoint p(int minute, double v) {
        return new MetricPoint(T0.plus(MINUTE.multipliedBy(minute)), v);
    }
}
