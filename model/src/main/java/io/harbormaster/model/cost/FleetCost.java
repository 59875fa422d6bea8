package io.harbormaster.model.cost;

import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.packing.FleetPacking;
import io.harbormaster.model.packing.HostPacking;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What each service of a snapshot costs: Σ over its tasks of the host's hourly price × the task's share of the host
 * ({@link HostShares}), with each cluster's idle and stranded remainder as lines of their own. Pure and
 * single-pass over hosts and their tasks; run it off the UI thread.
 */
public final class FleetCost {

    static final String IDLE = "idle";
    static final String STRANDED = "stranded";

    private FleetCost() {
    }

    public static CostBreakdown of(FleetSnapshot snapshot, FleetPacking packing, HostPrices prices) {
        List<CostLine> lines = new ArrayList<>();
        Map<String, Double> bills = new HashMap<>();
        Map<String, HostPrice> used = new HashMap<>();
        Map<String, String> unpriced = new HashMap<>();
        Map<String, Optional<HostPrice>> byType = new HashMap<>();
        Scratch scratch = new Scratch();
        for (var cluster : snapshot.clusters()) {
            Map<String, Acc> byKey = new LinkedHashMap<>();
            // a cluster's tasks name their service by group: look each group up once, not each task
            Map<String, Acc> byGroup = new HashMap<>();
            Function<Task, Acc> lineOf = t -> byGroup.computeIfAbsent(t.group(),
                    g -> lineFor(snapshot, byKey, cluster.arn(), t));
            Hour hour = new Hour();
            for (Host host : snapshot.hostsIn(cluster.arn())) {
                Optional<HostPrice> price = byType.computeIfAbsent(host.instanceType(),
                        t -> prices.priceOf(snapshot.environmentId(), t));
                if (price.isEmpty()) {
                    unpriced.put(host.arn(), host.instanceType());
                    continue;
                }
                used.put(host.instanceType(), price.get());
                charge(host, price.get().usdPerHour(), snapshot.tasksOn(host.arn()),
                        packing.hosts().get(host.arn()), scratch, hour, lineOf);
            }
            byKey.values().forEach(b -> lines.add(b.line()));
            if (hour.bill > 0 || !snapshot.hostsIn(cluster.arn()).isEmpty()) {
                lines.add(new CostLine(CostLine.Kind.STRANDED, cluster.arn(), STRANDED, "stranded", 0,
                        hour.strandedUsd, hour.strandedShare));
                lines.add(new CostLine(CostLine.Kind.IDLE, cluster.arn(), IDLE, "idle", 0, hour.idleUsd,
                        hour.idleShare));
            }
            bills.put(cluster.arn(), hour.bill);
        }
        return new CostBreakdown(snapshot.environmentId(), lines, bills, used, unpriced);
    }

    /**
     * Splits one host's hour as {@link HostShares} does, in one pass over its tasks into reused arrays: this runs
     * for every task of the fleet (200,000 on the large one), so it allocates nothing per host.
     */
    private static void charge(Host host, double rate, List<Task> onHost, HostPacking hp, Scratch scratch, Hour hour,
            Function<Task, Acc> lineOf) {
        scratch.ensure(onHost.size());
        double[] shares = scratch.shares;
        Acc[] accs = scratch.accs;
        int regCpu = host.registeredCpu();
        int regMemory = host.registeredMemory();
        int n = 0;
        double sum = 0;
        String lastGroup = null;
        Acc last = null;
        for (Task t : onHost) {
            if ("STOPPED".equals(t.lastStatus())) {
                continue;
            }
            // a host's tasks of one service often come one after another
            if (t.group() != lastGroup) {
                lastGroup = t.group();
                last = lineOf.apply(t);
            }
            double share = HostShares.dominant(t.cpu(), t.memory(), regCpu, regMemory);
            shares[n] = share;
            accs[n++] = last;
            sum += share;
        }
        double scale = HostShares.scale(sum);
        double charged = 0;
        for (int i = 0; i < n; i++) {
            double share = shares[i] * scale;
            double usd = rate * share;
            charged += usd;
            accs[i].merge(usd, share);
            accs[i] = null;
        }
        double left = HostShares.left(sum);
        double stranded = HostShares.stranded(left, regCpu, regMemory, hp);
        double strandedUsd = rate * stranded;
        hour.bill += rate;
        hour.strandedUsd += strandedUsd;
        hour.strandedShare += stranded;
        // the idle line takes the last cent of the host so that its lines add up to its price
        hour.idleUsd += rate - charged - strandedUsd;
        hour.idleShare += left - stranded;
    }

    /** Arrays reused from host to host, grown to the most tasks a host holds. */
    private static final class Scratch {
        private double[] shares = new double[256];
        private Acc[] accs = new Acc[256];

        void ensure(int size) {
            if (size > shares.length) {
                shares = new double[Math.max(size, shares.length * 2)];
                accs = new Acc[shares.length];
            }
        }
    }

    /** A cluster's hosts' hour as it is added up. */
    private static final class Hour {
        private double bill;
        private double idleUsd;
        private double idleShare;
        private double strandedUsd;
        private double strandedShare;
    }

    private static Acc lineFor(FleetSnapshot snapshot, Map<String, Acc> byKey, String clusterArn, Task task) {
        Optional<Service> service = snapshot.serviceOf(task);
        if (service.isPresent()) {
            return byKey.computeIfAbsent(service.get().arn(),
                    k -> new Acc(CostLine.Kind.SERVICE, clusterArn, k, service.get().name()));
        }
        String group = task.group().isEmpty() ? "standalone" : task.group();
        return byKey.computeIfAbsent("task:" + group,
                k -> new Acc(CostLine.Kind.STANDALONE, clusterArn, k, group + " (standalone tasks)"));
    }

    /** A line being added up (mutable, local to one computation; the record is made once at the end). */
    private static final class Acc {
        private final CostLine.Kind kind;
        private final String clusterArn;
        private final String key;
        private final String name;
        private int tasks;
        private double usd;
        private double share;

        Acc(CostLine.Kind kind, String clusterArn, String key, String name) {
            this.kind = kind;
            this.clusterArn = clusterArn;
            this.key = key;
            this.name = name;
        }

        void merge(double moreUsd, double moreShare) {
            tasks++;
            usd += moreUsd;
            share += moreShare;
        }

        CostLine line() {
            return new CostLine(kind, clusterArn, key, name, tasks, usd, share);
        }
    }
}
