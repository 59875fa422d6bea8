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
 */
public record RepackResult(TargetType target, PortMode portMode, int hostsBefore, double usdPerHourBefore,
        int capacityBound, int lowerBound, List<PackedHost> hosts, int unplaced, List<Blocker> blockers) {

    /** One host of the packed fleet. */
    public record PackedHost(int cpuUsed, int memoryUsed, int tasks) {
    }

    public RepackResult {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(portMode, "portMode");
        hosts = List.copyOf(hosts);
        blockers = List.copyOf(blockers);
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
