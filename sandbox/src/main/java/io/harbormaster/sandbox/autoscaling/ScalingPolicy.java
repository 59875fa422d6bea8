package io.harbormaster.sandbox.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * A scaling policy as put: its configuration is kept as sent (and answered back as AWS does). A policy acts when a
 * CloudWatch alarm naming its ARN invokes it ({@link AppAutoScaling#invoked}): the two alarms Application Auto Scaling
 * creates for a target tracking policy, or the alarms an operator wires to a step policy.
 *
 * @param alarms the alarms created for a target tracking policy as {name, ARN}, high first; empty for a step policy
 */
record ScalingPolicy(String arn, String name, String resourceId, String type, ObjectNode configuration,
        List<String[]> alarms, Instant createdAt) {

    static final String TARGET_TRACKING = "TargetTrackingScaling";
    static final String STEP = "StepScaling";
    /** Application Auto Scaling's default cooldown: 300 s. */
    static final int DEFAULT_COOLDOWN = 300;

    boolean tracking() {
        return TARGET_TRACKING.equals(type);
    }

    String predefinedMetric() {
        return configuration.path("PredefinedMetricSpecification").path("PredefinedMetricType").asText("");
    }

    double targetValue() {
        return configuration.path("TargetValue").asDouble();
    }

    int scaleOutCooldown() {
        return configuration.path("ScaleOutCooldown").asInt(DEFAULT_COOLDOWN);
    }

    int scaleInCooldown() {
        return configuration.path("ScaleInCooldown").asInt(DEFAULT_COOLDOWN);
    }

    boolean scaleInDisabled() {
        return configuration.path("DisableScaleIn").asBoolean(false);
    }

    /** A step policy's cooldown, both ways. */
    int cooldown() {
        return configuration.path("Cooldown").asInt(DEFAULT_COOLDOWN);
    }

    String adjustmentType() {
        return configuration.path("AdjustmentType").asText(StepScaling.CHANGE);
    }

    String metricAggregationType() {
        return configuration.hasNonNull("MetricAggregationType") ? configuration.get("MetricAggregationType").asText()
                : null;
    }

    Integer minAdjustmentMagnitude() {
        return configuration.hasNonNull("MinAdjustmentMagnitude") ? configuration.get("MinAdjustmentMagnitude").asInt()
                : null;
    }

    JsonNode stepAdjustments() {
        return configuration.path("StepAdjustments");
    }

    /** Whether {@code alarmName} is this target tracking policy's high (scale-out) alarm. */
    boolean isHighAlarm(String alarmName) {
        return !alarms.isEmpty() && alarms.get(0)[0].equals(alarmName);
    }
}
