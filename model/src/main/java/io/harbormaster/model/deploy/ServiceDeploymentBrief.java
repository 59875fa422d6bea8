package io.harbormaster.model.deploy;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of ListServiceDeployments.
 *
 * @param startedAt  null until it started
 * @param finishedAt null until it ended
 */
public record ServiceDeploymentBrief(String arn, String serviceArn, DeploymentStatus status, String statusReason,
                                     String targetRevisionArn, Instant createdAt, Instant startedAt,
                                     Instant finishedAt) {

    public ServiceDeploymentBrief {
        Objects.requireNonNull(arn, "arn");
        serviceArn = serviceArn == null ? "" : serviceArn;
        Objects.requireNonNull(status, "status");
        statusReason = statusReason == null ? "" : statusReason;
        targetRevisionArn = targetRevisionArn == null ? "" : targetRevisionArn;
    }

    /** From start (or creation) to finish; null while it runs. */
    public java.time.Duration duration() {
        Instant from = startedAt != null ? startedAt : createdAt;
        return from == null || finishedAt == null ? null : java.time.Duration.between(from, finishedAt);
    }
}
