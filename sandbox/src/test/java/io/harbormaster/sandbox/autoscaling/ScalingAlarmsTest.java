package io.harbormaster.sandbox.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.harbormaster.sandbox.cloudwatch.TelemetrySandbox;
import io.harbormaster.sandbox.core.Telemetry.MetricKey;
import io.harbormaster.sandbox.ecs.Ecs;
import io.harbormaster.sandbox.ecs.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * Application Auto Scaling driven by CloudWatch alarms, as on AWS: a target tracking policy's two alarms created in
 * CloudWatch (read back with the SDK's DescribeAlarms), their states following the metric, the scaling they cause,
 * and their deletion with the policy; a step policy acting through an alarm the operator wires to it. The fleet's
 * metrics are a {@link io.harbormaster.sandbox.cloudwatch.FakeTelemetry} whose level the test sets minute by minute.
 */
class ScalingAlarmsTest {

    static final String DEV = TelemetrySandbox.DEV;
    static TelemetrySandbox sandbox;
    static ScalingApi api;
    static CloudWatchClient cw;
    /** Each metric's level from an epoch second on; 48 before the first. */
    static final Map<MetricKey, TreeMap<Long, Double>> levels = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        sandbox = new TelemetrySandbox(List.of(new AppAutoScalingModule()));
        api = new ScalingApi(sandbox.endpoint(), sandbox.session(DEV, "admin"));
        cw = sandbox.cloudWatch(DEV, "admin");
    }

    @AfterAll
    static void stop() {
        cw.close();
        sandbox.close();
    }

    static MetricKey metric(String namespace, String name, Map<String, String> dimensions) {
        MetricKey key = MetricKey.of(namespace, name, dimensions);
        TreeMap<Long, Double> by = new TreeMap<>();
        levels.put(key, by);
        sandbox.telemetry.level(DEV, key, sandbox.now().minus(Duration.ofHours(1)), m -> {
            synchronized (by) {
                Map.Entry<Long, Double> e = by.floorEntry(m);
                return e == null ? 48.0 : e.getValue();
            }
        });
        return key;
    }

    static MetricKey cpu(String cluster, String service) {
        return metric("AWS/ECS", "CPUUtilization", Map.of("ClusterName", cluster, "ServiceName", service));
    }

    /** The metric is at {@code value} for the rest of this minute; then the clock moves to the next whole minute. */
    static void minute(MetricKey key, double value) {
        Instant now = sandbox.now();
        long start = Math.floorDiv(now.getEpochSecond(), 60) * 60;
        TreeMap<Long, Double> by = levels.get(key);
        synchronized (by) {
            by.put(start, value);
        }
        sandbox.clock().advance(Duration.between(now, Instant.ofEpochSecond(start + 60)));
    }

    static Service service(String cluster, String name, int desired) {
        Ecs ecs = sandbox.world.component(Ecs.class);
        return sandbox.world.locked(() -> {
            Service s = ecs.region(DEV, "us-east-1").cluster(cluster).service(name);
            ecs.scaleService(s, desired);
            return s;
        });
    }

    static int desired(Service s) {
        return sandbox.world.locked(s::desiredCount);
    }

    static void register(String resourceId, int min, int max) {
        api.ok("RegisterScalableTarget", "{\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"" + resourceId
                + "\",\"ScalableDimension\":\"ecs:service:DesiredCount\",\"MinCapacity\":" + min + ",\"MaxCapacity\":"
                + max + "}");
    }

    static MetricAlarm alarm(String name) {
        List<MetricAlarm> found = cw.describeAlarms(b -> b.alarmNames(name)).metricAlarms();
        assertThat(found).as(name).hasSize(1);
        return found.get(0);
    }

    static List<JsonNode> activities(String resourceId) {
        List<JsonNode> out = new ArrayList<>();
        api.ok("DescribeScalingActivities", "{\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"" + resourceId
                + "\",\"IncludeNotScaledActivities\":true}").get("ScalingActivities").forEach(out::add);
        return out;
    }

    @Test
    void targetTrackingCreatesTwoAlarmsThatScaleTheServiceAndGoWithThePolicy() {
        String id = "service/dev/api";
        Service devApi = service("dev", "api", 4);
        MetricKey cpu = cpu("dev", "api");
        register(id, 2, 12);
        JsonNode put = api.ok("PutScalingPolicy", "{\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"" + id
                + "\",\"ScalableDimension\":\"ecs:service:DesiredCount\",\"PolicyName\":\"cpu50\",\"PolicyType\":"
                + "\"TargetTrackingScaling\",\"TargetTrackingScalingPolicyConfiguration\":{\"TargetValue\":50.0,"
                + "\"PredefinedMetricSpecification\":{\"PredefinedMetricType\":\"ECSServiceAverageCPUUtilization\"},"
                + "\"ScaleOutCooldown\":60,\"ScaleInCooldown\":60}}");
        String policyArn = put.get("PolicyARN").asText();
        String high = put.at("/Alarms/0/AlarmName").asText();
        String low = put.at("/Alarms/1/AlarmName").asText();
        assertThat(high).matches("TargetTracking-service/dev/api-AlarmHigh-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
        assertThat(low).startsWith("TargetTracking-service/dev/api-AlarmLow-");
        assertThat(put.at("/Alarms/0/AlarmARN").asText()).isEqualTo("arn:aws:cloudwatch:us-east-1:" + DEV + ":alarm:" + high);

        MetricAlarm h = alarm(high);
        assertThat(h.namespace()).isEqualTo("AWS/ECS");
        assertThat(h.metricName()).isEqualTo("CPUUtilization");
        assertThat(h.dimensions()).extracting(d -> d.name() + "=" + d.value())
                .containsExactlyInAnyOrder("ClusterName=dev", "ServiceName=api");
        assertThat(h.statistic()).isEqualTo(Statistic.AVERAGE);
        assertThat(h.period()).isEqualTo(60);
        assertThat(h.evaluationPeriods()).isEqualTo(3);
        assertThat(h.datapointsToAlarm()).isEqualTo(3);
        assertThat(h.threshold()).isEqualTo(50.0);
        assertThat(h.comparisonOperator()).isEqualTo(ComparisonOperator.GREATER_THAN_THRESHOLD);
        assertThat(h.alarmActions()).containsExactly(policyArn);
        assertThat(h.alarmDescription()).startsWith("DO NOT EDIT OR DELETE. For TargetTrackingScaling policy " + policyArn);
        MetricAlarm l = alarm(low);
        assertThat(l.evaluationPeriods()).isEqualTo(15);
        assertThat(l.datapointsToAlarm()).isEqualTo(15);
        assertThat(l.threshold()).isEqualTo(45.0);
        assertThat(l.comparisonOperator()).isEqualTo(ComparisonOperator.LESS_THAN_THRESHOLD);
        JsonNode described = api.ok("DescribeScalingPolicies", "{\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"" + id
                + "\"}").at("/ScalingPolicies/0/Alarms");
        assertThat(described.findValuesAsText("AlarmName")).containsExactly(high, low);

        // 48 %: neither above 50 nor below 45.
        minute(cpu, 48);
        assertThat(alarm(high).stateValue()).isEqualTo(StateValue.OK);
        assertThat(alarm(low).stateValue()).isEqualTo(StateValue.OK);
        // 90 %: the high alarm needs three minutes of it; then 4 tasks become ⌈4 × 90 ÷ 50⌉ = 8.
        minute(cpu, 90);
        minute(cpu, 90);
        assertThat(desired(devApi)).isEqualTo(4);
        minute(cpu, 90);
        assertThat(alarm(high).stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(desired(devApi)).isEqualTo(8);
        JsonNode out = activities(id).get(0);
        assertThat(out.get("Description").asText()).isEqualTo("Setting desired count to 8.");
        assertThat(out.get("Cause").asText()).isEqualTo("monitor alarm " + high + " in state ALARM triggered policy cpu50");
        assertThat(out.get("StatusCode").asText()).isEqualTo("Successful");

        // 20 %: the low alarm needs fifteen minutes of it; then 8 tasks become ⌈8 × 20 ÷ 50⌉ = 4.
        for (int i = 0; i < 14; i++) {
            minute(cpu, 20);
        }
        assertThat(alarm(high).stateValue()).isEqualTo(StateValue.OK);
        assertThat(alarm(low).stateValue()).isEqualTo(StateValue.OK);
        assertThat(desired(devApi)).isEqualTo(8);
        minute(cpu, 20);
        assertThat(alarm(low).stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(desired(devApi)).isEqualTo(4);
        assertThat(activities(id).get(0).get("Cause").asText()).startsWith("monitor alarm " + low + " in state ALARM");

        api.ok("DeleteScalingPolicy", "{\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"" + id
                + "\",\"ScalableDimension\":\"ecs:service:DesiredCount\",\"PolicyName\":\"cpu50\"}");
        assertThat(cw.describeAlarms(b -> b.alarmNames(high, low)).metricAlarms()).isEmpty();
    }

    /**
     * A step policy (PercentChangeInCapacity, MinAdjustmentMagnitude 2, Maximum of the datapoints, cooldown 180 s)
     * on an alarm the operator puts: backlog ≥ 100 for 2 of 2 minutes. Steps: breach 0–10 → +50 %, 10 and more →
     * +100 %.
     */
    @Test
    void aStepPolicyActsThroughTheAlarmThatNamesIt() {
        String id = "service/dev/app-web";
        Service web = service("dev", "app-web", 3);
        MetricKey backlog = metric("Sandbox/Queue", "Backlog", Map.of("Queue", "docs-render"));
        register(id, 1, 20);
        String policyArn = api.ok("PutScalingPolicy", "{\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"" + id
                + "\",\"ScalableDimension\":\"ecs:service:DesiredCount\",\"PolicyName\":\"backlog-step\",\"PolicyType\":"
                + "\"StepScaling\",\"StepScalingPolicyConfiguration\":{\"AdjustmentType\":\"PercentChangeInCapacity\","
                + "\"MinAdjustmentMagnitude\":2,\"Cooldown\":180,\"MetricAggregationType\":\"Maximum\","
                + "\"StepAdjustments\":[{\"MetricIntervalLowerBound\":0,\"MetricIntervalUpperBound\":10,"
                + "\"ScalingAdjustment\":50},{\"MetricIntervalLowerBound\":10,\"ScalingAdjustment\":100}]}}")
                .get("PolicyARN").asText();
        cw.putMetricAlarm(b -> b.alarmName("docs-backlog-high").namespace("Sandbox/Queue").metricName("Backlog")
                .dimensions(d -> d.name("Queue").value("docs-render")).statistic(Statistic.AVERAGE).period(60)
                .evaluationPeriods(2).threshold(100.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).alarmActions(policyArn));
        JsonNode policy = api.ok("DescribeScalingPolicies", "{\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"" + id
                + "\"}").at("/ScalingPolicies/0");
        assertThat(policy.at("/Alarms/0/AlarmName").asText()).isEqualTo("docs-backlog-high");

        minute(backlog, 50);
        minute(backlog, 104);
        assertThat(desired(web)).isEqualTo(3);
        // 104 and 108: the maximum breaches by 8 → +50 % of 3 = 1.5 → 1, raised to the minimum magnitude 2.
        minute(backlog, 108);
        assertThat(desired(web)).isEqualTo(5);
        JsonNode first = activities(id).get(0);
        assertThat(first.get("Cause").asText())
                .isEqualTo("monitor alarm docs-backlog-high in state ALARM triggered policy backlog-step");
        // Within the cooldown a larger step counts from the 3 before the first scale-out: 3 + 100 % = 6, not 10.
        minute(backlog, 112);
        assertThat(desired(web)).isEqualTo(6);
        minute(backlog, 112);
        assertThat(desired(web)).isEqualTo(6);
        // The cooldown over (180 s after the first), the alarm still in ALARM doubles it again.
        minute(backlog, 112);
        assertThat(desired(web)).isEqualTo(12);
        assertThat(activities(id)).extracting(a -> a.get("Description").asText()).containsExactly(
                "Setting desired count to 12.", "Setting desired count to 6.", "Setting desired count to 5.");
        minute(backlog, 40);
        minute(backlog, 40);
        assertThat(alarm("docs-backlog-high").stateValue()).isEqualTo(StateValue.OK);
        assertThat(desired(web)).isEqualTo(12);
    }

    @Test
    void stepConfigurationsAreCheckedAsAwsChecksThem() {
        String id = "service/dev/api-auth";
        register(id, 1, 4);
        String base = "{\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"" + id + "\",\"ScalableDimension\":"
                + "\"ecs:service:DesiredCount\",\"PolicyName\":\"s\",\"PolicyType\":\"StepScaling\","
                + "\"StepScalingPolicyConfiguration\":";
        assertThat(api.fails("PutScalingPolicy", base + "{\"AdjustmentType\":\"ChangeInCapacity\"}}")
                .get("message").asText()).contains("At least one step adjustment");
        assertThat(api.fails("PutScalingPolicy", base + "{\"AdjustmentType\":\"ChangeInCapacity\",\"StepAdjustments\":"
                + "[{\"MetricIntervalLowerBound\":0,\"MetricIntervalUpperBound\":10,\"ScalingAdjustment\":1},"
                + "{\"MetricIntervalLowerBound\":5,\"ScalingAdjustment\":2}]}}").get("message").asText())
                .contains("overlap");
        assertThat(api.fails("PutScalingPolicy", base + "{\"AdjustmentType\":\"ChangeInCapacity\",\"StepAdjustments\":"
                + "[{\"MetricIntervalLowerBound\":0,\"MetricIntervalUpperBound\":10,\"ScalingAdjustment\":1},"
                + "{\"MetricIntervalLowerBound\":20,\"ScalingAdjustment\":2}]}}").get("message").asText())
                .contains("gaps");
        assertThat(api.fails("PutScalingPolicy", base + "{\"AdjustmentType\":\"ChangeInCapacity\","
                + "\"MinAdjustmentMagnitude\":2,\"StepAdjustments\":[{\"MetricIntervalLowerBound\":0,"
                + "\"ScalingAdjustment\":1}]}}").get("__type").asText()).endsWith("ValidationException");
    }
}
