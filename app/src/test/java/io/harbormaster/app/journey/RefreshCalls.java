package io.harbormaster.app.journey;

import io.harbormaster.model.fleet.CallPlan;
import io.harbormaster.model.fleet.CallPlanner;
import io.harbormaster.model.fleet.FleetShape;
import io.harbormaster.model.fleet.FleetStats;
import io.harbormaster.views.fleet.FleetData;
import io.harbormaster.views.fleet.FleetViewModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The API calls one refresh of the fleet sends, counted where AWS would count them (the sandbox's tally by
 * operation, retries included), held against the fewest the planner allows. Every refresh lists and describes the
 * clusters, lists and describes the services and lists the container instances: for those the minimum is
 * {@link CallPlanner#idleRefresh}. What else a refresh reads depends on what moved (tasks and hosts described,
 * task definitions, target health): there the minimum is the pages and batches the refresh itself counted, each
 * the smallest the API allows for what it found moved. Allowed on top: the retries the refresh reports.
 */
final class RefreshCalls {

    private static final List<String> FLEET_OPERATIONS = List.of(CallPlan.LIST_CLUSTERS, CallPlan.DESCRIBE_CLUSTERS,
            CallPlan.LIST_SERVICES, CallPlan.DESCRIBE_SERVICES, CallPlan.LIST_CONTAINER_INSTANCES,
            CallPlan.DESCRIBE_CONTAINER_INSTANCES, CallPlan.LIST_TASKS, CallPlan.DESCRIBE_TASKS,
            CallPlan.DESCRIBE_TASK_DEFINITION, CallPlan.DESCRIBE_TARGET_HEALTH);
    private static final Set<String> EVERY_REFRESH = Set.of(CallPlan.LIST_CLUSTERS, CallPlan.DESCRIBE_CLUSTERS,
            CallPlan.LIST_SERVICES, CallPlan.DESCRIBE_SERVICES, CallPlan.LIST_CONTAINER_INSTANCES);

    /**
     * One measured refresh.
     *
     * @param sent     requests the sandbox received, by operation
     * @param minimum  the fewest calls for what the refresh found, by operation
     * @param retries  retries the refresh reported (the SDK's and the adapter's)
     */
    record Measured(String environment, Map<String, Long> sent, Map<String, Integer> minimum, int retries) {

        long sentTotal() {
            return sent.values().stream().mapToLong(Long::longValue).sum();
        }

        int minimumTotal() {
            return minimum.values().stream().mapToInt(Integer::intValue).sum();
        }

        boolean withinBound() {
            return sentTotal() <= minimumTotal() + retries;
        }

        @Override
        public String toString() {
            return String.format("%s: %d calls sent, minimum %d + %d retries %s", environment, sentTotal(),
                    minimumTotal(), retries, withinBound() ? "(within)" : "(OVER: sent " + sent + " minimum " + minimum
                            + ")");
        }
    }

    private final Journey journey;

    RefreshCalls(Journey journey) {
        this.journey = journey;
    }

    /** Refreshes the current environment's fleet once, from the Services page, and counts what it sent. */
    Measured measure(String environment) {
        FleetViewModel fleet = journey.shell().fleet();
        journey.waitUntil("no refresh of the fleet in flight", Duration.ofSeconds(150),
                () -> !fleet.refreshingProperty().get() && fleet.stateProperty().get() == FleetViewModel.State.LOADED);
        FleetData before = journey.onUi(fleet::data);
        Instant asOf = before.snapshot().asOf();
        Map<String, Long> tallyBefore = journey.sandbox().control().requestsByOperation();
        journey.robot().interact(fleet::refresh);
        journey.waitUntil("the measured refresh ends", Duration.ofSeconds(150),
                () -> !fleet.refreshingProperty().get() && fleet.asOfProperty().get() != null
                        && fleet.asOfProperty().get().isAfter(asOf));
        Map<String, Long> tallyAfter = journey.sandbox().control().requestsByOperation();
        FleetStats stats = journey.onUi(() -> fleet.lastStatsProperty().get());

        Map<String, Long> sent = new TreeMap<>();
        for (String op : FLEET_OPERATIONS) {
            long n = tallyAfter.getOrDefault("ecs." + op, 0L) + tallyAfter.getOrDefault("elasticloadbalancing." + op, 0L)
                    - tallyBefore.getOrDefault("ecs." + op, 0L)
                    - tallyBefore.getOrDefault("elasticloadbalancing." + op, 0L);
            if (n > 0) {
                sent.put(op, n);
            }
        }
        CallPlan always = CallPlanner.idleRefresh(FleetShape.of(before.snapshot()));
        Map<String, Integer> minimum = new TreeMap<>();
        for (String op : FLEET_OPERATIONS) {
            int n = EVERY_REFRESH.contains(op) ? always.calls(op) : stats.calls(op);
            if (n > 0) {
                minimum.put(op, n);
            }
        }
        return new Measured(environment, sent, minimum, stats.retries());
    }
}
