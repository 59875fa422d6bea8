package io.harbormaster.model.cutover;

import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.FleetStats;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.Task;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The part of an environment's fleet that serves one side of a cutover: the services behind the side's target
 * groups, the hosts their running tasks are on, and everything those hosts run (their load is the noise map's).
 */
public final class SideFleet {

    private SideFleet() {
    }

    public static FleetSnapshot of(FleetSnapshot fleet, CutoverSide side) {
        CutoverPreflight.SideTasks serving = CutoverPreflight.tasksOf(fleet, side);
        Set<String> groups = new HashSet<>(side.targetGroupArns());
        List<Host> hosts = fleet.hosts().stream().filter(h -> serving.hosts().contains(h.arn())).toList();
        Set<String> clusters = new HashSet<>();
        hosts.forEach(h -> clusters.add(h.clusterArn()));
        List<Service> services = fleet.services().stream().filter(s -> s.loadBalancers().stream()
                .anyMatch(lb -> groups.contains(lb.targetGroupArn()))).toList();
        List<Task> tasks = fleet.tasks().stream().filter(t -> serving.hosts().contains(t.containerInstanceArn()))
                .toList();
        return new FleetSnapshot(fleet.environmentId(), fleet.region(), fleet.asOf(), fleet.clusters().stream()
                .filter(c -> clusters.contains(c.arn())).toList(), services, hosts, tasks, fleet.taskDefinitions(),
                fleet.targetHealth(), List.of(), FleetStats.NONE);
    }
}
