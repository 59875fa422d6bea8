package io.harbormaster.model.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.harbormaster.model.fleet.Fixtures;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.LoadBalancerTarget;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.metrics.MetricPoint;
import io.harbormaster.model.metrics.MetricSeries;
import io.harbormaster.model.testdata.ServiceBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceRequestsTest {

    private static final String TG_WEB = "arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/web/aa";
    private static final String TG_SHARED = "arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/sh/bb";
    private static final String TG_NO_LB = "arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/x/cc";
    private static final String LB = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/edge/dd";
    private static final Instant END = Instant.parse("2026-12-06T06:00:00Z");
    private static final Instant START = END.minus(ServiceRequests.DAY);

    private static Service behind(String name, String... tgs) {
        return ServiceBuilder.aService(name).arn("svc/" + name).cluster(Fixtures.CLUSTER)
                .loadBalancers(java.util.Arrays.stream(tgs).map(tg -> new LoadBalancerTarget(tg, "", name, 8080))
                        .toList()).build();
    }

    @Test
    void theWindowIsTheLastWholeHoursEndingAtOrBeforeNow() {
        Instant[] w = ServiceRequests.window(Instant.parse("2026-12-06T06:41:10Z"), ServiceRequests.DAY);
        assertThat(w).containsExactly(START, END);
    }

    /**
     * web: 24 hours of 36,000 requests = 864,000 a day, 36,000 an hour; at $0.90 an hour 1,000 requests cost
     * $0.025. A target group shared by two services gives each half of its 2,400. A target group whose load balancer
     * is unknown is not asked for; a service with no data has no figure (NaN), not a free one.
     */
    @Test
    void requestsPerServiceAndTheCostOfAThousand() {
        FleetSnapshot s = Fixtures.snapshot(List.of(behind("web", TG_WEB), behind("a", TG_SHARED),
                behind("b", TG_SHARED), behind("dark", TG_NO_LB), Fixtures.service("worker")), List.of(), List.of(),
                Map.of());

        ServiceRequests.Plan plan = ServiceRequests.plan(s, Map.of(TG_WEB, LB, TG_SHARED, LB));

        assertThat(plan.queries()).hasSize(2);
        assertThat(plan.queries().get(0).metric().dimensions()).containsEntry("TargetGroup", "targetgroup/web/aa")
                .containsEntry("LoadBalancer", "app/edge/dd");
        assertThat(plan.queries()).allSatisfy(q -> {
            assertThat(q.statistic()).isEqualTo("Sum");
            assertThat(q.metric().name()).isEqualTo("RequestCount");
        });
        List<MetricPoint> web = new java.util.ArrayList<>();
        for (int h = 0; h < 24; h++) {
            web.add(new MetricPoint(START.plusSeconds(3600L * h), 36_000));
        }
        web.add(new MetricPoint(END, 1_000_000)); // outside the window: not counted
        ServiceRequests r = plan.read(List.of(new MetricSeries(plan.queries().get(0), web),
                new MetricSeries(plan.queries().get(1), List.of(new MetricPoint(START, 2_400)))), START, END);

        assertThat(r.hours()).isEqualTo(24);
        assertThat(r.requestsByService()).containsEntry("svc/web", 864_000.0).containsEntry("svc/a", 1_200.0)
                .containsEntry("svc/b", 1_200.0).doesNotContainKey("svc/dark").doesNotContainKey("svc/worker");
        assertThat(r.usdPerThousand("svc/web", 0.90)).isCloseTo(0.025, within(1e-12));
        assertThat(r.usdPerThousand("svc/a", 0.05)).isCloseTo(0.05 / 50 * 1000, within(1e-12));
        assertThat(r.usdPerThousand("svc/worker", 0.05)).isNaN();
    }
}
