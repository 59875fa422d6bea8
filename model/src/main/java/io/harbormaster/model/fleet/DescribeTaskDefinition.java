package io.harbormaster.model.fleet;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.OperatorException;

/** Port: one task definition revision, e.g. an older revision a rollback would go to. Blocking. */
public interface DescribeTaskDefinition {

    /**
     * @param taskDefinition an ARN or {@code family:revision}
     * @throws OperatorException when it does not exist or cannot be read
     */
    TaskDefinition describeTaskDefinition(EnvironmentSession session, String taskDefinition);
}
