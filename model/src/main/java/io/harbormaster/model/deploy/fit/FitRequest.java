package io.harbormaster.model.deploy.fit;

import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.PlacementConstraint;
import io.harbormaster.model.fleet.PlacementStrategy;
import io.harbormaster.model.packing.TaskShape;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where to try to place a deployment's extra tasks: the service's cluster as it is now.
 *
 * @param hosts             the cluster's container instances with what each has left (DescribeContainerInstances)
 * @param task              what one new task reserves: CPU, memory and static host ports of the new revision
 * @param extraTasks        how many new tasks run beside today's at the deployment's peak ({@link PeakDemand})
 * @param strategies        the service's placement strategy, in order; empty means ECS's default for services
 *                          (spread over Availability Zones, then over instances)
 * @param constraints       the service's placement constraints (memberOf, distinctInstance)
 * @param serviceTasksByHost how many tasks of the service each host runs today (host ARN → count): spread and
 *                          distinctInstance count them
 * @param tasksKnown        whether {@code serviceTasksByHost} is complete; when the tasks are still loading the
 *                          result says that spread and distinctInstance were judged without them
 */
public record FitRequest(List<Host> hosts, TaskShape task, int extraTasks, List<PlacementStrategy> strategies,
                         List<PlacementConstraint> constraints, Map<String, Integer> serviceTasksByHost,
                         boolean tasksKnown) {

    public FitRequest {
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(task, "task");
        strategies = List.copyOf(strategies);
        constraints = List.copyOf(constraints);
        serviceTasksByHost = Map.copyOf(serviceTasksByHost);
        if (extraTasks < 0) {
            throw new IllegalArgumentException("extra tasks cannot be negative: " + extraTasks);
        }
    }
}
