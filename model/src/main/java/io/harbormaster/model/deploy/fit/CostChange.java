package io.harbormaster.model.deploy.fit;

import io.harbormaster.model.cost.CostRules;
import io.harbormaster.model.cost.HostPrice;
import io.harbormaster.model.cost.HostPrices;
import io.harbormaster.model.cost.HostShares;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.packing.TaskShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a deploy changes in a service's monthly bill, reckoned as the Cost page reckons it: a task costs its host's
 * hourly price × its dominant share of the host (the larger of its CPU and memory shares, {@link HostShares}). A
 * task's cost is averaged over the hosts the service runs on today (over its cluster's hosts when it runs nowhere
 * yet), once with today's reservations and once with the new revision's; the bill is that × the desired count,
 * before and after. The peak line is what the strategy's extra tasks cost an hour while the deploy runs.
 *
 * @param beforeUsdPerMonth   desired count today × a task of today's revision
 * @param afterUsdPerMonth    desired count after the deploy × a task of the new revision
 * @param peakExtraUsdPerHour the extra tasks at the deploy's peak, an hour
 * @param prices              the price used for each instance type counted
 * @param unpriced            instance types with no known price; their hosts are left out of the average
 * @param note                why there is no figure (Fargate, no price known); empty when there is one
 */
public record CostChange(double beforeUsdPerMonth, double afterUsdPerMonth, double peakExtraUsdPerHour,
                         Map<String, HostPrice> prices, List<String> unpriced, String note) {

    public CostChange {
        prices = java.util.Collections.unmodifiableMap(new TreeMap<>(prices)); // by type, as they are listed
        unpriced = List.copyOf(unpriced);
        note = note == null ? "" : note;
    }

    /**
     * @param before     one task of the revision running today
     * @param after      one task of the revision the deploy rolls out
     * @param peakExtra  the extra tasks at the strategy's peak ({@link PeakDemand})
     */
    public static CostChange of(FleetSnapshot fleet, Service service, TaskShape before, TaskShape after,
                                int desiredBefore, int desiredAfter, int peakExtra, HostPrices prices) {
        if ("FARGATE".equals(service.launchType())) {
            return unknown("Fargate bills each task by its vCPU and GB, not by host: the price book has no such"
                    + " rates", Map.of(), List.of());
        }
        List<Host> hosts = hostsOf(fleet, service);
        Map<String, HostPrice> used = new TreeMap<>();
        TreeSet<String> unpriced = new TreeSet<>();
        double sumBefore = 0;
        double sumAfter = 0;
        int counted = 0;
        for (Host host : hosts) {
            Optional<HostPrice> price = prices.priceOf(fleet.environmentId(), host.instanceType());
            if (price.isEmpty()) {
                unpriced.add(host.instanceType());
                continue;
            }
            used.put(host.instanceType(), price.get());
            double rate = price.get().usdPerHour();
            sumBefore += rate * share(host, before);
            sumAfter += rate * share(host, after);
            counted++;
        }
        if (counted == 0) {
            return unknown(hosts.isEmpty() ? "The service's cluster has no hosts to price"
                    : "No price is known for " + String.join(", ", unpriced) + ": the Cost page fetches list"
                    + " prices, or set an effective rate there", used, List.copyOf(unpriced));
        }
        double taskBefore = sumBefore / counted;
        double taskAfter = sumAfter / counted;
        return new CostChange(desiredBefore * taskBefore * CostRules.HOURS_PER_MONTH,
                desiredAfter * taskAfter * CostRules.HOURS_PER_MONTH, peakExtra * taskAfter, used,
                List.copyOf(unpriced), "");
    }

    private static CostChange unknown(String why, Map<String, HostPrice> used, List<String> unpriced) {
        return new CostChange(0, 0, 0, used, unpriced, why);
    }

    /** One entry per task the service runs on a host (a host with two of its tasks weighs twice). */
    private static List<Host> hostsOf(FleetSnapshot fleet, Service service) {
        List<Host> hosts = new ArrayList<>();
        for (Task task : fleet.tasksOf(service.arn())) {
            if (!task.containerInstanceArn().isEmpty() && !"STOPPED".equals(task.lastStatus())) {
                fleet.host(task.containerInstanceArn()).ifPresent(hosts::add);
            }
        }
        return hosts.isEmpty() ? fleet.hostsIn(service.clusterArn()) : hosts;
    }

    /** The task's share of the host, by the cost model's own rule. */
    private static double share(Host host, TaskShape task) {
        return HostShares.of(host.registeredCpu(), host.registeredMemory(), new int[] {task.cpu()},
                new int[] {task.memory()}, null).task(0);
    }

    /** Whether there is a figure to show. */
    public boolean known() {
        return note.isEmpty();
    }

    public double deltaUsdPerMonth() {
        return afterUsdPerMonth - beforeUsdPerMonth;
    }

    /** "+$35.04 a month (from $17.52 to $52.56)", or the note when there is no figure. */
    public String summary() {
        if (!known()) {
            return note;
        }
        double delta = deltaUsdPerMonth();
        String change = Math.abs(delta) < 0.005 ? "No change a month"
                : String.format(Locale.ROOT, "%s$%,.2f a month", delta > 0 ? "+" : "−", Math.abs(delta));
        return change + String.format(Locale.ROOT, " (from $%,.2f to $%,.2f)", beforeUsdPerMonth, afterUsdPerMonth)
                + (peakExtraUsdPerHour > 0 ? String.format(Locale.ROOT, "; while it runs, the extra tasks cost"
                + " $%,.2f an hour", peakExtraUsdPerHour) : "");
    }

    /** Which price each instance type was costed at, and where it came from (list price or the operator's rate). */
    public List<String> pricesUsed() {
        List<String> lines = new ArrayList<>();
        prices.forEach((type, price) -> lines.add(String.format(Locale.ROOT, "%s at $%.4f an hour: %s", type,
                price.usdPerHour(), price.describe())));
        if (!unpriced.isEmpty() && known()) {
            lines.add("Left out, no price known: " + String.join(", ", unpriced));
        }
        return lines;
    }
}
