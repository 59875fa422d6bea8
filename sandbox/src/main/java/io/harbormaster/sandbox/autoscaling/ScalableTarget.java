package io.harbormaster.sandbox.autoscaling;

import io.harbormaster.sandbox.ecs.Service;
import java.time.Instant;

/** An ECS service registered with Application Auto Scaling: its desired count kept within [min, max]. */
final class ScalableTarget {

    final String arn;
    final String resourceId;
    final Service service;
    final Instant createdAt;
    final String roleArn;
    int min;
    int max;
    boolean scaleInSuspended;
    boolean scaleOutSuspended;
    boolean scheduledSuspended;
    /** When the last scale-out and scale-in started (cooldowns run from there); null before the first. */
    Instant lastScaleOut;
    Instant lastScaleIn;
    /** The desired count before the last scale-out (a step policy's next scale-out in its cooldown counts from it). */
    int scaleOutBase;
    /** When an "already at its maximum" (minimum) was last recorded, so it is told once per cooldown, not every minute. */
    Instant lastAtMax;
    Instant lastAtMin;

    ScalableTarget(String arn, String resourceId, Service service, Instant createdAt, String roleArn, int min,
            int max) {
        this.arn = arn;
        this.resourceId = resourceId;
        this.service = service;
        this.createdAt = createdAt;
        this.roleArn = roleArn;
        this.min = min;
        this.max = max;
    }
}
