package io.harbormaster.model.cutover;

import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.metrics.MetricPoint;
import io.harbormaster.model.packing.FleetPacking;
import io.harbormaster.model.packing.HostPacking;
import io.harbormaster.model.packing.PackingAnalysis;
import io.harbormaster.model.packing.PackingRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The wizard's pre-flight checks, each pass or fail with what it saw. Pure: the inputs are read by the caller
 * ({@link CutoverService#preflight} reads them through the ports).
 *
 * <ul>
 *   <li><b>Target side healthy</b>: at least one target and ≥ 90 % of its registered targets healthy.</li>
 *   <li><b>Capacity</b>: at 100 % the target side takes the source side's traffic, so it needs at least as many
 *       running tasks as the source side has now (services behind its target groups); its hosts' free capacity
 *       (the packing model, stranded capacity left out) says how many more such tasks would fit.</li>
 *   <li><b>Load balancer warmed</b>: its busiest minute in the last hour is at least half the largest jump in
 *       requests a single step will send it (the pair's current rate × the step's increase in share). An ALB
 *       scales with traffic it has seen; a cold one meets a big step with 5xx (the seeds had to pre-warm theirs).
 *       Both sides behind one load balancer (ALB weights) share it and pass.</li>
 *   <li><b>Record TTL</b>: the record's TTL is at most 300 s and every step bakes at least TTL + margin.</li>
 * </ul>
 */
public final class CutoverPreflight {

    /** Share of healthy targets the target side needs. */
    static final double HEALTHY_SHARE = 0.9;
    /** The largest TTL the check accepts: beyond it clients follow a rollback too slowly. */
    static final long MAX_TTL_SECONDS = 300;

    private CutoverPreflight() {
    }

    /**
     * What the checks read.
     *
     * @param targetHealth        target side's target health now
     * @param sourceFleet         the source side's environment (null when not loaded)
     * @param targetFleet         the target side's environment (null when not loaded)
     * @param sourceRecentRequests the source side's requests per minute over the last minutes (its current rate)
     * @param targetLastHourRequests the target side's requests per minute over the last hour
     */
    public record Inputs(SideHealth.Counts targetHealth, FleetSnapshot sourceFleet, FleetSnapshot targetFleet,
                         List<MetricPoint> sourceRecentRequests, List<MetricPoint> targetLastHourRequests) {
        public Inputs {
            Objects.requireNonNull(targetHealth, "targetHealth");
            sourceRecentRequests = List.copyOf(sourceRecentRequests);
            targetLastHourRequests = List.copyOf(targetLastHourRequests);
        }
    }

    public static List<PreflightCheck> check(CutoverPlan plan, Inputs in) {
        CutoverSide source = plan.side(plan.fromId());
        CutoverSide target = plan.side(plan.toId());
        List<PreflightCheck> out = new ArrayList<>();
        out.add(health(target, in.targetHealth()));
        out.add(capacity(source, target, in.sourceFleet(), in.targetFleet()));
        out.add(warmed(plan, source, target, in));
        out.add(ttl(plan));
        return out;
    }

    static PreflightCheck health(CutoverSide target, SideHealth.Counts c) {
        boolean pass = c.total() > 0 && c.healthy() >= Math.ceil(HEALTHY_SHARE * c.total());
        return new PreflightCheck("Target side healthy", pass, String.format(Locale.ROOT,
                "%s: %d of %d targets healthy in %d target group(s); needs ≥ %.0f %% and at least one", target.label(),
                c.healthy(), c.total(), c.targetGroups(), HEALTHY_SHARE * 100));
    }

    /** Running tasks of the services behind a side's target groups, and the hosts they run on. */
    record SideTasks(List<Task> tasks, Set<String> hosts, Set<String> clusters) {
        int cpuPerTask() {
            return tasks.isEmpty() ? 0 : (int) Math.ceil(tasks.stream().mapToInt(Task::cpu).average().orElse(0));
        }

        int memoryPerTask() {
            return tasks.isEmpty() ? 0 : (int) Math.ceil(tasks.stream().mapToInt(Task::memory).average().orElse(0));
        }
    }

    static SideTasks tasksOf(FleetSnapshot fleet, CutoverSide side) {
        Set<String> groups = new HashSet<>(side.targetGroupArns());
        List<Task> tasks = new ArrayList<>();
        Set<String> hosts = new HashSet<>();
        Set<String> clusters = new HashSet<>();
        for (Service s : fleet.services()) {
            if (s.loadBalancers().stream().noneMatch(lb -> groups.contains(lb.targetGroupArn()))) {
                continue;
            }
            clusters.add(s.clusterArn());
            for (Task t : fleet.tasks()) {
                if (t.clusterArn().equals(s.clusterArn()) && t.group().equals("service:" + s.name())
                        && "RUNNING".equals(t.lastStatus())) {
                    tasks.add(t);
                    if (t.containerInstanceArn() != null && !t.containerInstanceArn().isBlank()) {
                        hosts.add(t.containerInstanceArn());
                    }
                }
            }
        }
        return new SideTasks(tasks, hosts, clusters);
    }

    static PreflightCheck capacity(CutoverSide source, CutoverSide target, FleetSnapshot sourceFleet,
            FleetSnapshot targetFleet) {
        if (sourceFleet == null || targetFleet == null) {
            return new PreflightCheck("Capacity", false, "The fleet of " + (targetFleet == null ? target.label()
                    : source.label()) + " could not be loaded, so its tasks could not be counted");
        }
        SideTasks from = tasksOf(sourceFleet, source);
        SideTasks to = tasksOf(targetFleet, target);
        int room = room(targetFleet, to);
        boolean pass = !to.tasks().isEmpty() && to.tasks().size() >= from.tasks().size();
        String evidence = String.format(Locale.ROOT, "%s: %d running tasks on %d hosts; %s: %d running tasks on %d"
                + " hosts. At 100 %% %s takes %s's traffic, so it needs ≥ %d tasks. Its clusters' hosts have room for"
                + " %d more such tasks (%d CPU units, %d MiB each; stranded capacity not counted).", target.label(),
                to.tasks().size(), to.hosts().size(), source.label(), from.tasks().size(), from.hosts().size(),
                target.label(), source.label(), from.tasks().size(), room, to.cpuPerTask(), to.memoryPerTask());
        if (!pass && !to.tasks().isEmpty()) {
            int missing = from.tasks().size() - to.tasks().size();
            evidence += missing <= room ? " Scale " + target.label() + " up by " + missing + " first: they fit."
                    : " Scale " + target.label() + " up by " + missing + " first: only " + room + " fit on its hosts.";
        }
        return new PreflightCheck("Capacity", pass, evidence);
    }

    /** How many more tasks of the side's size fit on the free capacity of its clusters' hosts. */
    static int room(FleetSnapshot fleet, SideTasks side) {
        int cpu = side.cpuPerTask();
        int memory = side.memoryPerTask();
        if (cpu <= 0 || memory <= 0) {
            return 0;
        }
        FleetPacking packing = PackingAnalysis.of(fleet, PackingRules.DEFAULT);
        int room = 0;
        for (Host h : fleet.hosts()) {
            if (!side.clusters().contains(h.clusterArn()) || !"ACTIVE".equals(h.status())) {
                continue;
            }
            HostPacking p = packing.host(h.arn()).orElse(null);
            if (p == null) {
                continue;
            }
            int freeCpu = p.freeCpu() - p.strandedCpu();
            int freeMemory = p.freeMemory() - p.strandedMemory();
            room += Math.max(0, Math.min(freeCpu / cpu, freeMemory / memory));
        }
        return room;
    }

    static PreflightCheck warmed(CutoverPlan plan, CutoverSide source, CutoverSide target, Inputs in) {
        if (!target.loadBalancerArn().isBlank() && target.loadBalancerArn().equals(source.loadBalancerArn())) {
            return new PreflightCheck("Load balancer warmed", true, "Both sides are behind "
                    + target.loadBalancerArn().replaceAll(".*loadbalancer/", "") + ": it already carries the traffic");
        }
        double rate = in.sourceRecentRequests().stream().mapToDouble(MetricPoint::value).average().orElse(0);
        double pairShare = (plan.startWeights().percent(plan.fromId()) + plan.startWeights().percent(plan.toId()))
                / 100;
        double pairRate = rate / Math.max(plan.startWeights().percent(plan.fromId()) / 100, 1e-9) * pairShare;
        double largestJump = 0;
        double previous = plan.startWeights().percent(plan.toId());
        for (PlanStep s : plan.steps()) {
            largestJump = Math.max(largestJump, s.effectivePercent() - previous);
            previous = s.effectivePercent();
        }
        double jumpRate = pairRate * largestJump / 100;
        double peak = in.targetLastHourRequests().stream().mapToDouble(MetricPoint::value).max().orElse(0);
        boolean pass = peak >= jumpRate / 2;
        return new PreflightCheck("Load balancer warmed", pass, String.format(Locale.ROOT,
                "%s's busiest minute in the last hour: %.0f requests (%d minutes seen). The largest step adds %.1f %%"
                        + " of %.0f requests/min (%s's rate now %.0f/min): %.0f/min. Warmed if the busiest minute is ≥"
                        + " half of that (%.0f).%s", target.label(), peak, in.targetLastHourRequests().size(),
                largestJump, pairRate, source.label(), rate, jumpRate, jumpRate / 2, pass ? ""
                        : " Pre-warm it (ask AWS, or send it traffic gradually) or plan smaller first steps."));
    }

    static PreflightCheck ttl(CutoverPlan plan) {
        WeightedRoute route = plan.route();
        if (route.kind() == TrafficKind.ALB) {
            return new PreflightCheck("Record TTL", true, "No DNS in the path: the load balancer applies new weights"
                    + " within seconds" + (route instanceof AlbWeightedForward a && a.stickinessSeconds() > 0
                    ? "; sticky clients (" + a.stickinessSeconds() + " s) keep their target group until it expires"
                    : ""));
        }
        long ttl = route.cacheTtl().toSeconds();
        long shortest = plan.steps().stream().mapToLong(s -> s.bake().toSeconds()).min().orElse(0);
        boolean pass = ttl <= MAX_TTL_SECONDS && shortest >= plan.gates().minimumBake(route).toSeconds();
        String alias = route instanceof Route53WeightedRecord r && r.alias() ? " (alias to a load balancer: Route 53"
                + " answers with its 60 s)" : "";
        return new PreflightCheck("Record TTL", pass, String.format(Locale.ROOT, "TTL %d s%s; the shortest bake is"
                + " %d s ≥ TTL + %d s margin. Traffic moves about one TTL after Route 53 says INSYNC; clients that"
                + " cache longer (the JVM caches 30 s by default) or keep connections open move later.%s", ttl, alias,
                shortest, plan.gates().margin().toSeconds(), ttl > MAX_TTL_SECONDS ? " Lower the TTL to ≤ "
                        + MAX_TTL_SECONDS + " s a TTL ahead of the cutover." : ""));
    }
}
