package io.harbormaster.model.deploy;

import io.harbormaster.model.fleet.PlacementConstraint;
import io.harbormaster.model.fleet.PlacementStrategy;
import java.util.List;
import java.util.Objects;

/**
 * A service as a deploy starts from: its current task definition in full, its deployment configuration, load
 * balancers (with advanced configuration) and placement, and the deployment ECS is running for it, if any.
 *
 * @param serviceArn                   the service's ARN
 * @param launchType                   EC2, FARGATE, EXTERNAL; blank with a capacity provider strategy
 * @param deploymentController         ECS, CODE_DEPLOY or EXTERNAL: only ECS takes the strategies here
 * @param currentServiceDeploymentArn  ECS's {@code currentServiceDeployment}; blank when none
 */
public record DeployTarget(ServiceRef service, String serviceArn, TaskDefinitionSpec taskDefinition,
                           int desiredCount, int runningCount, DeploymentSettings settings, String launchType,
                           String deploymentController, List<PlacementConstraint> placementConstraints,
                           List<PlacementStrategy> placementStrategy, String currentServiceDeploymentArn) {

    public DeployTarget {
        Objects.requireNonNull(service, "service");
        serviceArn = serviceArn == null ? "" : serviceArn;
        Objects.requireNonNull(taskDefinition, "taskDefinition");
        Objects.requireNonNull(settings, "settings");
        launchType = launchType == null ? "" : launchType;
        deploymentController = deploymentController == null || deploymentController.isBlank() ? "ECS"
                : deploymentController;
        placementConstraints = List.copyOf(placementConstraints);
        placementStrategy = List.copyOf(placementStrategy);
        currentServiceDeploymentArn = currentServiceDeploymentArn == null ? "" : currentServiceDeploymentArn;
        if (desiredCount < 0 || runningCount < 0) {
            throw new IllegalArgumentException("task counts cannot be negative");
        }
    }

    /** Whether ECS's own strategies apply (not CodeDeploy or an external controller). */
    public boolean ecsControlled() {
        return "ECS".equals(deploymentController);
    }
}
