package io.harbormaster.model.deploy;

import java.time.Instant;

/** Why and when ECS rolled a deployment back, and to which service revision. */
public record RollbackInfo(String reason, Instant startedAt, String serviceRevisionArn) {

    public RollbackInfo {
        reason = reason == null ? "" : reason;
        serviceRevisionArn = serviceRevisionArn == null ? "" : serviceRevisionArn;
    }
}
