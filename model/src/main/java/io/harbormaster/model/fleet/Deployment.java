package io.harbormaster.model.fleet;

import java.time.Instant;
import java.util.Objects;

/**
 * One deployment of a service, as DescribeServices reports it.
 *
 * @param status             PRIMARY (the one being rolled out), ACTIVE (being replaced) or INACTIVE
 * @param rolloutState       COMPLETED, IN_PROGRESS or FAILED; blank when ECS gives none (e.g. external deployments)
 * @param rolloutStateReason ECS's words for the rollout state; may be blank
 * @param createdAt          may be null when unknown
 * @param updatedAt          may be null when unknown
 */
public record Deployment(
        String id,
        String status,
        String rolloutState,
        String rolloutStateReason,
        String taskDefinitionArn,
        int desiredCount,
        int runningCount,
        int pendingCount,
        int failedTasks,
        Instant createdAt,
        Instant updatedAt) {

    public static final String PRIMARY = "PRIMARY";
    public static final String FAILED = "FAILED";
    public static final String IN_PROGRESS = "IN_PROGRESS";

    public Deployment {
        Objects.requireNonNull(id, "id");
        status = status == null ? "" : status;
        rolloutState = rolloutState == null ? "" : rolloutState;
        rolloutStateReason = rolloutStateReason == null ? "" : rolloutStateReason;
        taskDefinitionArn = taskDefinitionArn == null ? "" : taskDefinitionArn;
        if (desiredCount < 0 || runningCount < 0 || pendingCount < 0 || failedTasks < 0) {
            throw new IllegalArgumentException("deployment counts cannot be negative");
        }
    }

    public boolean primary() {
        return PRIMARY.equals(status);
    }

    public boolean failed() {
        return FAILED.equals(rolloutState);
    }

    public boolean inProgress() {
        return IN_PROGRESS.equals(rolloutState);
    }

    public int taskDefinitionRevision() {
        return Arns.revision(taskDefinitionArn);
    }
}
