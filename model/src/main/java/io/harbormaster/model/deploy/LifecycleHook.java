package io.harbormaster.model.deploy;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A lifecycle hook ({@code deploymentConfiguration.lifecycleHooks[]}).
 *
 * @param targetArn      the Lambda function's ARN; blank for a PAUSE hook
 * @param roleArn        the role ECS assumes to invoke the Lambda; blank for a PAUSE hook
 * @param stages         the stages it runs at
 * @param timeoutMinutes how long it may take (ECS's default 1440)
 * @param timeoutAction  what happens when it times out (ECS's default ROLLBACK)
 */
public record LifecycleHook(HookTargetType type, String targetArn, String roleArn, Set<LifecycleStage> stages,
                            int timeoutMinutes, HookAction timeoutAction) {

    public static final int DEFAULT_TIMEOUT_MINUTES = 1440;

    public LifecycleHook {
        Objects.requireNonNull(type, "type");
        targetArn = targetArn == null ? "" : targetArn.strip();
        roleArn = roleArn == null ? "" : roleArn.strip();
        Objects.requireNonNull(timeoutAction, "timeoutAction");
        if (stages == null || stages.isEmpty()) {
            throw new IllegalArgumentException("a lifecycle hook needs at least one stage");
        }
        stages = Set.copyOf(EnumSet.copyOf(stages));
        for (LifecycleStage stage : stages) {
            if (type == HookTargetType.PAUSE ? !stage.pausable() : !stage.hookable()) {
                throw new IllegalArgumentException("a " + (type == HookTargetType.PAUSE ? "pause" : "Lambda")
                        + " hook cannot run at " + stage);
            }
        }
        if (type == HookTargetType.AWS_LAMBDA && (targetArn.isEmpty() || roleArn.isEmpty())) {
            throw new IllegalArgumentException("a Lambda hook needs the function's ARN and a role to invoke it");
        }
        if (timeoutMinutes < 1 || timeoutMinutes > DEFAULT_TIMEOUT_MINUTES) {
            throw new IllegalArgumentException("a hook's timeout must be 1 to 1440 minutes, was " + timeoutMinutes);
        }
    }

    /** A hook that waits for the operator at {@code stage}, rolling back if nobody answers within a day. */
    public static LifecycleHook pause(LifecycleStage stage) {
        return new LifecycleHook(HookTargetType.PAUSE, "", "", Set.of(stage), DEFAULT_TIMEOUT_MINUTES,
                HookAction.ROLLBACK);
    }
}
