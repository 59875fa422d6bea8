package io.harbormaster.model.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.metrics.MetricId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceAlarmsTest {

    private static final String TG = "arn:aws:elasticloadbalancing:us-east-1:444444444444:targetgroup/api-green/0a1b2c";

    private static Alarm alarm(String name, AlarmState state, MetricId metric) {
        return new Alarm(name, "", "", metric, metric == null ? "" : "Average",
                metric == null ? null : Duration.ofMinutes(1), 70, "GreaterThanThreshold", 3, state, "", Instant.EPOCH);
    }

    private static MetricId ecs(String namespace, String cluster, String service) {
        return MetricId.of(namespace, "CPUUtilization", Map.of("ClusterName", cluster, "ServiceName", service));
    }

    @Test
    void theServicesOwnMetricsAndTargetGroupsAreItsAlarmsTheRestAreElsewhere() {
        Alarm cpu = alarm("api-green-cpu-critical", AlarmState.OK, ecs("AWS/ECS", "api", "api-green"));
        Alarm insights = alarm("api-green-memory", AlarmState.ALARM, ecs("ECS/ContainerInsights", "api", "api-green"));
        Alarm errors = alarm("api-green-5xx", AlarmState.OK, MetricId.of("AWS/ApplicationELB",
                "HTTPCode_Target_5XX_Count", Map.of("TargetGroup", "targetgroup/api-green/0a1b2c",
                        "LoadBalancer", "app/edge/99")));
        Alarm sameNameOtherCluster = alarm("app-api-green-cpu", AlarmState.ALARM, ecs("AWS/ECS", "app", "api-green"));
        Alarm loadBalancer = alarm("edge-latency", AlarmState.OK, MetricId.of("AWS/ApplicationELB",
                "TargetResponseTime", Map.of("LoadBalancer", "app/edge/99")));
        Alarm math = alarm("error-ratio", AlarmState.INSUFFICIENT_DATA, null);
        Alarm otherService = alarm("cdn-origin-high", AlarmState.OK, ecs("AWS/ECS", "cdn", "cdn-origin"));

        ServiceAlarms split = ServiceAlarms.of(List.of(insights, sameNameOtherCluster, cpu, errors, loadBalancer, math,
                otherService), "api", "api-green", List.of(TG));

        assertThat(split.onService()).containsExactly(insights, cpu, errors);
        assertThat(split.elsewhere()).containsExactly(sameNameOtherCluster, loadBalancer, math, otherService);
        assertThat(split.firingElsewhere()).isEqualTo(1);
    }

    @Test
    void aServiceWithoutTargetGroupsHasOnlyItsOwnMetricsAlarms() {
        Alarm errors = alarm("api-green-5xx", AlarmState.OK, MetricId.of("AWS/ApplicationELB",
                "HTTPCode_Target_5XX_Count", Map.of("TargetGroup", "targetgroup/api-green/0a1b2c")));
        assertThat(ServiceAlarms.of(List.of(errors), "api", "api-green", List.of()).onService()).isEmpty();
    }

    @Test
    void aDeployWatchesTheServicesHealthAlarmsNotItsScalingOnes() {
        Alarm cpu = alarm("prod-api-green-cpu-critical", AlarmState.OK, ecs("AWS/ECS", "api", "api-green"));
        Alarm high = new Alarm("TargetTracking-service/api/api-green-AlarmHigh-1d2e", "", "DO NOT EDIT OR DELETE. For "
                + "TargetTrackingScaling policy arn:aws:autoscaling:us-east-1:4:scalingPolicy:x.", ecs("AWS/ECS", "api",
                "api-green"), "Average", Duration.ofMinutes(1), 40, "GreaterThanThreshold", 3, AlarmState.ALARM, "",
                Instant.EPOCH);
        ServiceAlarms split = ServiceAlarms.of(List.of(high, cpu), "api", "api-green", List.of());
        assertThat(split.onService()).containsExactly(high, cpu);
        assertThat(split.forDeploys()).containsExactly(cpu);
    }
}
