package io.harbormaster.app.bench;

import io.harbormaster.model.cost.CostBreakdown;
import io.harbormaster.model.cost.CostLine;
import io.harbormaster.model.cost.FleetCost;
import io.harbormaster.model.cost.HostPrice;
import io.harbormaster.model.cost.HostPrices;
import io.harbormaster.model.cost.repack.PortMode;
import io.harbormaster.model.cost.repack.RepackResult;
import io.harbormaster.model.cost.repack.RepackWhatIf;
import io.harbormaster.model.cost.repack.TargetType;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.PlacementStrategy;
import io.harbormaster.model.fleet.PortSet;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.StringPool;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.packing.FleetPacking;
import io.harbormaster.model.packing.PackingAnalysis;
import io.harbormaster.model.packing.PackingRules;
import io.harbormaster.model.testdata.FleetSnapshotBuilder;
import io.harbormaster.model.testdata.ServiceBuilder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Issue 16's fleet-scale numbers, on a fleet of the sandbox's {@code large} shape built in memory (no AWS load):
 * prod's giant cluster of 1,000 m5.16xlarge × 200 tasks (100 services × 2,000 tasks of 256 CPU / 1,024 MiB, as
 * {@code BenchmarkFleets.large}), plus ordinary clusters bringing the fleet to 203,809 tasks. Times the cost of
 * every service (and the packing analysis it reads) and the repacking what-if of the giant cluster, each on this
 * (non-UI) thread, and compares the repacked host count with the stated lower bound.
 *
 * <p>{@code ./mvnw -B -ntp -pl app -am -Pbench-cost -DskipTests verify}
 */
public final class CostBenchmark {

    private static final int RUNS = 15;
    /** Shares repeated strings as the adapter's mapping does when it loads a fleet ({@code EcsMapping}). */
    private static final StringPool POOL = new StringPool();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String ACCOUNT = "arn:aws:ecs:us-east-1:444444444444:";
    private static final LocalDate FETCHED = LocalDate.parse("2026-12-01");
    /** us-east-1 Linux on-demand list prices, USD an hour. */
    private static final Map<String, Double> LIST = Map.of("m5.16xlarge", 3.072, "c5.2xlarge", 0.34, "c5.4xlarge",
            0.68, "c5.9xlarge", 1.53, "r5.2xlarge", 0.504, "m5.4xlarge", 0.768);
    private static final HostPrices PRICES = (env, type) -> Optional.ofNullable(LIST.get(type))
            .map(p -> HostPrice.onDemand(p, FETCHED));

    private CostBenchmark() {
    }

