package io.harbormaster.app.bench;

import io.harbormaster.model.deploy.fit.FitCheck;
import io.harbormaster.model.deploy.fit.FitRequest;
import io.harbormaster.model.deploy.fit.FitResult;
import io.harbormaster.model.deploy.fit.PeakDemand;
import io.harbormaster.model.deploy.fit.ServiceFit;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.PlacementConstraint;
import io.harbormaster.model.fleet.PlacementStrategy;
import io.harbormaster.model.fleet.PortSet;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.TaskDefinition;
import io.harbormaster.model.packing.TaskShape;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 11's "will it fit" on a loaded fleet: a blue/green deploy's full second set for the service whose desired
 * count is nearest 400, on its cluster's hosts, timed on this (non-UI) thread as the wizard runs it.
 */
public final class FitBench {

    private static final int RUNS = 30;

    private FitBench() {
    }

    /**
     * The fit check alone on the {@code large} fleet's shape built in memory (no AWS load): 1,000 m5.16xlarge hosts
     * in three zones, each with 200 tasks reserved, and a service of 400 tasks spread over them; a blue/green deploy's
     * second set of 400, placed with spread(zone), spread(instanceId) and a static host port, then with binpack.
     * {@code ./mvnw -B -ntp -pl app -am -Pbench-fit -DskipTests verify}
     */
    public static void main(String[] args) {
        String cluster = "arn:aws:ecs:us-east-1:444444444444:cluster/api";
        List<Host> hosts = new ArrayList<>();
        Map<String, Integer> serviceTasks = new HashMap<>();
        String[] zones = {"us-east-1a", "us-east-1b", "us-east-1c"};
        for (int i = 0; i < 1000; i++) {
            String arn = cluster.replace(":cluster/", ":container-instance/") + "/" + String.format("%032x", i);
            // 200 tasks of 256 CPU / 1,024 MiB reserved, one of them on port 8080 on hosts that run the service
            int reservedCpu = 200 * 256;
            int reservedMemory = 200 * 1024;
            boolean runsService = i % 5 < 2;
            hosts.add(new Host(arn, cluster, "i-" + String.format("%017x", i), "m5.16xlarge", zones[i % 3], "ACTIVE",
                    true, 65536, 253952, 65536 - reservedCpu, 253952 - reservedMemory, PortSet.of(22, 2375, 2376,
                    51678, 51679), runsService ? PortSet.of(8080) : PortSet.EMPTY, 200, 0));
            if (runsService) {
                serviceTasks.put(arn, 1);
            }
        }
        time("spread(zone), spread(instanceId), static port 8080", new FitRequest(hosts,
                new TaskShape(512, 2048, PortSet.of(8080)), 400, List.of(
                        new PlacementStrategy("spread", "attribute:ecs.availability-zone"),
                        new PlacementStrategy("spread", "instanceId")), List.of(), serviceTasks, true));
        time("binpack(memory), dynamic ports", new FitRequest(hosts, new TaskShape(512, 2048), 400,
                List.of(new PlacementStrategy("binpack", "memory")), List.of(), serviceTasks, true));
        time("binpack(memory), memberOf(m5.*), distinctInstance", new FitRequest(hosts, new TaskShape(512, 2048), 400,
                List.of(new PlacementStrategy("binpack", "memory")), List.of(
                        new PlacementConstraint("memberOf", "attribute:ecs.instance-type =~ m5.*"),
                        new PlacementConstraint("distinctInstance", "")), serviceTasks, true));
    }

    private static void time(String what, FitRequest request) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[RUNS];
        long[] cpu = new long[RUNS];
        FitResult result = null;
        for (int i = 0; i < RUNS; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            result = FitCheck.check(request);
            nanos[i] = System.nanoTime() - t0;
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        // Wall time suffers when other processes share the cores; the thread's CPU time is the check's own cost.
        FleetBenchmark.print(String.format("Will it fit, 400 extra tasks on 1,000 hosts (%s): wall median %.1f ms (min"
                        + " %.1f, max %.1f), CPU median %.1f ms (max %.1f) over %d runs%n  → %s", what,
                nanos[RUNS / 2] / 1e6, nanos[0] / 1e6, nanos[RUNS - 1] / 1e6, cpu[RUNS / 2] / 1e6, cpu[RUNS - 1] / 1e6,
                RUNS, result.summary()));
    }

    static void run(FleetSnapshot snapshot) {
        Service service = snapshot.services().stream()
                .filter(s -> !snapshot.hostsIn(s.clusterArn()).isEmpty())
                .min(Comparator.comparingInt(s -> Math.abs(s.desiredCount() - 400))).orElseThrow();
        TaskDefinition definition = snapshot.taskDefinition(service.taskDefinitionArn()).orElseThrow();
        TaskShape shape = TaskShape.of(definition);
        int extra = PeakDemand.secondSet(service.desiredCount());
        long[] nanos = new long[RUNS];
        FitResult result = null;
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            result = ServiceFit.check(snapshot, service, shape, extra);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        FleetBenchmark.print(String.format("%nWill it fit (blue/green second set): %s, %d desired, %d CPU / %d MiB a task"
                        + " on %,d hosts of %s: median %.1f ms, max %.1f ms over %d runs (first run included)%n  → %s",
                service.name(), service.desiredCount(), shape.cpu(), shape.memory(),
                snapshot.hostsIn(service.clusterArn()).size(), service.clusterName(), nanos[RUNS / 2] / 1e6,
                nanos[RUNS - 1] / 1e6, RUNS, result.summary()));
    }
}
