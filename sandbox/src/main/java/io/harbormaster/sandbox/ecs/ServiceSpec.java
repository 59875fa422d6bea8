package io.harbormaster.sandbox.ecs;

import java.util.List;

/** What a fleet generator (or CreateService) asks for when it creates a service. */
public record ServiceSpec(String name, TaskDefinition taskDefinition, int desiredCount,
                          List<PlacementStrategy> placementStrategy, List<PlacementConstraint> placementConstraints,
                          List<LoadBalancer> loadBalancers, int minimumHealthyPercent, int maximumPercent,
                          boolean circuitBreaker, boolean rollback) {

    public ServiceSpec {
        placementStrategy = List.copyOf(placementStrategy);
        placementConstraints = List.copyOf(placementConstraints);
        loadBalancers = List.copyOf(loadBalancers);
    }
}
