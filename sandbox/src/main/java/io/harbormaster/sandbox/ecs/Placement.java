package io.harbormaster.sandbox.ecs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Chooses a container instance for one task as the ECS scheduler does: filter instances by agent state,
 * constraints (memberOf, distinctInstance), CPU, memory and static host ports; then rank the survivors by the
 * strategies in order (binpack on the scarcest fit, spread on the fewest of the group); ties go to the instance
 * registered first. When nothing fits it names the closest instance and the first requirement it missed.
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

    static Decision choose(Cluster cluster, TaskDefinition td, Service service, List<PlacementStrategy> strategies,
                           List<PlacementConstraint> constraints, SplittableRandom random) {
        if (cluster.instances.isEmpty()) {
            return new Decision(null, "Reason: No Container Instances were found in your cluster.");
        }
        MemberOf[] memberOf = constraints.stream().filter(c -> "memberOf".equals(c.type()))
                .map(c -> MemberOf.parse(c.expression())).toArray(MemberOf[]::new);
        boolean distinct = service != null && constraints.stream().anyMatch(c -> "distinctInstance".equals(c.type()));
        Map<String, Map<String, Integer>> attributeCounts = attributeCounts(service, strategies);
        int n = strategies.size();
        long[] best = new long[n];
        long[] keys = new long[n];
        ContainerInstance chosen = null;
        ContainerInstance closest = null;
        int closestScore = -1;
        int closestFail = 0;
        for (ContainerInstance ci : cluster.instances) {
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
            for (int s = 0; s < n; s++) {
                keys[s] = key(strategies.get(s), ci, td, service, attributeCounts, random);
            }
            if (chosen == null || less(keys, best)) {
                chosen = ci;
                System.arraycopy(keys, 0, best, 0, n);
            }
        }
        if (chosen != null) {
            return new Decision(chosen, null);
        }
        return new Decision(null, "The closest matching (container-instance " + closest.id + ") " + REASONS[closestFail] + ".");
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

    private static long key(PlacementStrategy s, ContainerInstance ci, TaskDefinition td, Service service,
                            Map<String, Map<String, Integer>> attributeCounts, SplittableRandom random) {
        String field = s.field() == null ? "" : s.field();
        switch (s.type()) {
            case "binpack":
                return "cpu".equalsIgnoreCase(field) ? ci.remainingCpu() - td.cpu() : ci.remainingMemory() - td.memory();
            case "spread":
                if (service == null) {
                    return 0;
                }
                if (field.equalsIgnoreCase("instanceId") || field.equalsIgnoreCase("host")) {
                    return service.onInstance(ci);
                }
                if (field.equals("attribute:ecs.availability-zone")) {
                    return service.perZone.getOrDefault(ci.availabilityZone, 0);
                }
                if (field.startsWith("attribute:")) {
                    Map<String, Integer> counts = attributeCounts.get(field);
                    String v = ci.attribute(field.substring("attribute:".length()));
                    return counts == null || v == null ? 0 : counts.getOrDefault(v, 0);
                }
                return 0;
            case "random":
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
