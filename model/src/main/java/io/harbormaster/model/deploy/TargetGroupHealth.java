package io.harbormaster.model.deploy;

import java.util.Objects;

/** How many targets of a target group are healthy, and how many are registered at all. */
public record TargetGroupHealth(String targetGroupArn, int healthy, int total) {

    public TargetGroupHealth {
        Objects.requireNonNull(targetGroupArn, "targetGroupArn");
        if (healthy < 0 || total < healthy) {
            throw new IllegalArgumentException("healthy targets must be 0 to total");
        }
    }
}
