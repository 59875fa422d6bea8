package io.harbormaster.sandbox.autoscaling;

import java.time.Instant;

/**
 * One scaling activity, as DescribeScalingActivities answers it.
 *
 * @param notScaledReason null for an activity that changed the capacity; else AWS's code (AlreadyAtMaxCapacity…),
 *                        answered only when IncludeNotScaledActivities is true
 */
record ScalingActivity(String id, String resourceId, String description, String cause, Instant start, Instant end,
        String status, String statusMessage, String notScaledReason, int current, int min, int max) {
}
