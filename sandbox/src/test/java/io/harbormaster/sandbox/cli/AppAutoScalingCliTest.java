package io.harbormaster.sandbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Debian's AWS CLI v2 ({@code /usr/bin/aws}) against the sandbox's Application Auto Scaling: the fleet's own scaled
 * services described with the CloudWatch alarms their target tracking created (read with {@code aws cloudwatch
 * describe-alarms}), a target registered and a target-tracking policy put through the CLI, the sandbox clock moved
 * in-process, the scaling its alarm caused read back (activities, ECS's desired count, the maximum reached), and the
 * policy deleted with its alarms.
 * Skipped when the CLI is absent, except on CI.
 */
@Execution(ExecutionMode.CONCURRENT) // runs beside the in-process tests; see junit-platform.properties
class AppAutoScalingCliTest {

    @RegisterExtension
    static final StageAdminCli stage = new StageAdminCli();

    private static JsonNode aws(String... args) {
        return stage.aws(args);
    }

    private static void advance(Duration d) {
        for (Duration done = Duration.ZERO; done.compareTo(d) < 0; done = done.plusSeconds(10)) {
            stage.sandbox().clock().advance(Duration.ofSeconds(10));
        }
    }

    @Test
    void theFleetsScaledServicesAreDescribedWithTheirTargetsAndPolicies() {
        JsonNode targets = aws("application-autoscaling", "describe-scalable-targets", "--service-namespace", "ecs");
        List<String> ids = new ArrayList<>();
        targets.get("ScalableTargets").forEach(t -> ids.add(t.get("ResourceId").asText()));
        assertThat(ids).contains("service/cdn/cdn-origin", "service/cdn/image-resizer");
        JsonNode origin = aws("application-autoscaling", "describe-scalable-targets", "--service-namespace", "ecs",
                "--resource-ids", "service/cdn/cdn-origin").at("/ScalableTargets/0");
        JsonNode service = aws("ecs", "describe-services", "--cluster", "cdn", "--services", "cdn-origin")
                .at("/services/0");
        assertThat(origin.get("ScalableDimension").asText()).isEqualTo("ecs:service:DesiredCount");
        assertThat(origin.get("MinCapacity").asInt()).isLessThanOrEqualTo(service.get("desiredCount").asInt());
        assertThat(origin.get("MaxCapacity").asInt()).isGreaterThanOrEqualTo(service.get("desiredCount").asInt());
        // ScalableTargetARN (2023) is newer than awscli 2.9's model, which drops it from the output
        assertThat(origin.get("RoleARN").asText()).startsWith("arn:aws:iam::333333333333:role/aws-service-role/");

        JsonNode policies = aws("application-autoscaling", "describe-scaling-policies", "--service-namespace", "ecs",
                "--resource-id", "service/cdn/image-resizer").get("ScalingPolicies");
        assertThat(policies).hasSize(2);
        JsonNode tracking = policies.get(0);
        assertThat(tracking.get("PolicyType").asText()).isEqualTo("TargetTrackingScaling");
        assertThat(tracking.at("/TargetTrackingScalingPolicyConfiguration/TargetValue").asDouble()).isEqualTo(40.0);
        assertThat(tracking.at("/TargetTrackingScalingPolicyConfiguration/PredefinedMetricSpecification/"
                + "PredefinedMetricType").asText()).isEqualTo("ECSServiceAverageCPUUtilization");
        assertThat(tracking.get("Alarms")).hasSize(2);
        String high = tracking.at("/Alarms/0/AlarmName").asText();
        String low = tracking.at("/Alarms/1/AlarmName").asText();
        assertThat(high).startsWith("TargetTracking-service/cdn/image-resizer-AlarmHigh-");
        assertThat(low).startsWith("TargetTracking-service/cdn/image-resizer-AlarmLow-");
        JsonNode alarms = aws("cloudwatch", "describe-alarms", "--alarm-names", high, low).get("MetricAlarms");
        assertThat(alarms).hasSize(2);
        JsonNode h = AwsCli.find(alarms, "AlarmName", high);
        assertThat(h.get("Namespace").asText()).isEqualTo("AWS/ECS");
        assertThat(h.get("MetricName").asText()).isEqualTo("CPUUtilization");
        assertThat(h.get("Statistic").asText()).isEqualTo("Average");
        assertThat(h.get("Period").asInt()).isEqualTo(60);
        assertThat(h.get("EvaluationPeriods").asInt()).isEqualTo(3);
        assertThat(h.get("Threshold").asDouble()).isEqualTo(40.0);
        assertThat(h.get("ComparisonOperator").asText()).isEqualTo("GreaterThanThreshold");
        assertThat(h.at("/AlarmActions/0").asText()).isEqualTo(tracking.get("PolicyARN").asText());
        JsonNode l = AwsCli.find(alarms, "AlarmName", low);
        assertThat(l.get("EvaluationPeriods").asInt()).isEqualTo(15);
        assertThat(l.get("Threshold").asDouble()).isEqualTo(36.0);
        assertThat(l.get("ComparisonOperator").asText()).isEqualTo("LessThanThreshold");
        assertThat(policies.get(1).get("PolicyType").asText()).isEqualTo("StepScaling");
        assertThat(policies.get(1).at("/StepScalingPolicyConfiguration/StepAdjustments/0/ScalingAdjustment").asInt())
                .isEqualTo(2);
    }

    /**
     * api-graphql runs 6 tasks in stage. Tracking 1 % CPU (always exceeded), after three whole minutes above it the
     * high alarm sets the count to ⌈6 × CPU ÷ 1⌉, capped at the maximum 8; once there, a further breach is a
     * not-scaled activity (AlreadyAtMaxCapacity), shown only with --include-not-scaled-activities.
     */
    @Test
    void aTargetTrackingPolicyPutWithTheCliScalesTheServiceOutToItsMaximum() {
        String id = "service/api/api-graphql";
        assertThat(aws("ecs", "describe-services", "--cluster", "api", "--services", "api-graphql")
                .at("/services/0/desiredCount").asInt()).isEqualTo(6);
        aws("application-autoscaling", "register-scalable-target", "--service-namespace", "ecs",
                "--resource-id", id, "--scalable-dimension", "ecs:service:DesiredCount", "--min-capacity", "2",
                "--max-capacity", "8");
        JsonNode put = aws("application-autoscaling", "put-scaling-policy", "--service-namespace", "ecs",
                "--resource-id", id, "--scalable-dimension", "ecs:service:DesiredCount", "--policy-name", "cpu1",
                "--policy-type", "TargetTrackingScaling", "--target-tracking-scaling-policy-configuration",
                "{\"TargetValue\":1.0,\"PredefinedMetricSpecification\":{\"PredefinedMetricType\":"
                        + "\"ECSServiceAverageCPUUtilization\"},\"ScaleOutCooldown\":60,\"ScaleInCooldown\":60}");
        assertThat(put.get("PolicyARN").asText()).contains(":scalingPolicy:").endsWith(
                ":resource/ecs/service/api/api-graphql:policyName/cpu1");
        assertThat(put.get("Alarms")).hasSize(2);
        String high = put.at("/Alarms/0/AlarmName").asText();

        advance(Duration.ofMinutes(4));
        assertThat(aws("cloudwatch", "describe-alarms", "--alarm-names", high).at("/MetricAlarms/0/StateValue")
                .asText()).isEqualTo("ALARM");

        JsonNode activities = aws("application-autoscaling", "describe-scaling-activities", "--service-namespace",
                "ecs", "--resource-id", id).get("ScalingActivities");
        assertThat(activities).hasSize(1);
        JsonNode first = activities.get(0);
        assertThat(first.get("Description").asText()).isEqualTo("Setting desired count to 8.");
        assertThat(first.get("StatusCode").asText()).isEqualTo("Successful");
        assertThat(first.get("Cause").asText()).isEqualTo("monitor alarm " + high + " in state ALARM triggered policy cpu1");
        assertThat(aws("ecs", "describe-services", "--cluster", "api", "--services", "api-graphql")
                .at("/services/0/desiredCount").asInt()).isEqualTo(8);

        advance(Duration.ofMinutes(2));
        JsonNode withNotScaled = aws("application-autoscaling", "describe-scaling-activities", "--service-namespace",
                "ecs", "--resource-id", id, "--include-not-scaled-activities").get("ScalingActivities");
        assertThat(withNotScaled.get(0).at("/NotScaledReasons/0/Code").asText()).isEqualTo("AlreadyAtMaxCapacity");
        assertThat(withNotScaled.get(0).at("/NotScaledReasons/0/MaxCapacity").asInt()).isEqualTo(8);
        assertThat(aws("application-autoscaling", "describe-scaling-activities", "--service-namespace", "ecs",
                "--resource-id", id).get("ScalingActivities")).hasSize(1);

        aws("application-autoscaling", "delete-scaling-policy", "--service-namespace", "ecs", "--resource-id", id,
                "--scalable-dimension", "ecs:service:DesiredCount", "--policy-name", "cpu1");
        assertThat(aws("cloudwatch", "describe-alarms", "--alarm-name-prefix",
                "TargetTracking-service/api/api-graphql-").get("MetricAlarms")).isEmpty();
    }

    @Test
    void awsErrorsForAnUnregisteredTargetAndAnInvertedRange() {
        String notFound = stage.fails("application-autoscaling", "put-scaling-policy",
                "--service-namespace", "ecs", "--resource-id", "service/api/api-docs", "--scalable-dimension",
                "ecs:service:DesiredCount", "--policy-name", "x", "--policy-type", "TargetTrackingScaling",
                "--target-tracking-scaling-policy-configuration", "{\"TargetValue\":50}");
        assertThat(notFound).contains("ObjectNotFoundException").contains("No scalable target registered");
        String inverted = stage.fails("application-autoscaling", "register-scalable-target",
                "--service-namespace", "ecs", "--resource-id", "service/api/api-docs", "--scalable-dimension",
                "ecs:service:DesiredCount", "--min-capacity", "5", "--max-capacity", "2");
        assertThat(inverted).contains("ValidationException")
                .contains("Minimum capacity cannot be greater than maximum capacity");
        String missing = stage.fails("application-autoscaling", "register-scalable-target",
                "--service-namespace", "ecs", "--resource-id", "service/api/no-such", "--scalable-dimension",
                "ecs:service:DesiredCount", "--min-capacity", "1", "--max-capacity", "2");
        assertThat(missing).contains("ECS service doesn't exist: service/api/no-such");
    }
}
