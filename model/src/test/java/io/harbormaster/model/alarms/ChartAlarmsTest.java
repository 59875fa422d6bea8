package io.harbormaster.model.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.Fixtures;
import io.harbormaster.model.fleet.LoadBalancerTarget;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.metrics.MetricId;
import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.metrics.ServiceDashboard;
import io.harbormaster.model.testdata.ServiceBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartAlarmsTest {

    private static final String TG = "arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/api-blue/0a1b2c3d";
    private static final String LB = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/edge/99aa88bb";
    private static final Map<String, String> SERVICE = Map.of("ClusterName", "main", "ServiceName", "api");
    private static final Map<String, String> TARGETS = Map.of("LoadBalancer", "app/edge/99aa88bb",
            "TargetGroup", "targetgroup/api-blue/0a1b2c3d");

    private final List<ServiceDashboard.ChartMetric> charts = dashboard().chartMetrics();

    private static ServiceDashboard dashboard() {
        Service api = ServiceBuilder.from(Fixtures.service("api"))
                .loadBalancers(List.of(new LoadBalancerTarget(TG, "", "api", 8080))).build();
        return ServiceDashboard.of(api, Map.of(TG, LB));
    }

    private static Alarm alarm(String name, String namespace, String metric, Map<String, String> dims,
            String statistic, Duration period, double threshold, String comparison, AlarmState state) {
        return new Alarm(name, "", "", MetricId.of(namespace, metric, dims), statistic, period, threshold, comparison,
                3, state, "", Instant.EPOCH);
    }

    @Test
    void anAlarmOnTheMetricAndStatisticAChartDrawsIsALevelOfIt() {
        var levels = ChartAlarms.of(charts, List.of(
                alarm("api-cpu-critical", "AWS/ECS", "CPUUtilization", SERVICE, "Average", Duration.ofMinutes(1), 90,
                        "GreaterThanThreshold", AlarmState.ALARM),
                alarm("api-cpu-warning", "AWS/ECS", "CPUUtilization", SERVICE, "Average", Duration.ofMinutes(1), 70,
                        "GreaterThanOrEqualToThreshold", AlarmState.OK),
                alarm("api-memory", "AWS/ECS", "MemoryUtilization", SERVICE, "Average", Duration.ofMinutes(5), 95,
                        "GreaterThanThreshold", AlarmState.INSUFFICIENT_DATA)));

        assertThat(levels.get(MetricKind.CPU_UTILIZATION)).as("lowest first").containsExactly(
                new ChartAlarms.Level("api-cpu-warning", 70, ">=", AlarmState.OK),
                new ChartAlarms.Level("api-cpu-critical", 90, ">", AlarmState.ALARM));
        assertThat(levels.get(MetricKind.MEMORY_UTILIZATION)).extracting(ChartAlarms.Level::alarm)
                .containsExactly("api-memory");
        assertThat(levels).doesNotContainKey(MetricKind.LATENCY_P99);
    }

    @Test
    void aSumPerPeriodIsDrawnAsTheRatePerSecondTheChartShows() {
        var levels = ChartAlarms.of(charts, List.of(
                alarm("api-5xx", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", TARGETS, "Sum",
                        Duration.ofMinutes(5), 600, "GreaterThanThreshold", AlarmState.OK),
                alarm("api-quiet", "AWS/ApplicationELB", "RequestCount", TARGETS, "Sum", Duration.ofMinutes(1), 60,
                        "LessThanThreshold", AlarmState.OK)));

        assertThat(levels.get(MetricKind.TARGET_5XX_COUNT)).singleElement()
                .satisfies(level -> assertThat(level.value()).as("600 in 300 s").isEqualTo(2.0));
        assertThat(levels.get(MetricKind.REQUEST_COUNT)).singleElement()
                .satisfies(level -> assertThat(level.value()).isEqualTo(1.0));
    }

    @Test
    void aPercentileIsTheChartOfThatPercentileAsCloudWatchWritesIt() {
        var levels = ChartAlarms.of(charts, List.of(
                alarm("api-p99", "AWS/ApplicationELB", "TargetResponseTime", TARGETS, "p99.0", Duration.ofMinutes(1),
                        1.5, "GreaterThanThreshold", AlarmState.OK),
                alarm("api-healthy", "AWS/ApplicationELB", "HealthyHostCount", TARGETS, "Minimum",
                        Duration.ofMinutes(1), 2, "LessThanThreshold", AlarmState.OK)));

        assertThat(levels.get(MetricKind.LATENCY_P99)).extracting(ChartAlarms.Level::alarm).containsExactly("api-p99");
        assertThat(levels).doesNotContainKey(MetricKind.LATENCY_P50);
        assertThat(levels.get(MetricKind.HEALTHY_HOSTS)).extracting(ChartAlarms.Level::operator).containsExactly("<");
    }

    @Test
    void alarmsThatAreNoLevelOfWhatTheChartShowsAreLeftOut() {
        var levels = ChartAlarms.of(charts, List.of(
                alarm("api-cpu-max", "AWS/ECS", "CPUUtilization", SERVICE, "Maximum", Duration.ofMinutes(1), 95,
                        "GreaterThanThreshold", AlarmState.OK),
                alarm("web-cpu", "AWS/ECS", "CPUUtilization", Map.of("ClusterName", "main", "ServiceName", "web"),
                        "Average", Duration.ofMinutes(1), 80, "GreaterThanThreshold", AlarmState.OK),
                alarm("cluster-cpu", "AWS/ECS", "CPUUtilization", Map.of("ClusterName", "main"), "Average",
                        Duration.ofMinutes(1), 80, "GreaterThanThreshold", AlarmState.OK),
                new Alarm("api-error-ratio", "", "", null, "", null, 5, "GreaterThanThreshold", 1, AlarmState.OK, "",
                        Instant.EPOCH),
                new Alarm("TargetTracking-service/main/api-AlarmHigh-1d2e", "", "DO NOT EDIT OR DELETE. For "
                        + "TargetTrackingScaling policy arn:aws:autoscaling:x.", MetricId.of("AWS/ECS",
                        "CPUUtilization", SERVICE), "Average", Duration.ofMinutes(1), 75, "GreaterThanThreshold", 3,
                        AlarmState.ALARM, "", Instant.EPOCH)));

        assertThat(levels).as("another statistic, service, dimension set, metric math, a scaling target").isEmpty();
    }
}
