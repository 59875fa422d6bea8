package io.harbormaster.model.deploy;

import io.harbormaster.model.environment.EnvironmentSession;

/** Port: one task-definition revision in full (DescribeTaskDefinition), e.g. to diff or promote it. Blocking. */
public interface DescribeRevision {

    /**
     * @param taskDefinition an ARN or {@code family:revision}
     * @throws io.harbormaster.model.error.OperatorException when it cannot be read or does not exist
     */
    TaskDefinitionSpec describeRevision(EnvironmentSession session, String taskDefinition);
}
