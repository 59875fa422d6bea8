package io.harbormaster.model.deploy;

import java.time.Instant;
import java.util.Objects;

/**
 * A lifecycle hook as it runs in a deployment ({@code lifecycleHookDetails[]}).
 *
 * @param status    AWAITING_ACTION (a PAUSE waiting for the operator), IN_PROGRESS, SUCCEEDED, FAILED, TIMED_OUT
 * @param expiresAt when it times out; null when ECS does not say
 */
public record HookDetail(String hookId, HookTargetType type, String targetArn, String status, Instant expiresAt,
                         HookAction timeoutAction) {

    public HookDetail {
        Objects.requireNonNull(hookId, "hookId");
        Objects.requireNonNull(type, "type");
        targetArn = targetArn == null ? "" : targetArn;
        status = status == null ? "" : status;
    }

    /** A PAUSE hook waiting for ContinueServiceDeployment. */
    public boolean awaitingOperator() {
        return type == HookTargetType.PAUSE && "AWAITING_ACTION".equals(status);
    }
}
