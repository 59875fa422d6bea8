package io.harbormaster.model.fleet;

import io.harbormaster.model.environment.EnvironmentSession;

/** Port: set how many tasks a service runs (ECS UpdateService desiredCount). Blocking; a write. */
public interface ScaleService {

    /**
     * @throws io.harbormaster.model.error.OperatorException when the service cannot be scaled (denied, not found,
     *         not active), in an operator's words
     */
    void scale(EnvironmentSession session, ScaleServiceCommand command);
}
