package io.harbormaster.model.deploy;

import io.harbormaster.model.environment.EnvironmentSession;

/** Port: the service as a deploy starts from (DescribeServices + its task definition in full). Blocking. */
public interface DescribeDeployTarget {

    /** @throws io.harbormaster.model.error.OperatorException when the service cannot be read or does not exist */
    DeployTarget describeTarget(EnvironmentSession session, ServiceRef service);
}
