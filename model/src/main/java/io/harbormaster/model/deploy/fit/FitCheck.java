package io.harbormaster.model.deploy.fit;

import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.PlacementConstraint;
import io.harbormaster.model.fleet.PlacementStrategy;
import io.harbormaster.model.fleet.PortSet;
import io.harbormaster.model.packing.TaskShape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Places a deployment's extra tasks on today's hosts the way ECS would, one task at a time: hosts that cannot take
 * the task are filtered out (status, memberOf, distinctInstance, static ports, CPU, memory), the rest are ranked by
 * the service's placement strategies in order (binpack on the named resource; spread over zones, instances or an
 * attribute; random keeps the hosts' order, which keeps the answer repeatable), and ties go to the next strategy.
 * Each placement takes the host's CPU, memory and ports, so later tasks see what earlier ones left.
 *
 * <p>Not modelled (said in the notes where it matters): ENI limits of awsvpc tasks on EC2, capacity providers that
 * would launch hosts, and Fargate, where AWS finds the capacity.
 */
public final class FitCheck {

    private static final List<PlacementStrategy> DEFAULT_STRATEGY = List.of(
            new PlacementStrategy("spread", "attribute:ecs.availability-zone"),
            new PlacementStrategy("spread", "instanceId"));

    private FitCheck() {
    }

    public static FitResult check(FitRequest request) {
        List<String> notes = new ArrayList<>();
        List<MemberOfExpression> memberOf = new ArrayList<>();
        boolean distinct = false;
        for (PlacementConstraint c : request.constraints()) {
            if ("distinctInstance".equalsIgnoreCase(c.type())) {
                distinct = true;
            } else if ("memberOf".equalsIgnoreCase(c.type())) {
                MemberOfExpression e = MemberOfExpression.parse(c.expression());
                memberOf.add(e);
                if (!e.unknownAttributes().isEmpty()) {
                    notes.add("memberOf(" + e + ") names " + String.join(", ", e.unknownAttributes())
                            + ", which the console does not know for each host: those clauses were taken as met");
                }
            }
        }
        List<PlacementStrategy> strategies = request.strategies();
        if (strategies.isEmpty()) {
            strategies = DEFAULT_STRATEGY;
            notes.add("The service names no placement strategy: ECS's default for services was used (spread over"
                    + " Availability Zones, then over instances)");
        }
        if (!request.tasksKnown() && (distinct || strategies.stream().anyMatch(s -> "spread".equals(s.type())))) {
            notes.add("The service's tasks are still loading: spread and distinctInstance were judged without them");
        }

        Slots slots = new Slots(request, memberOf, distinct);
        Ranking ranking = new Ranking(strategies, slots);
        Map<Integer, Integer> taken = new LinkedHashMap<>();
        Map<Shortfall, Integer> blocked = new EnumMap<>(Shortfall.class);
        int placed = 0;
        for (; placed < request.extraTasks(); placed++) {
            int best = -1;
            for (int h = 0; h < slots.size(); h++) {
                if (slots.refusal(h) == null && (best < 0 || ranking.better(h, best))) {
                    best = h;
                }
            }
            if (best < 0) {
                for (int h = 0; h < slots.size(); h++) {
                    blocked.merge(slots.refusal(h), 1, Integer::sum);
                }
                break;
            }
            slots.take(best);
            taken.merge(best, 1, Integer::sum);
        }

        List<HostPlacement> placements = new ArrayList<>();
        taken.forEach((h, n) -> {
            Host host = slots.host(h);
            placements.add(new HostPlacement(host.arn(), host.displayName(), host.instanceType(),
                    host.availabilityZone(), n));
        });
        int unplaced = request.extraTasks() - placed;
        TaskShape task = request.task();
        long shortCpu = Math.max(0, (long) unplaced * task.cpu() - slots.freeCpuWhereUsable());
        long shortMemory = Math.max(0, (long) unplaced * task.memory() - slots.freeMemoryWhereUsable());
        String hostType = commonType(request.hosts());
        int moreHosts = unplaced == 0 ? 0 : moreHosts(unplaced, task, request.hosts(), hostType, distinct);
        return new FitResult(request.extraTasks(), placed, placements, blocked, unplaced == 0 ? 0 : shortCpu,
                unplaced == 0 ? 0 : shortMemory, moreHosts, hostType, notes);
    }

    /** Hosts of the common type, empty, each take what fits by CPU, memory, ports (one a host) and distinctInstance. */
    private static int moreHosts(int unplaced, TaskShape task, List<Host> hosts, String type, boolean distinct) {
        Host model = hosts.stream().filter(h -> h.instanceType().equals(type))
                .max(Comparator.comparingInt(Host::registeredMemory)).orElse(null);
        if (model == null) {
            return -1;
        }
        int byCpu = task.cpu() == 0 ? Integer.MAX_VALUE : model.registeredCpu() / task.cpu();
        int byMemory = task.memory() == 0 ? Integer.MAX_VALUE : model.registeredMemory() / task.memory();
        int perHost = Math.min(byCpu, byMemory);
        if (!task.staticPorts().isEmpty() || distinct) {
            perHost = Math.min(perHost, 1);
        }
        if (perHost <= 0) {
            return -1;
        }
        return (unplaced + perHost - 1) / perHost;
    }

    private static String commonType(List<Host> hosts) {
        return hosts.stream().filter(h -> !h.instanceType().isEmpty())
                .collect(Collectors.groupingBy(Host::instanceType, Collectors.counting())).entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse("");
    }

