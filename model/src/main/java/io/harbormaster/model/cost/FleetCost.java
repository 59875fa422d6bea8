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
        for (var cluster : snapshot.clusters()) {
            Map<String, Acc> byKey = new LinkedHashMap<>();
            // a cluster's tasks name their service by group: look each group up once, not each task
            Map<String, Acc> byGroup = new HashMap<>();
            double bill = 0;
            double idleUsd = 0;
            double idleShare = 0;
            double strandedUsd = 0;
            double strandedShare = 0;
            for (Host host : snapshot.hostsIn(cluster.arn())) {
                Optional<HostPrice> price = byType.computeIfAbsent(host.instanceType(),
                        t -> prices.priceOf(snapshot.environmentId(), t));
                if (price.isEmpty()) {
                    unpriced.put(host.arn(), host.instanceType());
                    continue;
                }
                used.put(host.instanceType(), price.get());
                double rate = price.get().usdPerHour();
                bill += rate;
                List<Task> onHost = snapshot.tasksOn(host.arn());
                Task[] tasks = new Task[onHost.size()];
                int n = 0;
                for (Task t : onHost) {
                    if (!"STOPPED".equals(t.lastStatus())) {
                        tasks[n++] = t;
                    }
                }
                int[] cpu = new int[n];
                int[] memory = new int[n];
                for (int i = 0; i < n; i++) {
                    cpu[i] = tasks[i].cpu();
                    memory[i] = tasks[i].memory();
                }
                HostPacking hp = packing.host(host.arn()).orElse(null);
                HostShares shares = HostShares.of(host.registeredCpu(), host.registeredMemory(), cpu, memory, hp);
                double charged = 0;
                for (int i = 0; i < n; i++) {
                    double usd = rate * shares.task(i);
                    charged += usd;
                    Acc line = byGroup.get(tasks[i].group());
                    if (line == null) {
                        line = lineFor(snapshot, byKey, cluster.arn(), tasks[i]);
                        byGroup.put(tasks[i].group(), line);
                    }
                    line.merge(usd, shares.task(i));
                }
                double strandedHere = rate * shares.stranded();
                strandedUsd += strandedHere;
                strandedShare += shares.stranded();
                // the idle line takes the last cent of the host so that its lines add up to its price
                idleUsd += rate - charged - strandedHere;
                idleShare += shares.idle();
            }
            byKey.values().forEach(b -> lines.add(b.line()));
            if (bill > 0 || !snapshot.hostsIn(cluster.arn()).isEmpty()) {
                lines.add(new CostLine(CostLine.Kind.STRANDED, cluster.arn(), STRANDED, "stranded", 0, strandedUsd,
                        strandedShare));
                lines.add(new CostLine(CostLine.Kind.IDLE, cluster.arn(), IDLE, "idle", 0, idleUsd, idleShare));
            }
            bills.put(cluster.arn(), bill);
        }
        return new CostBreakdown(snapshot.environmentId(), lines, bills, used, unpriced);
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
