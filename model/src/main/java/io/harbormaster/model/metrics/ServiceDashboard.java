package io.harbormaster.model.metrics;

import static io.harbormaster.model.metrics.CloudWatchNames.ALB;
import static io.harbormaster.model.metrics.CloudWatchNames.CLUSTER_NAME;
import static io.harbormaster.model.metrics.CloudWatchNames.ECS;
import static io.harbormaster.model.metrics.CloudWatchNames.LOAD_BALANCER;
import static io.harbormaster.model.metrics.CloudWatchNames.SERVICE_NAME;
import static io.harbormaster.model.metrics.CloudWatchNames.TARGET_GROUP;

import io.harbormaster.model.fleet.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A service's charts: which metrics to fetch and how the fetched series become what each chart draws. CPU and memory
 * for every service; for a service behind load balancers, per target group: requests, 5xx count, 5xx rate
 * (computed here from the two sums, so no metric math is needed), p50/p99 latency and healthy hosts. Blue/green
 * services have two target groups, so those charts carry one series per target group.
 */
public final class ServiceDashboard {

    private final String clusterName;
    private final String serviceName;
    private final List<TargetGroupDims> targetGroups;

    private record TargetGroupDims(String label, String targetGroup, String loadBalancer) {
    }

    private ServiceDashboard(String clusterName, String serviceName, List<TargetGroupDims> targetGroups) {
        this.clusterName = clusterName;
        this.serviceName = serviceName;
        this.targetGroups = List.copyOf(targetGroups);
    }

    /**
     * @param loadBalancerByTargetGroup from {@link LoadBalancersOfTargetGroups}; a target group missing here has no
     *                                  load balancer (CloudWatch has no ALB metrics for it) and is left out
     */
    public static ServiceDashboard of(Service service, Map<String, String> loadBalancerByTargetGroup) {
        Objects.requireNonNull(service, "service");
        List<TargetGroupDims> tgs = new ArrayList<>();
        for (String tg : service.targetGroupArns()) {
            String lb = loadBalancerByTargetGroup.get(tg);
            if (lb != null) {
                tgs.add(new TargetGroupDims(ElbDimensions.targetGroupName(tg), ElbDimensions.targetGroup(tg),
                        ElbDimensions.loadBalancer(lb)));
            }
        }
        return new ServiceDashboard(service.clusterName(), service.name(), tgs);
    }

    public boolean loadBalanced() {
        return !targetGroups.isEmpty();
    }

    /** The charts, in the order to show them. */
    public List<MetricKind> charts() {
        if (!loadBalanced()) {
            return List.of(MetricKind.CPU_UTILIZATION, MetricKind.MEMORY_UTILIZATION);
        }
        return List.of(MetricKind.CPU_UTILIZATION, MetricKind.MEMORY_UTILIZATION, MetricKind.REQUEST_COUNT,
                MetricKind.TARGET_5XX_COUNT, MetricKind.ERROR_RATE_5XX, MetricKind.LATENCY_P50,
                MetricKind.LATENCY_P99, MetricKind.HEALTHY_HOSTS);
    }

    /**
     * A CloudWatch metric a chart draws, read by {@code statistic} under the query id {@code id}. {@code perSecond}:
     * the chart shows the metric's Sum per period as a rate per second ({@link #display}).
     */
    public record ChartMetric(String id, MetricKind chart, MetricId metric, String statistic, boolean perSecond) {
    }

    /**
     * The metrics the charts draw, as they are read: CPU and memory, plus five per target group. The 5xx rate is
     * computed from two of them and has none of its own.
     */
    public List<ChartMetric> chartMetrics() {
        Map<String, String> svc = Map.of(CLUSTER_NAME, clusterName, SERVICE_NAME, serviceName);
        List<ChartMetric> out = new ArrayList<>();
        out.add(new ChartMetric("cpu", MetricKind.CPU_UTILIZATION,
                MetricId.of(ECS, CloudWatchNames.CPU_UTILIZATION, svc), "Average", false));
        out.add(new ChartMetric("mem", MetricKind.MEMORY_UTILIZATION,
                MetricId.of(ECS, CloudWatchNames.MEMORY_UTILIZATION, svc), "Average", false));
        for (int i = 0; i < targetGroups.size(); i++) {
            TargetGroupDims tg = targetGroups.get(i);
            Map<String, String> dims = Map.of(LOAD_BALANCER, tg.loadBalancer, TARGET_GROUP, tg.targetGroup);
            MetricId responseTime = MetricId.of(ALB, CloudWatchNames.TARGET_RESPONSE_TIME, dims);
            out.add(new ChartMetric("req_" + i, MetricKind.REQUEST_COUNT,
                    MetricId.of(ALB, CloudWatchNames.REQUEST_COUNT, dims), "Sum", true));
            out.add(new ChartMetric("e5xx_" + i, MetricKind.TARGET_5XX_COUNT,
                    MetricId.of(ALB, CloudWatchNames.TARGET_5XX, dims), "Sum", true));
            out.add(new ChartMetric("p50_" + i, MetricKind.LATENCY_P50, responseTime, "p50", false));
            out.add(new ChartMetric("p99_" + i, MetricKind.LATENCY_P99, responseTime, "p99", false));
            out.add(new ChartMetric("healthy_" + i, MetricKind.HEALTHY_HOSTS,
                    MetricId.of(ALB, CloudWatchNames.HEALTHY_HOSTS, dims), "Minimum", false));
        }
        return List.copyOf(out);
    }