    public static void main(String[] args) {
        FleetBenchmark.print(BenchSupport.machine());
        FleetSnapshot fleet = largeFleet(false);
        FleetBenchmark.print(String.format("fleet: %,d hosts, %,d services, %,d tasks", fleet.hosts().size(),
                fleet.services().size(), fleet.tasks().size()));
        long[] packing = new long[RUNS];
        long[] cost = new long[RUNS];
        long[] costCpu = new long[RUNS];
        CostBreakdown b = null;
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            FleetPacking p = PackingAnalysis.of(fleet, PackingRules.DEFAULT);
            long t1 = System.nanoTime();
            long c1 = THREADS.getCurrentThreadCpuTime();
            b = FleetCost.of(fleet, p, PRICES);
            costCpu[i] = THREADS.getCurrentThreadCpuTime() - c1;
            long t2 = System.nanoTime();
            packing[i] = t1 - t0;
            cost[i] = t2 - t1;
        }
        FleetBenchmark.print(String.format("packing analysis: %s; cost of every service: %s, CPU time %s%n  → %,d"
                + " lines, bill $%,.2f/h, lines add to $%,.2f/h, idle $%,.2f/h, stranded $%,.2f/h", stats(packing),
                stats(cost), stats(costCpu),
                b.lines().size(), b.bill(), b.total(), b.totalOf(CostLine.Kind.IDLE), b.totalOf(CostLine.Kind.STRANDED)));
        repack(fleet, "m5.16xlarge", 65536, 253_000, "giant, homogeneous as the sandbox's");
        repack(fleet, "c5.9xlarge", 36864, 70_100, "giant, homogeneous as the sandbox's");
        FleetSnapshot mixed = largeFleet(true);
        repack(mixed, "m5.16xlarge", 65536, 253_000, "giant with four task shapes");
        repack(mixed, "c5.9xlarge", 36864, 70_100, "giant with four task shapes");
    }

    private static void repack(FleetSnapshot fleet, String type, int cpu, int memory, String what) {
        TargetType target = new TargetType(type, cpu, memory, PRICES.priceOf("prod", type).orElseThrow());
        long[] nanos = new long[RUNS];
        long[] cpuNanos = new long[RUNS];
        RepackResult r = null;
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            r = RepackWhatIf.of(fleet, ACCOUNT + "cluster/giant", PRICES, target, PortMode.DYNAMIC);
            cpuNanos[i] = THREADS.getCurrentThreadCpuTime() - c0;
            nanos[i] = System.nanoTime() - t0;
        }
        FleetBenchmark.print(String.format("repack %s onto %s (dynamic ports): %s, CPU time %s%n  → %,d hosts → %,d"
                        + " (lower bound %,d, +%.2f %%), $%,.0f/month → $%,.0f/month, %d unplaced", what, type,
                stats(nanos), stats(cpuNanos),
                r.hostsBefore(), r.hostsAfter(), r.lowerBound(), 100.0 * (r.hostsAfter() - r.lowerBound())
                        / r.lowerBound(), r.usdPerMonthBefore(), r.usdPerMonthAfter(), r.unplaced()));
    }

    private static String stats(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("median %.1f ms, max %.1f ms over %d runs (first included)", sorted[sorted.length / 2]
                / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    /** The {@code large} shape; {@code mixed} gives the giant's services four task sizes instead of one. */
    static FleetSnapshot largeFleet(boolean mixed) {
        int[][] shapes = mixed ? new int[][] {{256, 1024}, {128, 768}, {192, 1536}, {64, 512}}
                : new int[][] {{256, 1024}};
        List<Cluster> clusters = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        List<Host> hosts = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        String giant = ACCOUNT + "cluster/giant";
        clusters.add(new Cluster(giant, "giant", "ACTIVE", 1000, 100, 200_000, 0));
        List<int[]> used = new ArrayList<>();
        for (int h = 0; h < 1000; h++) {
            used.add(new int[2]);
        }
        for (int s = 0; s < 100; s++) {
            String name = String.format("stream-%03d", s + 1);
            int[] shape = shapes[s % shapes.length];
            services.add(ServiceBuilder.aService(name).arn(ACCOUNT + "service/giant/" + name).cluster(giant)
                    .counts(2000, 2000, 0).launchType("EC2")
                    .placementStrategy(new PlacementStrategy("spread", "instanceId")).build());
            for (int t = 0; t < 2000; t++) {
                int h = (s * 2000 + t) % 1000;
                used.get(h)[0] += shape[0];
                used.get(h)[1] += shape[1];
                tasks.add(task(giant, "giant", name, s * 2000 + t, h, shape[0], shape[1]));
            }
        }
        for (int h = 0; h < 1000; h++) {
            hosts.add(host(giant, "giant", h, "m5.16xlarge", 65536, 253_000, used.get(h)));
        }
        int taskId = 200_000;
        int remaining = 203_809 - 200_000;
        for (int c = 1; remaining > 0; c++) {
            String name = String.format("shard-%02d", c);
            String arn = ACCOUNT + "cluster/" + name;
            clusters.add(new Cluster(arn, name, "ACTIVE", 12, 3, 0, 0));
            int[][] hostUse = new int[12][2];
            for (int s = 1; s <= 3 && remaining > 0; s++) {
                String svc = name + "-svc-" + s;
                services.add(ServiceBuilder.aService(svc).arn(ACCOUNT + "service/" + name + "/" + svc).cluster(arn)
                        .launchType("EC2").build());
                int count = Math.min(remaining, 20 + 40 * s);
                for (int t = 0; t < count; t++) {
                    int h = t % 12;
                    int cpu = 256 * s;
                    int memory = 512 * s;
                    hostUse[h][0] += cpu;
                    hostUse[h][1] += memory;
                    tasks.add(task(arn, name, svc, taskId++, h, cpu, memory));
                }
                remaining -= count;
            }
            for (int h = 0; h < 12; h++) {
                hosts.add(host(arn, name, h, "c5.4xlarge", 16384, 30_976, hostUse[h]));
            }
        }
        return FleetSnapshotBuilder.aSnapshot().environment("prod").clusters(clusters).services(services)
                .hosts(hosts).tasks(tasks).build();
    }

    private static Host host(String cluster, String name, int h, String type, int cpu, int memory, int[] used) {
        return new Host(ACCOUNT + "container-instance/" + name + "/" + h, cluster, "i-" + name + h, type,
                "us-east-1" + "abc".charAt(h % 3), Host.ACTIVE, true, cpu, memory, cpu - used[0], memory - used[1],
                PortSet.EMPTY, PortSet.EMPTY, 0, 0);
    }

    private static Task task(String cluster, String clusterName, String service, int id, int h, int cpu, int memory) {
        return new Task(ACCOUNT + "task/" + clusterName + "/" + id, cluster, POOL.of("service:" + service),
                ACCOUNT + "container-instance/" + clusterName + "/" + h, "", "RUNNING", "RUNNING", cpu, memory,
                PortSet.EMPTY, null, null, null);
    }
}
