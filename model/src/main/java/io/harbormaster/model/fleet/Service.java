package io.harbormaster.model.fleet;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An ECS service as DescribeServices reports it.
 *
 * @param status      ACTIVE, DRAINING or INACTIVE
 * @param launchType  EC2, FARGATE or EXTERNAL; blank when a capacity provider strategy is used instead
 * @param deployments newest first, as ECS lists them
 * @param events      newest first, as ECS lists them (ECS keeps the latest 100)
 * @param createdAt   may be null when unknown
 */
public record Service(
        String arn,
        String name,
        String clusterArn,
        String status,
        int desiredCount,
        int runningCount,
        int pendingCount,
        String launchType,
        String taskDefinitionArn,
        List<Deployment> deployments,
        List<ServiceEvent> events,
        List<PlacementStrategy> placementStrategy,
        List<PlacementConstraint> placementConstraints,
        List<LoadBalancerTarget> loadBalancers,
        Instant createdAt) {

    public Service {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(clusterArn, "clusterArn");
        status = status == null ? "" : status;
        launchType = launchType == null ? "" : launchType;
        taskDefinitionArn = taskDefinitionArn == null ? "" : taskDefinitionArn;
        if (desiredCount < 0 || runningCount < 0 || pendingCount < 0) {
            throw new IllegalArgumentException("service counts cannot be negative");
        }
        deployments = List.copyOf(deployments);
        events = List.copyOf(events);
        placementStrategy = List.copyOf(placementStrategy);
        placementConstraints = List.copyOf(placementConstraints);
        loadBalancers = List.copyOf(loadBalancers);
    }

    /** The task group ECS gives this service's tasks: tasks started by it carry {@code service:<name>}. */
    public String group() {
        return "service:" + name;
    }

    public String clusterName() {
        return Arns.clusterName(clusterArn);
    }

    public int taskDefinitionRevision() {
        return Arns.revision(taskDefinitionArn);
    }

    public Optional<Deployment> primaryDeployment() {
        return deployments.stream().filter(Deployment::primary).findFirst();
    }

    /** Deployments not yet settled: a rollout in progress, or more than one deployment alive. */
    public long deploymentsInProgress() {
        if (deployments.size() > 1) {
            return deployments.size() - 1L;
        }
        return deployments.stream().filter(Deployment::inProgress).count();
    }

    public boolean hasFailedDeployment() {
        return deployments.stream().anyMatch(Deployment::failed);
    }

    public Optional<Instant> lastEventAt() {
        return events.stream().map(ServiceEvent::createdAt).max(Instant::compareTo);
    }

    /** Every task definition this service is running or rolling to (the primary's first). */
    public List<String> taskDefinitionArns() {
        java.util.LinkedHashSet<String> arns = new java.util.LinkedHashSet<>();
        if (!taskDefinitionArn.isEmpty()) {
            arns.add(taskDefinitionArn);
        }
        deployments.stream().map(Deployment::taskDefinitionArn).filter(a -> !a.isEmpty()).forEach(arns::add);
        return List.copyOf(arns);
    }

    public List<String> targetGroupArns() {
        return loadBalancers.stream().filter(LoadBalancerTarget::hasTargetGroup).map(LoadBalancerTarget::targetGroupArn)
                .distinct().toList();
    }
}
