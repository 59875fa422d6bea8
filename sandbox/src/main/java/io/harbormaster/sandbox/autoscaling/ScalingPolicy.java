package io.harbormaster.sandbox.autoscaling;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * A scaling policy as put: its configuration is kept as sent (and answered back as AWS does); target tracking on
 * ECSServiceAverageCPUUtilization or ECSServiceAverageMemoryUtilization is evaluated every minute by
 * {@link AppAutoScaling}. Step scaling and other metrics are stored and described but not evaluated here (a step
 * policy acts on an alarm the operator wires to it).
 */
record ScalingPolicy(String arn, String name, String resourceId, String type, ObjectNode configuration,
        List<String[]> alarms, Instant createdAt) {

    static final String TARGET_TRACKING = "TargetTrackingScaling";
    static final String STEP = "StepScaling";

    String predefinedMetric() {
        return configuration.path("PredefinedMetricSpecification").path("PredefinedMetricType").asText("");
    }

    double targetValue() {
        return configuration.path("TargetValue").asDouble();
    }

    /** ECS's default cooldown for target tracking: 300 s each way. */
    int scaleOutCooldown() {
        return configuration.path("ScaleOutCooldown").asInt(300);
    }

    int scaleInCooldown() {
        return configuration.path("ScaleInCooldown").asInt(300);
    }

    boolean scaleInDisabled() {
        return configuration.path("DisableScaleIn").asBoolean(false);
    }
}
