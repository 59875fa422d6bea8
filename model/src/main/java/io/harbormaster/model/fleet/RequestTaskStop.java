package io.harbormaster.model.fleet;

import io.harbormaster.model.environment.EnvironmentSession;

/** Port: the AWS call behind stopping a task (StopTask), answering its request id. Blocking; a write. */
public interface RequestTaskStop {

    /**
     * @return the AWS request id of the call
     * @throws io.harbormaster.model.error.OperatorException when the task cannot be stopped, in an operator's words
     */
    String requestStop(EnvironmentSession session, StopTaskCommand command);
}
