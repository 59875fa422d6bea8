package io.harbormaster.model.deploy;

import java.util.Objects;

/**
 * A deploy ECS accepted: the journal operation that records it and the service deployment to follow.
 *
 * @param serviceDeploymentArn blank when ECS did not name it in UpdateService's answer (then the follower finds it)
 */
public record DeployStarted(String operationId, ServiceRef service, String taskDefinitionArn,
                            String serviceDeploymentArn) {

    public DeployStarted {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(taskDefinitionArn, "taskDefinitionArn");
        serviceDeploymentArn = serviceDeploymentArn == null ? "" : serviceDeploymentArn;
    }
}
