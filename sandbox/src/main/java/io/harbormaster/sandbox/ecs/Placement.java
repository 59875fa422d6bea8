package io.harbormaster.sandbox.ecs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Chooses a container instance for one task as the ECS scheduler does: filter instances by agent state,
 * constraints (memberOf, distinctInstance), CPU, memory and static host ports; then rank the survivors by the
 * strategies in order (binpack on the scarcest fit, spread on the fewest of the group); ties go to the instance
 * that comes first after the service's previous placement, in registration order. When nothing fits it names the
 * closest instance and the first requirement it missed.
 */
final class Placement {

    /** The chosen instance, or the reason nothing fitted (AWS's wording, without the "(service …)" prefix). */
    record Decision(ContainerInstance instance, String failure) {
    }

    private static final String[] REASONS = {
        "encountered error \"AGENT\"",
        "encountered error \"MemberOf placement constraint unsatisfied\"",
        "encountered error \"DistinctInstance placement constraint unsatisfied\"",
        "has insufficient CPU units available",
        "has insufficient memory available",
        "is already using a port required by your task",
    };

    private Placement() {
    }

    /** Strategies compiled once per call: the loop below runs for every instance of every placement. */
    private static final int BINPACK_MEMORY = 0;
    private static final int BINPACK_CPU = 1;
    private static final int SPREAD_INSTANCE = 2;
    private static final int SPREAD_ZONE = 3;
    private static final int SPREAD_ATTRIBUTE = 4;
    private static final int RANDOM = 5;
    private static final int NONE = 6;

    static Decision choose(Cluster cluster, TaskDefinition td, Service service, List<PlacementStrategy> strategies,
                           List<PlacementConstraint> constraints, SplittableRandom random) {
        if (cluster.instances.isEmpty()) {
            return new Decision(null, "Reason: No Container Instances were found in your cluster.");
        }
        MemberOf[] memberOf = memberOf(constraints);
        boolean distinct = service != null && hasDistinct(constraints);
        Map<String, Map<String, Integer>> attributeCounts = attributeCounts(service, strategies);
        int n = strategies.size();
        int[] kinds = new int[n];
        String[] attributes = new String[n];
        for (int s = 0; s < n; s++) {
            kinds[s] = kind(strategies.get(s), service);
            String f = strategies.get(s).field();
            attributes[s] = f != null && f.startsWith("attribute:") ? f.substring("attribute:".length()) : null;
        }
        long[] best = new long[n];
        long[] keys = new long[n];
        long[] lowest = lowerBounds(kinds, cluster, service);
        ContainerInstance chosen = null;
        ContainerInstance closest = null;
        int closestScore = -1;
        int closestFail = 0;
        // Scan from just after the service's last placement, so ties rotate round the cluster as ECS's do and a
        // spread finds its next instance at once instead of walking past the ones it has just used.
        List<ContainerInstance> all = cluster.instances;
        int size = all.size();
        int start = service == null ? 0 : Math.floorMod(service.placementCursor, size);
        for (int step = 0; step < size; step++) {
            ContainerInstance ci = all.get((start + step) % size);
            int fail = firstFailure(ci, td, service, memberOf, distinct);
            if (fail >= 0) {
                int score = passed(ci, td, service, memberOf, distinct);
                boolean closer = score > closestScore
                        || score == closestScore && (fail > closestFail
                        || fail == closestFail && ci.remainingMemory() > closest.remainingMemory());
                if (closer) {
                    closest = ci;
                    closestScore = score;
                    closestFail = fail;
                }
                continue;
            }
            boolean floor = true;
            for (int s = 0; s < n; s++) {
                keys[s] = key(kinds[s], attributes[s], strategies.get(s).field(), ci, td, service, attributeCounts, random);
                floor &= keys[s] <= lowest[s];
            }
            if (chosen == null || less(keys, best)) {
                chosen = ci;
                System.arraycopy(keys, 0, best, 0, n);
                if (floor && n > 0) {
                    break; // no later instance can rank better: every key is at its lower bound, ties go to the earlier
                }
            }
        }
        if (chosen != null) {
            if (service != null) {
                service.placementCursor = chosen.index + 1;
            }
            return new Decision(chosen, null);
        }
        return new Decision(null, "The closest matching (container-instance " + closest.id + ") " + REASONS[closestFail] + ".");
    }

    /**
     * The best key each strategy could give any instance; once an instance reaches all of them nothing later can
     * beat it (ties go to the earlier instance), so the scan stops. Spreading over instances cannot go below the
     * service's least-loaded instance.
     */
    private static long[] lowerBounds(int[] kinds, Cluster cluster, Service service) {
        long[] out = new long[kinds.length];
        for (int s = 0; s < kinds.length; s++) {
            if (kinds[s] == RANDOM) {
                out[s] = Long.MIN_VALUE;
            } else if (kinds[s] == SPREAD_INSTANCE) {
                int instances = cluster.instances.size();
                int[] per = service.perInstance;
                int min = per.length < instances ? 0 : Integer.MAX_VALUE;
                for (int i = 0; i < Math.min(instances, per.length) && min > 0; i++) {
                    min = Math.min(min, per[i]);
                }
                out[s] = min;
            }
        }
        return out;
    }

