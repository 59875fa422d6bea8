package io.harbormaster.model.deploy;

import io.harbormaster.model.environment.EnvironmentSession;

/** Port: register a task definition (RegisterTaskDefinition) with every field of the spec. Blocking; a write. */
public interface RegisterRevision {

    /**
     * @return the spec as ECS registered it (ARN, revision, time) and the call's request id
     * @throws io.harbormaster.model.error.OperatorException when ECS rejects it (naming the field) or denies it
     */
    Written<TaskDefinitionSpec> register(EnvironmentSession session, TaskDefinitionSpec spec);
}
