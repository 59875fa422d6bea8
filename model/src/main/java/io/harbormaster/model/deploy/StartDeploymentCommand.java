package io.harbormaster.model.deploy;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * UpdateService with a registered revision and its deployment configuration: what starts an ECS service deployment.
 *
 * @param taskDefinitionArn a registered revision
 * @param desiredCount      empty to keep the service's
 */
public record StartDeploymentCommand(ServiceRef service, String taskDefinitionArn, OptionalInt desiredCount,
                                     DeploymentSettings settings) {

    public StartDeploymentCommand {
        Objects.requireNonNull(service, "service");
        if (taskDefinitionArn == null || taskDefinitionArn.isBlank()) {
            throw new IllegalArgumentException("a deployment needs a registered task definition");
        }
        Objects.requireNonNull(desiredCount, "desiredCount");
        Objects.requireNonNull(settings, "settings");
    }
}
