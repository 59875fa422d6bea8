package io.harbormaster.model.cost.repack;

import io.harbormaster.model.cost.HostPrice;
import io.harbormaster.model.cost.HostPrices;
import io.harbormaster.model.deploy.fit.MemberOfExpression;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.PlacementConstraint;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.packing.TaskShape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A cluster's (or some of its services') tasks, as running on its hosts now, packed again onto a target type:
 * nothing changes in AWS. Each service counts the tasks it has on hosts now (not its desired count: the question
 * is what today's fleet would need), shaped by its task definition (CPU, memory, static host ports), with its
 * memberOf and distinctInstance constraints and whether it spreads over zones. Standalone tasks keep their own
 * reservations and have no constraints.
 */
public final class RepackWhatIf {

    private static final String ZONE = "attribute:ecs.availability-zone";

    private RepackWhatIf() {
    }

    /** Every service of the cluster. */
    public static RepackResult of(FleetSnapshot snapshot, String clusterArn, HostPrices prices, TargetType target,
            PortMode mode) {
        return of(snapshot, clusterArn, s -> true, prices, target, mode);
    }

    /**
     * The chosen services of a cluster; "before" is then the hosts they run on today and the share of those hosts
     * they do not leave to others is not separated out: the hosts are counted whole.
     */
    public static RepackResult of(FleetSnapshot snapshot, String clusterArn, Predicate<Service> chosen,
            HostPrices prices, TargetType target, PortMode mode) {
        List<Demand> demands = demandsOf(snapshot, clusterArn, chosen);
        Set<String> zones = new TreeSet<>();
        int hostsBefore = 0;
        double usdBefore = 0;
        Set<String> hostArns = new TreeSet<>();
        boolean all = snapshot.servicesIn(clusterArn).stream().allMatch(chosen);
        for (Host h : snapshot.hostsIn(clusterArn)) {
            if (!h.availabilityZone().isEmpty()) {
                zones.add(h.availabilityZone());
            }
            if (all || snapshot.tasksOn(h.arn()).stream().anyMatch(t -> snapshot.serviceOf(t).filter(chosen)
                    .isPresent())) {
                hostArns.add(h.arn());
            }
        }
        for (String arn : hostArns) {
            Host h = snapshot.host(arn).orElseThrow();
            Optional<HostPrice> price = prices.priceOf(snapshot.environmentId(), h.instanceType());
            hostsBefore++;
            usdBefore += price.map(HostPrice::usdPerHour).orElse(0.0);
        }
        return Repacker.pack(demands, target, mode, List.copyOf(zones), clusterArn, hostsBefore, usdBefore);
    }

    static List<Demand> demandsOf(FleetSnapshot snapshot, String clusterArn, Predicate<Service> chosen) {
        List<Demand> demands = new ArrayList<>();
        for (Service s : snapshot.servicesIn(clusterArn)) {
            if ("FARGATE".equals(s.launchType()) || !chosen.test(s)) {
                continue;
            }
            List<Task> onHosts = snapshot.tasksOf(s.arn()).stream().filter(RepackWhatIf::onAHost).toList();
            if (onHosts.isEmpty()) {
                continue;
            }
            TaskShape shape = snapshot.taskDefinition(s.taskDefinitionArn()).map(TaskShape::of)
                    .orElseGet(() -> new TaskShape(onHosts.get(0).cpu(), onHosts.get(0).memory()));
            boolean distinct = false;
            List<MemberOfExpression> memberOf = new ArrayList<>();
            for (PlacementConstraint c : s.placementConstraints()) {
                if ("distinctInstance".equalsIgnoreCase(c.type())) {
                    distinct = true;
                } else if ("memberOf".equalsIgnoreCase(c.type()) && !c.expression().isBlank()) {
                    memberOf.add(MemberOfExpression.parse(c.expression()));
                }
            }
            // ECS's default for a service without strategies spreads over zones first
            boolean spreadZone = s.placementStrategy().isEmpty() || s.placementStrategy().stream()
                    .anyMatch(p -> "spread".equals(p.type()) && ZONE.equals(p.field()));
            demands.add(new Demand(s.arn(), s.name(), onHosts.size(), shape, distinct, memberOf, spreadZone));
        }
        if (snapshot.servicesIn(clusterArn).stream().allMatch(chosen)) {
            Map<String, int[]> standalone = new LinkedHashMap<>();
            for (Task t : snapshot.tasksIn(clusterArn)) {
                if (onAHost(t) && snapshot.serviceOf(t).isEmpty()) {
                    standalone.computeIfAbsent(t.group() + '\n' + t.cpu() + '\n' + t.memory(),
                            k -> new int[] {t.cpu(), t.memory(), 0})[2]++;
                }
            }
            standalone.forEach((k, v) -> demands.add(Demand.of("standalone:" + k, k.substring(0, k.indexOf('\n'))
                    + " (standalone)", v[2], new TaskShape(v[0], v[1]))));
        }
        return demands;
    }

    private static boolean onAHost(Task t) {
        return !t.containerInstanceArn().isEmpty() && !"STOPPED".equals(t.lastStatus());
    }
}
