package io.harbormaster.model.fleet;

import io.harbormaster.model.environment.EnvironmentSession;

/**
 * Port: stop one task (ECS StopTask). A service whose desired count stays starts a replacement. Blocking; a write.
 */
public interface StopTask {

    /**
     * @throws io.harbormaster.model.error.OperatorException when the task cannot be stopped (denied, not found), in
     *         an operator's words
     */
    void stop(EnvironmentSession session, StopTaskCommand command);
}
