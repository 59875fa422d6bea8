package io.harbormaster.model.cost.repack;

import io.harbormaster.model.deploy.fit.MemberOfExpression;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.PortSet;
import io.harbormaster.model.packing.TaskShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Packs tasks onto empty hosts of one type, first-fit decreasing: tasks largest first (by the larger of their CPU
 * and memory share of the type), each onto the first host that takes it, a new host when none does. That is how
 * ECS's binpack strategy fills a fleet, and the what-if's question is the fewest hosts; spread strategies change
 * which host a task lands on, not how many hosts the tasks need (save the zone floor, counted in the bound).
 *
 * <p>A host takes a task when CPU and memory fit, none of its static host ports is bound there already (when
 * ports stay static), and, for a distinctInstance service, no task of that service is there. memberOf is judged
 * against a host of the target type in each of the given zones: a service no such host matches is not placed.
 *
 * <p>Hosts only ever fill up, so a host that once refused a service's task refuses every later one: each service
 * keeps the index of the first host that might still take it, and the pass is O(tasks + hosts × services).
 */
public final class Repacker {

    private Repacker() {
    }

    public static RepackResult pack(List<Demand> demands, TargetType target, PortMode mode, List<String> zones,
            String clusterArn, int hostsBefore, double usdPerHourBefore) {
        int n = demands.size();
        List<Blocker> blockers = new ArrayList<>();
        boolean[] placeable = new boolean[n];
        long cpuSum = 0;
        long memSum = 0;
        int totalTasks = 0;
        for (int i = 0; i < n; i++) {
            Demand d = demands.get(i);
            placeable[i] = d.tasks() > 0 && judgeable(d, target, zones, clusterArn, blockers);
            if (placeable[i]) {
                cpuSum += (long) d.tasks() * d.shape().cpu();
                memSum += (long) d.tasks() * d.shape().memory();
                totalTasks += d.tasks();
            }
        }
        int capacityBound = (int) Math.max(ceilDiv(cpuSum, target.cpu()), ceilDiv(memSum, target.memory()));
        int lowerBound = ruleBound(demands, placeable, mode, zones, capacityBound, blockers);

        int[] order = orderLargestFirst(demands, placeable, target, totalTasks);
        Hosts hosts = new Hosts(target, demands, Math.max(16, lowerBound));
        int[] cursor = new int[n];
        BitSet[] onHost = new BitSet[n];
        int unplaced = 0;
        for (int i = 0; i < n; i++) {
            Demand d = demands.get(i);
            unplaced += placeable[i] || d.tasks() <= 0 ? 0 : d.tasks();
            if (d.distinctInstance()) {
                onHost[i] = new BitSet();
            }
        }
        for (int k = 0; k < totalTasks; k++) {
            int i = order[k];
            Demand d = demands.get(i);
            PortSet ports = mode == PortMode.STATIC ? d.shape().staticPorts() : PortSet.EMPTY;
            int h = cursor[i];
            while (h < hosts.count && !hosts.takes(h, d.shape(), ports, onHost[i])) {
                h++;
            }
            if (h == hosts.count) {
                hosts.open();
            }
            cursor[i] = h;
            hosts.place(h, i, d.shape(), ports);
            if (onHost[i] != null) {
                onHost[i].set(h);
            }
        }
        return new RepackResult(target, mode, hostsBefore, usdPerHourBefore, capacityBound, lowerBound,
                hosts.packed(), unplaced, blockers, clusterArn);
    }

    private static boolean judgeable(Demand d, TargetType target, List<String> zones, String clusterArn,
            List<Blocker> blockers) {
        if (!d.shape().fitsIn(target.cpu(), target.memory())) {
            blockers.add(new Blocker(Blocker.Kind.TOO_LARGE, d.name(), 0, d.name() + "'s tasks ("
                    + d.shape().cpu() + " CPU, " + d.shape().memory() + " MiB) are larger than a "
                    + target.instanceType() + ": its " + d.tasks() + " tasks were not placed"));
            return false;
        }
        for (MemberOfExpression e : d.memberOf()) {
            boolean any = false;
            for (String zone : zones.isEmpty() ? List.of("") : zones) {
                Host probe = new Host("what-if", clusterArn, "", target.instanceType(), zone, Host.ACTIVE, true,
                        target.cpu(), target.memory(), target.cpu(), target.memory(), PortSet.EMPTY, PortSet.EMPTY,
                        0, 0);
                any |= e.matches(probe);
            }
            if (!any) {
                blockers.add(new Blocker(Blocker.Kind.MEMBER_OF, d.name(), 0, d.name() + "'s memberOf(" + e
                        + ") excludes " + target.instanceType() + ": its " + d.tasks() + " tasks were not placed"));
                return false;
            }
        }
        return true;
    }

