package io.harbormaster.model.deploy;

import io.harbormaster.model.environment.EnvironmentSession;

/** Port: answer a PAUSE hook (ContinueServiceDeployment). Blocking; a write. */
public interface ContinueDeployment {

    /** @param action CONTINUE to go on, ROLLBACK to roll the deployment back */
    Written<String> answer(EnvironmentSession session, String serviceDeploymentArn, String hookId, HookAction action);
}
