package io.harbormaster.model.deploy;

import io.harbormaster.model.environment.EnvironmentSession;

/** Port: roll a running deployment back now (StopServiceDeployment, stopType ROLLBACK). Blocking; a write. */
public interface StopDeployment {

    /**
     * @throws io.harbormaster.model.error.OperatorException "the deployment already ended as …" when it had finished
     */
    Written<String> rollback(EnvironmentSession session, String serviceDeploymentArn);
}
