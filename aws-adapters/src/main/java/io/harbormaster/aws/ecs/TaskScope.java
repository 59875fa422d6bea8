package io.harbormaster.aws.ecs;

import io.harbormaster.model.fleet.CallPlanner;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.ServiceChange;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a refresh must list tasks in one cluster, judged from what DescribeClusters and DescribeServices said:
 * nowhere when the cluster's task counts and every service are as they were; the whole cluster when a service went
 * away or standalone tasks (those no service counts) came or went; otherwise each moved service by itself, or the
 * whole cluster if that takes fewer pages. A moved service is one whose counts, deployments or events changed: ECS
 * writes an event for every task it starts or stops, so a replaced task moves its service even at equal counts.
 */
record TaskScope(boolean nothing, boolean wholeCluster, Set<String> serviceNames) {

    static TaskScope decide(FleetSnapshot previous, Cluster now, List<Service> servicesNow) {
        Cluster before = previous.cluster(now.arn()).orElse(null);
        List<Service> servicesBefore = previous.servicesIn(now.arn());
        if (before == null) {
            return new TaskScope(false, true, Set.of());
        }
        Set<String> nowArns = new HashSet<>();
        Set<String> moved = new HashSet<>();
        int pagesByService = 0;
        for (Service s : servicesNow) {
            nowArns.add(s.arn());
            var old = previous.service(s.arn());
            if (old.isEmpty() || !ServiceChange.between(old.get(), s).isEmpty()) {
                moved.add(s.name());
                int known = old.map(o -> previous.tasksOf(o.arn()).size()).orElse(0);
                pagesByService += CallPlanner.pages(Math.max(known, s.runningCount() + s.pendingCount()));
            }
        }
        boolean serviceGone = servicesBefore.stream().anyMatch(s -> !nowArns.contains(s.arn()));
        boolean clusterCountsMoved = before.runningTasks() != now.runningTasks()
                || before.pendingTasks() != now.pendingTasks();
        if (moved.isEmpty() && !serviceGone && !clusterCountsMoved) {
            return new TaskScope(true, false, Set.of());
        }
        if (serviceGone || standalone(before, servicesBefore) != standalone(now, servicesNow)) {
            return new TaskScope(false, true, Set.of());
        }
        int pagesForCluster = CallPlanner.pages(Math.max(previous.tasksIn(now.arn()).size(),
                now.runningTasks() + now.pendingTasks()));
        if (pagesForCluster <= pagesByService) {
            return new TaskScope(false, true, Set.of());
        }
        return new TaskScope(false, false, Set.copyOf(moved));
    }

    /** Tasks the cluster counts that no service does. */
    private static int standalone(Cluster cluster, List<Service> services) {
        int ofServices = services.stream().mapToInt(s -> s.runningCount() + s.pendingCount()).sum();
        return cluster.runningTasks() + cluster.pendingTasks() - ofServices;
    }

    /** Whether a task of this group was in the listed scope (so its absence from the list means it stopped). */
    boolean covers(String group) {
        return wholeCluster || (group.startsWith("service:") && serviceNames.contains(group.substring(8)));
    }
}