    /** The capacity bound raised by the rules, naming each service whose rule needs more hosts than capacity. */
    private static int ruleBound(List<Demand> demands, boolean[] placeable, PortMode mode, List<String> zones,
            int capacityBound, List<Blocker> blockers) {
        int bound = capacityBound;
        Map<Integer, Integer> tasksByPort = new HashMap<>();
        Map<Integer, List<String>> servicesByPort = new HashMap<>();
        for (int i = 0; i < demands.size(); i++) {
            Demand d = demands.get(i);
            if (!placeable[i]) {
                continue;
            }
            if (mode == PortMode.STATIC) {
                for (int port : d.shape().staticPorts().toList()) {
                    tasksByPort.merge(port, d.tasks(), Integer::sum);
                    servicesByPort.computeIfAbsent(port, p -> new ArrayList<>()).add(d.name());
                }
            }
            if (d.distinctInstance() && d.tasks() > capacityBound) {
                blockers.add(new Blocker(Blocker.Kind.DISTINCT_INSTANCE, d.name(), d.tasks(), d.name()
                        + " has a distinctInstance constraint: its " + d.tasks() + " tasks need " + d.tasks()
                        + " hosts where capacity alone needs " + capacityBound));
                bound = Math.max(bound, d.tasks());
            }
            int zoneFloor = Math.min(d.tasks(), zones.size());
            if (d.spreadZone() && zoneFloor > capacityBound) {
                blockers.add(new Blocker(Blocker.Kind.SPREAD_ZONES, d.name(), zoneFloor, d.name()
                        + " spreads over " + zones.size() + " Availability Zones: it needs a host in each"));
                bound = Math.max(bound, zoneFloor);
            }
        }
        for (var e : tasksByPort.entrySet()) {
            if (e.getValue() > capacityBound) {
                String who = String.join(", ", servicesByPort.get(e.getKey()));
                blockers.add(new Blocker(Blocker.Kind.STATIC_PORT, who, e.getValue(), who + " bind"
                        + (servicesByPort.get(e.getKey()).size() == 1 ? "s" : "") + " static host port "
                        + e.getKey() + ": " + e.getValue() + " tasks need " + e.getValue()
                        + " hosts where capacity alone needs " + capacityBound + " (dynamic ports would lift this)"));
                bound = Math.max(bound, e.getValue());
            }
        }
        blockers.sort((a, b) -> Integer.compare(b.hostsNeeded(), a.hostsNeeded()));
        return bound;
    }

    /** Every task as the index of its demand, largest first by dominant share of the target (ties: demand order). */
    private static int[] orderLargestFirst(List<Demand> demands, boolean[] placeable, TargetType t, int total) {
        Integer[] idx = new Integer[demands.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        double[] size = new double[demands.size()];
        for (int i = 0; i < size.length; i++) {
            TaskShape s = demands.get(i).shape();
            size[i] = Math.max((double) s.cpu() / t.cpu(), (double) s.memory() / t.memory());
        }
        Arrays.sort(idx, (a, b) -> {
            int bySize = Double.compare(size[b], size[a]);
            return bySize != 0 ? bySize : Integer.compare(a, b);
        });
        int[] order = new int[total];
        int k = 0;
        for (int i : idx) {
            if (placeable[i]) {
                for (int j = 0; j < demands.get(i).tasks(); j++) {
                    order[k++] = i;
                }
            }
        }
        return order;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /**
     * The packed hosts as flat arrays (a thousand hosts, a quarter of a million placements); what is on each as runs
     * of one demand (a demand's tasks are placed one after another, so a host has a run per demand it took).
     */
    private static final class Hosts {
        private final TargetType type;
        private final List<Demand> demands;
        private int[] cpu;
        private int[] memory;
        private int[] tasks;
        private PortSet[] ports;
        private final List<List<int[]>> runs = new ArrayList<>();
        private int count;

        Hosts(TargetType type, List<Demand> demands, int capacity) {
            this.type = type;
            this.demands = demands;
            cpu = new int[capacity];
            memory = new int[capacity];
            tasks = new int[capacity];
            ports = new PortSet[capacity];
        }

        boolean takes(int h, TaskShape shape, PortSet wanted, BitSet distinct) {
            return cpu[h] + shape.cpu() <= type.cpu() && memory[h] + shape.memory() <= type.memory()
                    && (distinct == null || !distinct.get(h))
                    && (wanted.isEmpty() || ports[h] == null || !ports[h].intersects(wanted));
        }

        void open() {
            if (count == cpu.length) {
                cpu = Arrays.copyOf(cpu, count * 2);
                memory = Arrays.copyOf(memory, count * 2);
                tasks = Arrays.copyOf(tasks, count * 2);
                ports = Arrays.copyOf(ports, count * 2);
            }
            runs.add(new ArrayList<>(2));
            count++;
        }

        void place(int h, int demand, TaskShape shape, PortSet wanted) {
            cpu[h] += shape.cpu();
            memory[h] += shape.memory();
            tasks[h]++;
            List<int[]> on = runs.get(h);
            if (on.isEmpty() || on.get(on.size() - 1)[0] != demand) {
                on.add(new int[] {demand, 0});
            }
            on.get(on.size() - 1)[1]++;
            if (!wanted.isEmpty()) {
                ports[h] = ports[h] == null ? wanted : ports[h].union(wanted);
            }
        }

        List<RepackResult.PackedHost> packed() {
            List<RepackResult.PackedHost> list = new ArrayList<>(count);
            for (int h = 0; h < count; h++) {
                list.add(new RepackResult.PackedHost(cpu[h], memory[h], tasks[h], runs.get(h).stream()
                        .map(r -> new RepackResult.Run(demands.get(r[0]), r[1])).toList()));
            }
            return list;
        }
    }
}
