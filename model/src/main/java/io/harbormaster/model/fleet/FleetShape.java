package io.harbormaster.model.fleet;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How big a fleet is, for planning calls.
 *
 * @param taskDefinitions distinct task definition revisions used by services and tasks
 * @param targetGroups    distinct target groups that services register with
 */
public record FleetShape(List<ClusterShape> clusters, int taskDefinitions, int targetGroups) {

    public FleetShape {
        clusters = List.copyOf(clusters);
        if (taskDefinitions < 0 || targetGroups < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    /** The shape of what a snapshot holds. */
    public static FleetShape of(FleetSnapshot snapshot) {
        List<ClusterShape> clusters = snapshot.clusters().stream().map(c -> new ClusterShape(
                snapshot.servicesIn(c.arn()).size(), snapshot.hostsIn(c.arn()).size(),
                snapshot.tasksIn(c.arn()).size())).toList();
        Set<String> taskDefinitions = new HashSet<>();
        Set<String> targetGroups = new HashSet<>();
        for (Service s : snapshot.services()) {
            taskDefinitions.addAll(s.taskDefinitionArns());
            targetGroups.addAll(s.targetGroupArns());
        }
        for (Task t : snapshot.tasks()) {
            if (!t.taskDefinitionArn().isEmpty()) {
                taskDefinitions.add(t.taskDefinitionArn());
            }
        }
        return new FleetShape(clusters, taskDefinitions.size(), targetGroups.size());
    }

    public int services() {
        return clusters.stream().mapToInt(ClusterShape::services).sum();
    }

    public int hosts() {
        return clusters.stream().mapToInt(ClusterShape::hosts).sum();
    }

    public int tasks() {
        return clusters.stream().mapToInt(ClusterShape::tasks).sum();
    }
}
