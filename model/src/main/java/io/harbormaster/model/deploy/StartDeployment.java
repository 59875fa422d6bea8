package io.harbormaster.model.deploy;

import io.harbormaster.model.environment.EnvironmentSession;

/** Port: UpdateService with the new revision and deployment configuration. Blocking; a write. */
public interface StartDeployment {

    /**
     * @return the service deployment ECS started ({@code Service.currentServiceDeployment}; blank when ECS did not
     *         say) and the request id
     */
    Written<String> start(EnvironmentSession session, StartDeploymentCommand command);
}
