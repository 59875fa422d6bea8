package io.harbormaster.model.deploy;

/**
 * ECS's service deployment status ({@code ServiceDeploymentStatus}). "Done" is a terminal one of these, never
 * "running equals desired".
 */
public enum DeploymentStatus {
    PENDING, IN_PROGRESS, SUCCESSFUL, STOP_REQUESTED, STOPPED, ROLLBACK_REQUESTED, ROLLBACK_IN_PROGRESS,
    ROLLBACK_SUCCESSFUL, ROLLBACK_FAILED, UNKNOWN;

    /** ECS's "Completed" group: nothing more will happen to this deployment. */
    public boolean terminal() {
        return this == SUCCESSFUL || this == STOPPED || this == ROLLBACK_SUCCESSFUL || this == ROLLBACK_FAILED;
    }

    /** The new revision is serving. */
    public boolean succeeded() {
        return this == SUCCESSFUL;
    }

    /** Going back, or gone back, to the previous revision. */
    public boolean rollingBack() {
        return this == ROLLBACK_REQUESTED || this == ROLLBACK_IN_PROGRESS || this == ROLLBACK_SUCCESSFUL
                || this == ROLLBACK_FAILED;
    }

    /** StopServiceDeployment(ROLLBACK) is accepted (PENDING, IN_PROGRESS, and idempotently while stopping). */
    public boolean stoppable() {
        return this == PENDING || this == IN_PROGRESS || this == STOP_REQUESTED || this == ROLLBACK_REQUESTED
                || this == ROLLBACK_IN_PROGRESS;
    }

    public static DeploymentStatus parse(String name) {
        if (name == null || name.isBlank()) {
            return UNKNOWN;
        }
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
