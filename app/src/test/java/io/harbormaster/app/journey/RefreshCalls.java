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
 * The API calls one refresh of the fleet sends, counted where AWS would count them, retries included, held against
 * the fewest the planner allows. Every call of a refresh names it in its User-Agent
 * ({@link FleetStats#caller()}, "harbormaster-fleet-refresh/17"), and the sandbox counts what it received under
 * that name, as CloudTrail would by the calls' userAgent: the count is the refresh's own calls and nothing else's,
 * whatever else the console sends meanwhile (a page's load lists clusters too); no quiet window is waited for.
 *
 * <p>Every refresh lists and describes the clusters, lists and describes the services and lists the container
 * instances: for those the minimum is {@link CallPlanner#idleRefresh}. What else a refresh reads depends on what
 * moved (tasks and hosts described, task definitions, target health): there the minimum is the pages and batches
 * the refresh itself counted, each the smallest the API allows for what it found moved. Allowed on top: the retries
 * the refresh reports.
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
     * @param caller   the refresh's name, in its calls' User-Agent ({@link FleetStats#caller()})
     * @param sent     requests the sandbox received under the refresh's name, by operation
     * @param minimum  the fewest calls for what the refresh found, by operation
     * @param retries  retries the refresh reported (the SDK's and the adapter's)
     * @param others   calls of the fleet's operations other callers sent while it ran (not counted: a count by time
     *                 window would have), by operation
     */
    record Measured(String environment, String caller, Map<String, Long> sent, Map<String, Integer> minimum, int retries,
            Map<String, Long> others) {

        long sentTotal() {
            return sent.values().stream().mapToLong(Long::longValue).sum();
        }

        int minimumTotal() {
            return minimum.values().stream().mapToInt(Integer::intValue).sum();
        }

        long othersTotal() {
            return others.values().stream().mapToLong(Long::longValue).sum();
        }

        boolean withinBound() {
            return sentTotal() <= minimumTotal() + retries;
        }

        @Override
        public String toString() {
            return String.format("%s %s: %d calls sent, minimum %d + %d retries %s%s", environment, caller, sentTotal(),
                    minimumTotal(), retries, withinBound() ? "(within)" : "(OVER: sent " + sent + " minimum " + minimum
                            + ")", others.isEmpty() ? "" : "; other callers' calls meanwhile, not counted: " + others);
        }
    }

    private final Journey journey;

    RefreshCalls(Journey journey) {
        this.journey = journey;
    }

    /** Refreshes the current environment's fleet once, from the Services page, and counts what it sent. */
    Measured measure(String environment) {
        FleetViewModel fleet = journey.shell().fleet();
        // The mark is taken before the refresh starts, and the refresh must be one this call started: asked while
        // another read of the fleet was in flight (a round's refresh begun between the wait and the mark), refresh()
        // does nothing, and what ended next was that other one, counted only from its middle (session 13's soak: a
        // refresh "sent" 5 calls of a minimum of 22, its lists before the mark).
        long mark;
        Instant asOf;
        FleetData before;
        Map<String, Long> tallyBefore;
        boolean started;
        int asked = 0;
        do {
            if (asked++ > 0) {
                pause(); // another read of this fleet is ending: asked again in a moment
            }
            journey.waitUntil("no refresh of the fleet in flight", Duration.ofSeconds(150),
                    () -> !fleet.refreshingProperty().get()
                            && fleet.stateProperty().get() == FleetViewModel.State.LOADED);
            mark = journey.sandbox().control().requestMark();
            tallyBefore = journey.sandbox().control().requestsByOperation();
            before = journey.onUi(fleet::data);
            asOf = before.snapshot().asOf();
            started = journey.onUi(() -> {
                fleet.refresh();
                return fleet.refreshingProperty().get();
            });
        } while (!started);
        Instant measuredFrom = asOf;
        journey.waitUntil("the measured refresh ends", Duration.ofSeconds(150),
                () -> !fleet.refreshingProperty().get() && fleet.asOfProperty().get() != null
                        && fleet.asOfProperty().get().isAfter(measuredFrom));
        Map<String, Long> tallyAfter = journey.sandbox().control().requestsByOperation();
        FleetStats stats = journey.onUi(() -> fleet.lastStatsProperty().get());
        if (stats.caller().isEmpty()) {
            throw new IllegalStateException("the refresh's calls carry no name: they cannot be told from others");
        }
        Map<String, Long> named = journey.sandbox().control().requestsByOperation(mark, stats.caller());
        return count(environment, named, window(tallyBefore, tallyAfter),
                CallPlanner.idleRefresh(FleetShape.of(before.snapshot())), stats);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to measure a refresh", e);
        }
    }

    /**
     * @param named  the sandbox's count of the requests under the refresh's name, keyed {@code service.Operation}
     * @param window every request of the fleet's operations received while it ran, by operation
     * @param always the planner's minimum for what every refresh reads
     */
    static Measured count(String environment, Map<String, Long> named, Map<String, Long> window, CallPlan always,
            FleetStats stats) {
        Map<String, Long> sent = new TreeMap<>();
        named.forEach((key, n) -> sent.merge(key.substring(key.indexOf('.') + 1), n, Long::sum));
        Map<String, Integer> minimum = new TreeMap<>();
        Map<String, Long> others = new TreeMap<>();
        for (String op : FLEET_OPERATIONS) {
            int n = EVERY_REFRESH.contains(op) ? always.calls(op) : stats.calls(op);
            if (n > 0) {
                minimum.put(op, n);
            }
            long other = window.getOrDefault(op, 0L) - sent.getOrDefault(op, 0L);
            if (other > 0) {
                others.put(op, other);
            }
        }
        return new Measured(environment, stats.caller(), sent, minimum, stats.retries(), others);
    }

    /** The fleet's operations' requests between two of the sandbox's tallies (ECS's and ELB's), by operation. */
    static Map<String, Long> window(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> window = new TreeMap<>();
        for (String op : FLEET_OPERATIONS) {
            long n = fleetCalls(after, op) - fleetCalls(before, op);
            if (n > 0) {
                window.put(op, n);
            }
        }
        return window;
    }

    private static long fleetCalls(Map<String, Long> tally, String op) {
        return tally.getOrDefault("ecs." + op, 0L) + tally.getOrDefault("elasticloadbalancing." + op, 0L);
    }
}