    /** Each host's remaining room, as the placements so far have left it. */
    private static final class Slots {
        private final Host[] hosts;
        private final int[] cpu;
        private final int[] memory;
        private final PortSet[] ports;
        private final int[] serviceTasks;
        private final Shortfall[] fixedRefusal;
        private final TaskShape task;
        private final boolean distinct;
        /** Each host's zone and instance type as small numbers, and the service's tasks per zone and per type. */
        private final int[] zoneOf;
        private final int[] typeOf;
        private final long[] tasksInZone;
        private final long[] tasksOfType;

        Slots(FitRequest request, List<MemberOfExpression> memberOf, boolean distinct) {
            List<Host> list = request.hosts();
            int n = list.size();
            hosts = list.toArray(new Host[0]);
            cpu = new int[n];
            memory = new int[n];
            ports = new PortSet[n];
            serviceTasks = new int[n];
            fixedRefusal = new Shortfall[n];
            task = request.task();
            this.distinct = distinct;
            zoneOf = new int[n];
            typeOf = new int[n];
            Map<String, Integer> zones = new HashMap<>();
            Map<String, Integer> types = new HashMap<>();
            for (int h = 0; h < n; h++) {
                zoneOf[h] = zones.computeIfAbsent(hosts[h].availabilityZone(), z -> zones.size());
                typeOf[h] = types.computeIfAbsent(hosts[h].instanceType(), t -> types.size());
            }
            tasksInZone = new long[zones.size()];
            tasksOfType = new long[types.size()];
            for (int h = 0; h < n; h++) {
                Host host = hosts[h];
                cpu[h] = host.remainingCpu();
                memory[h] = host.remainingMemory();
                ports[h] = host.usedPorts().union(host.registeredPorts());
                serviceTasks[h] = request.serviceTasksByHost().getOrDefault(host.arn(), 0);
                tasksInZone[zoneOf[h]] += serviceTasks[h];
                tasksOfType[typeOf[h]] += serviceTasks[h];
                if (!host.active() || !host.agentConnected()) {
                    fixedRefusal[h] = Shortfall.HOST_NOT_ACTIVE;
                } else if (!memberOf.stream().allMatch(e -> e.matches(host))) {
                    fixedRefusal[h] = Shortfall.MEMBER_OF;
                }
            }
        }

        int size() {
            return hosts.length;
        }

        Host host(int h) {
            return hosts[h];
        }

        int cpu(int h) {
            return cpu[h];
        }

        int memory(int h) {
            return memory[h];
        }

        int serviceTasks(int h) {
            return serviceTasks[h];
        }

        /** Why host h cannot take one more task now, or null if it can. */
        Shortfall refusal(int h) {
            if (fixedRefusal[h] != null) {
                return fixedRefusal[h];
            }
            if (distinct && serviceTasks[h] > 0) {
                return Shortfall.DISTINCT_INSTANCE;
            }
            if (task.staticPorts().intersects(ports[h])) {
                return Shortfall.PORTS;
            }
            if (task.cpu() > cpu[h]) {
                return Shortfall.CPU;
            }
            return task.memory() > memory[h] ? Shortfall.MEMORY : null;
        }

        void take(int h) {
            cpu[h] -= task.cpu();
            memory[h] -= task.memory();
            ports[h] = ports[h].union(task.staticPorts());
            serviceTasks[h]++;
            tasksInZone[zoneOf[h]]++;
            tasksOfType[typeOf[h]]++;
        }

        long serviceTasksInZoneOf(int h) {
            return tasksInZone[zoneOf[h]];
        }

        long serviceTasksOfTypeOf(int h) {
            return tasksOfType[typeOf[h]];
        }

        long freeCpuWhereUsable() {
            long sum = 0;
            for (int h = 0; h < hosts.length; h++) {
                sum += fixedRefusal[h] == null ? cpu[h] : 0;
            }
            return sum;
        }

        long freeMemoryWhereUsable() {
            long sum = 0;
            for (int h = 0; h < hosts.length; h++) {
                sum += fixedRefusal[h] == null ? memory[h] : 0;
            }
            return sum;
        }
    }

    /** Orders two candidate hosts by the strategies in turn; the earlier host in the list wins a full tie. */
    private static final class Ranking {
        /** A strategy's preference for host h: lower is better. */
        private interface Key {
            long of(int h);
        }

        private final List<Key> keys = new ArrayList<>();

        Ranking(List<PlacementStrategy> strategies, Slots slots) {
            for (PlacementStrategy s : strategies) {
                String field = s.field().toLowerCase(Locale.ROOT);
                switch (s.type().toLowerCase(Locale.ROOT)) {
                    case "binpack" -> keys.add("cpu".equals(field) ? slots::cpu : slots::memory);
                    case "spread" -> keys.add(spreadKey(field, slots));
                    default -> { }
                }
            }
        }

        /** Spread puts the next task where the service has the fewest: on that host, or in that zone/attribute. */
        private static Key spreadKey(String field, Slots slots) {
            if ("instanceid".equals(field) || "host".equals(field)) {
                return slots::serviceTasks;
            }
            if ("attribute:ecs.instance-type".equals(field)) {
                return slots::serviceTasksOfTypeOf;
            }
            return slots::serviceTasksInZoneOf;
        }

        boolean better(int a, int b) {
            for (Key key : keys) {
                int c = Long.compare(key.of(a), key.of(b));
                if (c != 0) {
                    return c < 0;
                }
            }
            return false;
        }
    }
}