    /** What to fetch: 2 queries, plus 5 per target group. */
    public List<MetricQuery> queries(Duration period) {
        return chartMetrics().stream().map(m -> new MetricQuery(m.id(), m.metric(), m.statistic(), period)).toList();
    }

    /**
     * The series of each chart as CloudWatch sums them per period (see {@link #display} for what is drawn), from
     * what {@link FetchMetrics} (or {@link MetricHistory}) returned for {@link #queries}.
     * A chart whose data is missing gets empty series, never a gap in the map.
     */
    public Map<MetricKind, List<NamedSeries>> assemble(List<MetricSeries> fetched) {
        Map<String, List<MetricPoint>> byId = new HashMap<>();
        for (MetricSeries s : fetched) {
            byId.put(s.query().id(), s.points());
        }
        Map<MetricKind, List<NamedSeries>> charts = new EnumMap<>(MetricKind.class);
        charts.put(MetricKind.CPU_UTILIZATION, List.of(named(serviceName, byId, "cpu")));
        charts.put(MetricKind.MEMORY_UTILIZATION, List.of(named(serviceName, byId, "mem")));
        if (!loadBalanced()) {
            return charts;
        }
        for (MetricKind k : List.of(MetricKind.REQUEST_COUNT, MetricKind.TARGET_5XX_COUNT, MetricKind.ERROR_RATE_5XX,
                MetricKind.LATENCY_P50, MetricKind.LATENCY_P99, MetricKind.HEALTHY_HOSTS)) {
            charts.put(k, new ArrayList<>());
        }
        for (int i = 0; i < targetGroups.size(); i++) {
            String label = targetGroups.get(i).label;
            charts.get(MetricKind.REQUEST_COUNT).add(named(label, byId, "req_" + i));
            charts.get(MetricKind.TARGET_5XX_COUNT).add(named(label, byId, "e5xx_" + i));
            charts.get(MetricKind.ERROR_RATE_5XX).add(new NamedSeries(label,
                    errorRate(byId.getOrDefault("req_" + i, List.of()), byId.getOrDefault("e5xx_" + i, List.of()))));
            charts.get(MetricKind.LATENCY_P50).add(named(label, byId, "p50_" + i));
            charts.get(MetricKind.LATENCY_P99).add(named(label, byId, "p99_" + i));
            charts.get(MetricKind.HEALTHY_HOSTS).add(named(label, byId, "healthy_" + i));
        }
        charts.replaceAll((k, v) -> List.copyOf(v));
        return charts;
    }

    /**
     * What the charts draw: {@link #assemble} with counts turned into rates per second ({@link Rates}), the 5xx
     * count at zero where requests were served without a 5xx, and the counts' period still filling at {@code now}
     * left out (averages, percentiles and the 5xx rate are not sums: a partial period does not shrink them).
     */
    public Map<MetricKind, List<NamedSeries>> display(List<MetricSeries> fetched, Instant now) {
        Map<MetricKind, List<NamedSeries>> charts = assemble(fetched);
        if (!loadBalanced()) {
            return charts;
        }
        Duration period = fetched.isEmpty() ? Duration.ofMinutes(1) : fetched.get(0).query().period();
        List<NamedSeries> requests = charts.get(MetricKind.REQUEST_COUNT);
        List<NamedSeries> errors = charts.get(MetricKind.TARGET_5XX_COUNT);
        List<NamedSeries> requestRates = new ArrayList<>();
        List<NamedSeries> errorRates = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            NamedSeries served = requests.get(i);
            List<MetricPoint> failed = Rates.zeroWhereServed(errors.get(i).points(), served.points());
            requestRates.add(new NamedSeries(served.label(),
                    Rates.perSecond(Rates.completeOnly(served.points(), period, now), period)));
            errorRates.add(new NamedSeries(served.label(),
                    Rates.perSecond(Rates.completeOnly(failed, period, now), period)));
        }
        Map<MetricKind, List<NamedSeries>> out = new EnumMap<>(charts);
        out.put(MetricKind.REQUEST_COUNT, List.copyOf(requestRates));
        out.put(MetricKind.TARGET_5XX_COUNT, List.copyOf(errorRates));
        return out;
    }

    /**
     * 5xx as a percentage of requests, period by period. A period with requests but no 5xx point is 0 % (CloudWatch
     * publishes no HTTPCode point for a period without such responses); a period without requests has no rate.
     */
    public static List<MetricPoint> errorRate(List<MetricPoint> requests, List<MetricPoint> errors) {
        Map<Instant, Double> errorsAt = new HashMap<>();
        for (MetricPoint p : errors) {
            errorsAt.put(p.at(), p.value());
        }
        List<MetricPoint> out = new ArrayList<>();
        for (MetricPoint r : requests) {
            if (r.value() > 0) {
                double e = errorsAt.getOrDefault(r.at(), 0.0);
                out.add(new MetricPoint(r.at(), Math.min(100.0, 100.0 * e / r.value())));
            }
        }
        return out;
    }

    private static NamedSeries named(String label, Map<String, List<MetricPoint>> byId, String id) {
        return new NamedSeries(label, byId.getOrDefault(id, List.of()));
    }
}
