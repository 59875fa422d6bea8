package io.harbormaster.model.fleet;

import java.util.Objects;

/**
 * One registered target of a target group and what the load balancer thinks of it.
 *
 * @param targetId    an instance id (bridge mode) or an IP address (awsvpc)
 * @param state       initial, healthy, unhealthy, unused, draining, unavailable
 * @param reason      ELB's reason code (Target.FailedHealthChecks, …); blank when healthy
 * @param description ELB's words; may be blank
 */
public record TargetHealth(String targetGroupArn, String targetId, int port, String state, String reason,
        String description) {

    public TargetHealth {
        Objects.requireNonNull(targetGroupArn, "targetGroupArn");
        Objects.requireNonNull(targetId, "targetId");
        state = state == null ? "" : state;
        reason = reason == null ? "" : reason;
        description = description == null ? "" : description;
    }

    public boolean healthy() {
        return "healthy".equals(state);
    }
}
