package io.harbormaster.sandbox.fleet;

import io.harbormaster.sandbox.ecs.PlacementConstraint;
import io.harbormaster.sandbox.ecs.PlacementStrategy;
import java.util.List;

/**
 * One service of the fleet as the seed describes it, before it is stamped into an environment.
 *
 * @param image          image name under registry.example.com
 * @param versions       image tags of the family's revisions, oldest first; the service runs the last
 * @param hostPort       0 for a dynamic host port, a number for a static one, -1 for no port at all
 * @param count          prod task count; stage and dev derive theirs
 * @param targetGroup    whether the service sits behind an ALB target group of its own name
 * @param classicElb     the name of a classic ELB the service sits behind (static ports), or null
 */
record ServiceBlueprint(String cluster, String name, String family, String image, List<String> versions, int cpu,
                        int memory, int containerPort, int hostPort, int count, List<PlacementStrategy> strategy,
                        List<PlacementConstraint> constraints, boolean targetGroup, String classicElb,
                        List<String> secrets) {

    ServiceBlueprint withCount(int n) {
        return new ServiceBlueprint(cluster, name, family, image, versions, cpu, memory, containerPort,
                hostPort, n, strategy, constraints, targetGroup, classicElb, secrets);
    }

    ServiceBlueprint withMemory(int m) {
        return new ServiceBlueprint(cluster, name, family, image, versions, cpu, m, containerPort, hostPort, count,
                strategy, constraints, targetGroup, classicElb, secrets);
    }

    ServiceBlueprint withVersions(List<String> v) {
        return new ServiceBlueprint(cluster, name, family, image, v, cpu, memory, containerPort, hostPort, count,
                strategy, constraints, targetGroup, classicElb, secrets);
    }

    ServiceBlueprint named(String n) {
        return new ServiceBlueprint(cluster, n, family, image, versions, cpu, memory, containerPort, hostPort, count,
                strategy, constraints, targetGroup, classicElb, secrets);
    }

    ServiceBlueprint inCluster(String c) {
        return new ServiceBlueprint(c, name, family, image, versions, cpu, memory, containerPort, hostPort, count,
                strategy, constraints, targetGroup, classicElb, secrets);
    }
}
