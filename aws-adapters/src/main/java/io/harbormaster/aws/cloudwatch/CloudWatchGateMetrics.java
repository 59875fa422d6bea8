package io.harbormaster.aws.cloudwatch;

import io.harbormaster.aws.error.AwsErrors;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.cutover.CutoverSide;
import io.harbormaster.model.cutover.GateMetrics;
import io.harbormaster.model.cutover.GateReadings;
import io.harbormaster.model.cutover.GateReadings.Series;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.metrics.ElbDimensions;
import io.harbormaster.model.metrics.FetchMetrics;
import io.harbormaster.model.metrics.MetricId;
import io.harbormaster.model.metrics.MetricPoint;
import io.harbormaster.model.metrics.MetricQuery;
import io.harbormaster.model.metrics.MetricSeries;
import io.harbormaster.model.metrics.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * A side's gate data through the metrics port (one GetMetricData batch): AWS/ApplicationELB per minute — for a side
 * with one target group (ALB weights) that group's series, for a load balancer side (a Route 53 alias) the load
 * balancer's, with HealthyHostCount (published per target group only) summed over its target groups — and the
 * named alarms' states with DescribeAlarms.
 */
public final class CloudWatchGateMetrics implements GateMetrics {

    private static final String ELB = "AWS/ApplicationELB";
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final FetchMetrics metrics;
    private final AwsSessions sessions;
    private final AwsClientFactory clients;

    public CloudWatchGateMetrics(FetchMetrics metrics, AwsSessions sessions, AwsClientFactory clients) {
        this.metrics = metrics;
        this.sessions = sessions;
        this.clients = clients;
    }

    @Override
    public GateReadings read(EnvironmentSession session, CutoverSide side, List<String> alarmNames,
            TimeWindow window) {
        String lb = ElbDimensions.loadBalancer(side.loadBalancerArn());
        boolean oneGroup = side.targetGroupArns().size() == 1;
        Map<String, String> scope = new TreeMap<>();
        scope.put("LoadBalancer", lb);
        if (oneGroup) {
            scope.put("TargetGroup", ElbDimensions.targetGroup(side.targetGroupArns().get(0)));
        }
        List<MetricQuery> queries = new ArrayList<>();
        Map<String, Series> seriesOf = new HashMap<>();
        add(queries, seriesOf, "requests", Series.REQUESTS, MetricId.of(ELB, "RequestCount", scope), "Sum");
        add(queries, seriesOf, "errors", Series.TARGET_5XX, MetricId.of(ELB, "HTTPCode_Target_5XX_Count", scope),
                "Sum");
        add(queries, seriesOf, "p99", Series.RESPONSE_TIME_P99, MetricId.of(ELB, "TargetResponseTime", scope), "p99");
        int i = 0;
        for (String tg : side.targetGroupArns()) {
            add(queries, seriesOf, "healthy" + i++, Series.HEALTHY_HOSTS, MetricId.of(ELB, "HealthyHostCount",
                    Map.of("LoadBalancer", lb, "TargetGroup", ElbDimensions.targetGroup(tg))), "Minimum");
        }
        Map<Series, List<MetricPoint>> series = new EnumMap<>(Series.class);
        Map<Instant, Double> healthy = new TreeMap<>();
        for (MetricSeries s : metrics.fetch(session, queries, window.start(), window.end())) {
            Series kind = seriesOf.get(s.query().id());
            if (kind == Series.HEALTHY_HOSTS) {
                s.points().forEach(p -> healthy.merge(p.at(), p.value(), Double::sum));
            } else {
                series.put(kind, s.points());
            }
        }
        series.put(Series.HEALTHY_HOSTS, healthy.entrySet().stream().map(e -> new MetricPoint(e.getKey(),
                e.getValue())).toList());
        return new GateReadings(series, alarms(session, alarmNames));
    }

    private static void add(List<MetricQuery> queries, Map<String, Series> seriesOf, String id, Series kind,
            MetricId metric, String statistic) {
        queries.add(new MetricQuery(id, metric, statistic, MINUTE));
        seriesOf.put(id, kind);
    }

    private Map<String, String> alarms(EnvironmentSession session, List<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        try {
            Map<String, String> states = new HashMap<>();
            for (MetricAlarm a : clients.cloudWatch(sessions.context(session))
                    .describeAlarmsPaginator(b -> b.alarmNames(names)).metricAlarms()) {
                states.put(a.alarmName(), a.stateValueAsString());
            }
            return states;
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "reading the gate alarms " + names + " in "
                    + session.environment().displayName());
        }
    }
}