    private static MemberOf[] memberOf(List<PlacementConstraint> constraints) {
        int n = 0;
        for (PlacementConstraint c : constraints) {
            if ("memberOf".equals(c.type())) {
                n++;
            }
        }
        MemberOf[] out = new MemberOf[n];
        int i = 0;
        for (PlacementConstraint c : constraints) {
            if ("memberOf".equals(c.type())) {
                out[i++] = MemberOf.parse(c.expression());
            }
        }
        return out;
    }

    private static boolean hasDistinct(List<PlacementConstraint> constraints) {
        for (PlacementConstraint c : constraints) {
            if ("distinctInstance".equals(c.type())) {
                return true;
            }
        }
        return false;
    }

    private static int kind(PlacementStrategy s, Service service) {
        String field = s.field() == null ? "" : s.field();
        return switch (s.type()) {
            case "binpack" -> "cpu".equalsIgnoreCase(field) ? BINPACK_CPU : BINPACK_MEMORY;
            case "spread" -> service == null ? NONE
                    : field.equalsIgnoreCase("instanceId") || field.equalsIgnoreCase("host") ? SPREAD_INSTANCE
                    : field.equals("attribute:ecs.availability-zone") ? SPREAD_ZONE
                    : field.startsWith("attribute:") ? SPREAD_ATTRIBUTE : NONE;
            case "random" -> RANDOM;
            default -> NONE;
        };
    }

    private static boolean less(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return a[i] < b[i];
            }
        }
        return false;
    }

    /** Index of the first requirement the instance misses, or -1 when the task fits. */
    private static int firstFailure(ContainerInstance ci, TaskDefinition td, Service service, MemberOf[] memberOf,
                                    boolean distinct) {
        if (!ci.usable()) {
            return 0;
        }
        for (MemberOf m : memberOf) {
            if (!m.matches(ci)) {
                return 1;
            }
        }
        if (distinct && service.onInstance(ci) > 0) {
            return 2;
        }
        if (ci.remainingCpu() < td.cpu()) {
            return 3;
        }
        if (ci.remainingMemory() < td.memory()) {
            return 4;
        }
        if (!ci.portsFree(td)) {
            return 5;
        }
        return -1;
    }

    /** How many requirements the instance meets: "closest matching" is the instance that meets the most. */
    private static int passed(ContainerInstance ci, TaskDefinition td, Service service, MemberOf[] memberOf,
                              boolean distinct) {
        int n = 0;
        if (ci.usable()) {
            n++;
        }
        boolean member = true;
        for (MemberOf m : memberOf) {
            member &= m.matches(ci);
        }
        if (member) {
            n++;
        }
        if (!distinct || service.onInstance(ci) == 0) {
            n++;
        }
        if (ci.remainingCpu() >= td.cpu()) {
            n++;
        }
        if (ci.remainingMemory() >= td.memory()) {
            n++;
        }
        if (ci.portsFree(td)) {
            n++;
        }
        return n;
    }

    private static long key(int kind, String attribute, String field, ContainerInstance ci, TaskDefinition td,
                            Service service, Map<String, Map<String, Integer>> attributeCounts, SplittableRandom random) {
        switch (kind) {
            case BINPACK_MEMORY:
                return ci.remainingMemory() - td.memory();
            case BINPACK_CPU:
                return ci.remainingCpu() - td.cpu();
            case SPREAD_INSTANCE:
                return service.onInstance(ci);
            case SPREAD_ZONE:
                return service.perZone.getOrDefault(ci.availabilityZone, 0);
            case SPREAD_ATTRIBUTE:
                Map<String, Integer> counts = attributeCounts.get(field);
                String v = ci.attribute(attribute);
                return counts == null || v == null ? 0 : counts.getOrDefault(v, 0);
            case RANDOM:
                return random.nextLong();
            default:
                return 0;
        }
    }

    /** For spread on attributes other than the zone: how many of the group's tasks sit on each value. */
    private static Map<String, Map<String, Integer>> attributeCounts(Service service, List<PlacementStrategy> strategies) {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        if (service == null) {
            return out;
        }
        for (PlacementStrategy s : strategies) {
            String f = s.field();
            if ("spread".equals(s.type()) && f != null && f.startsWith("attribute:") && !f.equals("attribute:ecs.availability-zone")) {
                Map<String, Integer> counts = new HashMap<>();
                String attr = f.substring("attribute:".length());
                for (Task t : service.tasks.values()) {
                    String v = t.instance.attribute(attr);
                    if (v != null) {
                        counts.merge(v, 1, Integer::sum);
                    }
                }
                out.put(f, counts);
            }
        }
        return out;
    }
}
