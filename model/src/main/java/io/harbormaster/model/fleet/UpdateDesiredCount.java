package io.harbormaster.model.fleet;

import io.harbormaster.model.environment.EnvironmentSession;

/** Port: the AWS call behind a scale (UpdateService desiredCount), answering its request id. Blocking; a write. */
public interface UpdateDesiredCount {

    /**
     * @return the AWS request id of the call
     * @throws io.harbormaster.model.error.OperatorException when the service cannot be scaled, in an operator's words
     */
    String updateDesiredCount(EnvironmentSession session, ScaleServiceCommand command);
}
