package io.harbormaster.model.cost.repack;

import io.harbormaster.model.cost.CostRules;
import java.util.List;
import java.util.Objects;

/**
 * A what-if's answer: today's hosts and cost beside the packed fleet's, the bounds, and what stops a better packing.
 *
 * @param capacityBound the larger of ⌈Σ CPU ÷ the type's CPU⌉ and ⌈Σ memory ÷ the type's memory⌉: no packing
 *                      of these tasks on this type can use fewer hosts
 * @param lowerBound    the capacity bound raised by the rules: a static-port or distinctInstance service needs a
 *                      host per task; a zone-spread service a host per zone it spreads over
 * @param hosts         the packed hosts in the order they were opened: CPU and memory used and tasks on each
 * @param unplaced      tasks that fit no host of the type (too large, or excluded by memberOf)
 * @param clusterArn    the cluster packed again
 */
public record RepackResult(TargetType target, PortMode portMode, int hostsBefore, double usdPerHourBefore,
        int capacityBound, int lowerBound, List<PackedHost> hosts, int unplaced, List<Blocker> blockers,
        String clusterArn) {

    /**
     * One host of the packed fleet.
     *
     * @param runs what is on it, demand by demand in the order they were placed
     */
    public record PackedHost(int cpuUsed, int memoryUsed, int tasks, List<Run> runs) {

        public PackedHost {
            runs = List.copyOf(runs);
        }

        /** A host whose tasks are counted, not told apart. */
        public PackedHost(int cpuUsed, int memoryUsed, int tasks) {
            this(cpuUsed, memoryUsed, tasks, List.of());
        }
    }

    /** {@code tasks} tasks of one demand on a packed host. */
    public record Run(Demand demand, int tasks) {
        public Run {
            Objects.requireNonNull(demand, "demand");
        }
    }

    public RepackResult {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(portMode, "portMode");
        Objects.requireNonNull(clusterArn, "clusterArn");
        hosts = List.copyOf(hosts);
        blockers = List.copyOf(blockers);
    }

    /** Today's hosts the packed fleet would not need (none when it needs as many or more). */
    public int hostsFreed() {
        return Math.max(0, hostsBefore - hostsAfter());
    }

    public int hostsAfter() {
        return hosts.size();
    }

    public double usdPerHourAfter() {
        return hostsAfter() * target.price().usdPerHour();
    }

    public double usdPerMonthBefore() {
        return usdPerHourBefore * CostRules.HOURS_PER_MONTH;
    }

    public double usdPerMonthAfter() {
        return usdPerHourAfter() * CostRules.HOURS_PER_MONTH;
    }

    /** Positive when the packed fleet is cheaper. */
    public double monthlySaving() {
        return usdPerMonthBefore() - usdPerMonthAfter();
    }
}
