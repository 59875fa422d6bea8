package io.harbormaster.model.cost;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.metrics.FetchMetrics;
import io.harbormaster.model.metrics.LoadBalancersOfTargetGroups;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How many requests each load-balanced service of a snapshot served over the last {@link ServiceRequests#DAY}
 * of whole hours. Blocking; call it off the UI thread.
 */
@FunctionalInterface
public interface ServiceRequestCounts {

    ServiceRequests read(EnvironmentSession session, FleetSnapshot snapshot, Instant now);

    /** From CloudWatch: the target groups' load balancers, then one RequestCount query per target group. */
    static ServiceRequestCounts fromCloudWatch(LoadBalancersOfTargetGroups loadBalancers, FetchMetrics metrics) {
        return (session, snapshot, now) -> {
            Instant[] window = ServiceRequests.window(now, ServiceRequests.DAY);
            List<String> targetGroups = snapshot.services().stream().flatMap(s -> s.targetGroupArns().stream())
                    .distinct().toList();
            if (targetGroups.isEmpty()) {
                return new ServiceRequests(window[0], window[1], Map.of());
            }
            ServiceRequests.Plan plan = ServiceRequests.plan(snapshot,
                    loadBalancers.loadBalancers(session, targetGroups));
            if (plan.queries().isEmpty()) {
                return new ServiceRequests(window[0], window[1], Map.of());
            }
            return plan.read(metrics.fetch(session, plan.queries(), window[0], window[1]), window[0], window[1]);
        };
    }
}
