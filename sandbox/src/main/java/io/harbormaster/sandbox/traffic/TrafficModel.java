package io.harbormaster.sandbox.traffic;

import io.harbormaster.sandbox.core.Telemetry;
import io.harbormaster.sandbox.core.World;
import io.harbormaster.sandbox.ecs.Cluster;
import io.harbormaster.sandbox.ecs.ContainerInstance;
import io.harbormaster.sandbox.ecs.Ecs;
import io.harbormaster.sandbox.ecs.EcsListener;
import io.harbormaster.sandbox.ecs.EcsRegion;
import io.harbormaster.sandbox.ecs.LoadBalancer;
import io.harbormaster.sandbox.ecs.Service;
import io.harbormaster.sandbox.ecs.Task;
import io.harbormaster.sandbox.elb.Alb;
import io.harbormaster.sandbox.elb.Elb;
import io.harbormaster.sandbox.elb.ElbObserver;
import io.harbormaster.sandbox.elb.ElbRegion;
import io.harbormaster.sandbox.elb.Environments;
import io.harbormaster.sandbox.elb.TargetGroup;
import io.harbormaster.sandbox.route53.Route53;
import io.harbormaster.sandbox.route53.Route53Observer;
import io.harbormaster.sandbox.traffic.Series.ClusterSeries;
import io.harbormaster.sandbox.traffic.Series.Instance;
import io.harbormaster.sandbox.traffic.Series.Lb;
import io.harbormaster.sandbox.traffic.Series.Profile;
import io.harbormaster.sandbox.traffic.Series.Reservation;
import io.harbormaster.sandbox.traffic.Series.Svc;
import io.harbormaster.sandbox.traffic.Series.Tg;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * The fleet's traffic and what it measures: the {@link Telemetry} CloudWatch serves. Requests per environment follow
 * {@link Shape} with seeded noise; they flow through the Route 53 records clients resolve (INSYNC plus the cached
 * answers' TTL), to load balancers of any account, through the listeners' weighted forward actions and on to healthy
 * targets ({@link Routes}); CPU and memory follow from requests per task. Every change of weights, targets or tasks
 * is kept as time-stamped history, so any past minute is answered with the state in force then, and the same
 * question always gets the same answer.
 */
public final class TrafficModel implements Telemetry, ElbObserver, Route53Observer, EcsListener {

    public static final String ELB = "AWS/ApplicationELB";
    public static final String ECS = "AWS/ECS";
    /** EC2's own metrics of every instance: CPUUtilization per InstanceId, no memory without an agent. */
    public static final String EC2 = "AWS/EC2";
    /** Container Insights; instance-level metrics only on clusters with enhanced observability. */
    public static final String INSIGHTS = "ECS/ContainerInsights";
    /** EC2 basic monitoring: one datapoint per instance every five minutes. */
    static final int EC2_PERIOD_MINUTES = 5;
    /** CloudWatch keeps one-minute data for 15 days. */
    private static final long RETENTION_MINUTES = 15 * 1440;

    private final World world;
    private final boolean businessDay;
    private final Ecs ecs;
    private final Elb elb;
    private final Route53 route53;
    private final Map<String, AccountTraffic> accounts = new LinkedHashMap<>();
    private final Map<String, TaskRecord> tasks = new HashMap<>();

    private record TaskRecord(AccountTraffic account, Svc service, Instance instance, ClusterSeries cluster, int cpu,
                              int memory) {
    }

    /** @param businessDay whether traffic follows the US business day, or stays at the night's level (tests) */
    TrafficModel(World world, Ecs ecs, Elb elb, Route53 route53, boolean businessDay) {
        this.world = world;
        this.businessDay = businessDay;
        this.ecs = ecs;
        this.elb = elb;
        this.route53 = route53;
    }

    /** Builds the starting state as history "since forever" and starts following ECS, ELB and Route 53. */
    void start() {
        for (EcsRegion er : ecs.regions()) {
            AccountTraffic a = account(er.account(), er.region());
            ElbRegion lbRegion = elb.existingRegion(er.account(), er.region());
            if (lbRegion != null) {
                for (Alb lb : lbRegion.loadBalancers()) {
                    a.add(new Lb(lb.arn(), lb.dimension(), Math.floorDiv(lb.createdAt().getEpochSecond(), 60)));
                }
                for (TargetGroup tg : lbRegion.targetGroups()) {
                    a.add(new Tg(tg, tg.counts()));
                }
            }
        }
        Map<String, Integer> desiredByTg = desiredByTargetGroup();
        for (AccountTraffic a : accounts.values()) {
            a.demand = demand(a, desiredByTg);
            a.routing.set(Long.MIN_VALUE, Routes.compute(loadBalancers(a.region), route53.zones(a.account), a.demand, false));
        }
        for (EcsRegion er : ecs.regions()) {
            AccountTraffic a = account(er.account(), er.region());
            for (Cluster c : er.clusters()) {
                cluster(a, c);
                for (Service s : c.services()) {
                    service(a, s);
                    for (Task t : s.tasks()) {
                        if ("RUNNING".equals(t.lastStatus())) {
                            running(t, Long.MIN_VALUE);
                        }
                    }
                }
            }
        }
        ecs.addListener(this);
        elb.addObserver(this);
        route53.addObserver(this);
    }

    private AccountTraffic account(String account, String region) {
        AccountTraffic existing = accounts.get(account + "/" + region);
        if (existing != null) {
            return existing;
        }
        AccountTraffic a = new AccountTraffic(account, region, Environments.of(account), world.seed(),
                businessDay);
        accounts.put(account + "/" + region, a);
        List<AccountTraffic> peers = new ArrayList<>();
        for (AccountTraffic other : accounts.values()) {
            if (other.region.equals(region)) {
                peers.add(other);
            }
        }
        for (AccountTraffic other : peers) {
            other.peers = List.copyOf(peers);
        }
        return a;
    }

    /** Finds a load balancer of any account in the region by its DNS name (records may alias another account's). */
    private Function<String, Alb> loadBalancers(String region) {
        List<ElbRegion> regions = new ArrayList<>();
        for (ElbRegion r : elb.regions()) {
            if (r.region().equals(region)) {
                regions.add(r);
            }
        }
        return dns -> {
            for (ElbRegion r : regions) {
                Alb lb = r.loadBalancerByDns(dns);
                if (lb != null) {
                    return lb;
                }
            }
            return null;
        };
    }

    private Map<String, Integer> desiredByTargetGroup() {
        Map<String, Integer> desiredByTg = new HashMap<>();
        for (EcsRegion er : ecs.regions()) {
            for (Cluster c : er.clusters()) {
                for (Service s : c.services()) {
                    for (LoadBalancer lb : s.loadBalancers()) {
                        if (lb.targetGroupArn() != null) {
                            desiredByTg.merge(lb.targetGroupArn(), s.desiredCount(), Integer::sum);
                        }
                    }
                }
            }
        }
        return desiredByTg;
    }

    /** Each published name's share of its environment's requests: by the size of what serves it, ±20%. */
    private Map<String, Double> demand(AccountTraffic a, Map<String, Integer> desiredByTg) {
        Map<String, Double> weights = new LinkedHashMap<>();
        var zones = route53.zones(a.account);
        Function<String, Alb> lbs = loadBalancers(a.region);
        double total = 0;
        for (String name : Routes.names(zones)) {
            Routing design = Routes.compute(lbs, zones, Map.of(name, 1.0), true);
            int size = 0;
            for (String tg : design.tgShare().keySet()) {
                size = Math.max(size, desiredByTg.getOrDefault(tg, 0));
            }
            if (size > 0) {
                double w = size * (0.8 + 0.4 * Noise.unit(world.seed(), name));
                weights.put(name, w);
                total += w;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (var e : weights.entrySet()) {
            out.put(e.getKey(), e.getValue() / total);
        }
        return Map.copyOf(out);
    }

    private ClusterSeries cluster(AccountTraffic a, Cluster c) {
        ClusterSeries cs = a.clusters.get(c.name());
        if (cs != null) {
            return cs;
        }
        long cpu = 0;
        long memory = 0;
        cs = new ClusterSeries(c.name(), null);
        for (ContainerInstance ci : c.instances()) {
            cpu += ci.type().cpu();
            memory += ci.type().memory();
            cs.instances.add(a.add(new Instance(ci)));
        }
        cs.reservation.set(Long.MIN_VALUE, new Reservation(0, 0, cpu, memory));
        a.clusters.put(c.name(), cs);
        return cs;
    }

    private Svc service(AccountTraffic a, Service s) {
        String key = s.cluster().name() + "/" + s.name();
        Svc svc = a.services.get(key);
        if (svc != null) {
            return svc;
        }
        svc = new Svc(s.cluster().name(), s.name(), s, profile(a, s));
        a.services.put(key, svc);
        for (LoadBalancer lb : s.loadBalancers()) {
            if (lb.targetGroupArn() != null) {
                a.servicesOf(lb.targetGroupArn()).add(svc);
            }
        }
        return svc;
    }

    /**
     * A service's behaviour, seeded by its name; its design load from the requests its names would bring at peak —
     * from every environment whose names can reach its target groups.
     */
    private Profile profile(AccountTraffic a, Service s) {
        String id = a.account + "/" + s.cluster().name() + "/" + s.name();
        long seed = world.seed();
        double designRequests = 0;
        boolean behindLb = false;
        for (LoadBalancer lb : s.loadBalancers()) {
            if (lb.targetGroupArn() != null) {
                behindLb = true;
                for (AccountTraffic source : a.peers) {
                    designRequests += source.peak * design(source).share(lb.targetGroupArn());
                }
            }
        }
        double designLoad = behindLb && designRequests > 0 ? designRequests / Math.max(1, s.desiredCount()) : 0;
        return new Profile(3 + 6 * Noise.unit(seed, id + "/base"), 45 + 25 * Noise.unit(seed, id + "/peak"),
                35 + 30 * Noise.unit(seed, id + "/memory"), 0.015 + 0.1 * Noise.unit(seed, id + "/latency"),
                0.45 + 0.25 * Noise.unit(seed, id + "/sigma"), designLoad);
    }

    /** Where an environment's requests would go if every weight carried everything (sizes services); cached. */
    private Routing design(AccountTraffic a) {
        if (a.design == null) {
            a.design = Routes.compute(loadBalancers(a.region), route53.zones(a.account), a.demand, true);
        }
        return a.design;
    }

    // ---- following the fleet -----------------------------------------------------------------------------------

    private long now() {
        return world.now().getEpochSecond();
    }

    @Override
    public void taskRunning(Task t) {
        running(t, now());
    }

    private void running(Task t, long at) {
        if (tasks.containsKey(t.id())) {
            return;
        }
        Cluster c = t.instance().cluster();
        AccountTraffic a = account(c.region().account(), c.region().region());
        ClusterSeries cs = cluster(a, c);
        Instance in = a.instances.get(c.name() + "/" + t.instance().id());
        if (in == null) {
            ContainerInstance ci = t.instance();
            in = a.add(new Instance(ci));
            cs.instances.add(in);
            Reservation r = cs.reservation.latest();
            cs.reservation.set(at, new Reservation(r.cpu(), r.memory(), r.cpuCapacity() + in.cpuCapacity,
                    r.memoryCapacity() + in.memoryCapacity));
        }
        Svc svc = t.service() == null ? standalone(a, c) : service(a, t.service());
        int cpu = t.taskDefinition().cpu();
        int memory = t.taskDefinition().memory();
        tasks.put(t.id(), new TaskRecord(a, svc, in, cs, cpu, memory));
        change(svc, in, cs, cpu, memory, 1, at);
    }

    private Svc standalone(AccountTraffic a, Cluster c) {
        String key = c.name() + "/";
        return a.services.computeIfAbsent(key, k -> new Svc(c.name(), "", null,
                new Profile(20, 20, 50, 0.05, 0.5, 0)));
    }

    @Override
    public void taskStopped(Task t) {
        TaskRecord r = tasks.remove(t.id());
        if (r != null) {
            change(r.service(), r.instance(), r.cluster(), r.cpu(), r.memory(), -1, now());
        }
    }

    private static void change(Svc svc, Instance in, ClusterSeries cs, int cpu, int memory, int delta, long at) {
        svc.running.set(at, svc.running.latest() + delta);
        in.tasks.set(at, in.tasks.latest().plus(svc, cpu, memory, delta));
        Reservation r = cs.reservation.latest();
        cs.reservation.set(at, new Reservation(r.cpu() + (long) delta * cpu, r.memory() + (long) delta * memory,
                r.cpuCapacity(), r.memoryCapacity()));
    }

    @Override
    public void targetsChanged(TargetGroup tg) {
        AccountTraffic a = accounts.get(tg.account() + "/" + regionOf(tg));
        Tg series = a == null ? null : a.tgs.get(tg.arn());
        if (series != null) {
            series.counts.set(now(), tg.counts());
        }
    }

    private static String regionOf(TargetGroup tg) {
        String[] parts = tg.arn().split(":");
        return parts.length > 3 ? parts[3] : "us-east-1";
    }

    /** A listener or rule changed: every environment's names may lead to it, so all of the region's are re-routed. */
    @Override
    public void routingChanged(String account, String region) {
        Function<String, Alb> lbs = loadBalancers(region);
        for (AccountTraffic a : accounts.values()) {
            if (a.region.equals(region)) {
                a.routing.set(now(), Routes.compute(lbs, route53.zones(a.account), a.demand, false));
            }
        }
    }

    /** What clients resolve in the account's zones changed (after INSYNC and the cached answers' TTL). */
    @Override
    public void recordsResolved(String account) {
        for (AccountTraffic a : accounts.values()) {
            if (a.account.equals(account)) {
                a.routing.set(now(), Routes.compute(loadBalancers(a.region), route53.zones(a.account), a.demand, false));
            }
        }
    }

    /**
     * The control knob behind {@code SandboxControl.failTargetGroup}: from now on the group's targets answer this
     * share of the requests they get with 5xx, three times slower (0 heals). Health checks still pass, as with a
     * {@code flaky} image; what the group receives follows the weights, so the errors show once traffic reaches it.
     */
    public void failTargetGroup(String account, String region, String targetGroup, double errorRate) {
        if (errorRate < 0 || errorRate > 1) {
            throw new IllegalArgumentException("an error rate is between 0 and 1: " + errorRate);
        }
        world.locked(() -> {
            world.timeline().runDue(world.clock().now());
            AccountTraffic a = accounts.get(account + "/" + region);
            Tg found = null;
            for (Tg tg : a == null ? List.<Tg>of() : a.tgs.values()) {
                if (tg.group.arn().equals(targetGroup) || tg.group.name().equals(targetGroup)) {
                    found = tg;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("no target group " + targetGroup + " in " + account + "/" + region);
            }
            found.injectedErrors.set(now(), errorRate);
        });
    }

    // ---- Telemetry ---------------------------------------------------------------------------------------------

    @Override
    public List<MetricKey> metrics(String account, String region) {
        return world.locked(() -> {
            List<MetricKey> out = new ArrayList<>();
            AccountTraffic a = accounts.get(account + "/" + region);
            if (a == null) {
                return out;
            }
            ElbRegion lbRegion = elb.existingRegion(account, region);
            for (Lb lb : a.lbs.values()) {
                for (String name : List.of("RequestCount", "HTTPCode_Target_2XX_Count", "HTTPCode_Target_4XX_Count",
                        "HTTPCode_Target_5XX_Count", "HTTPCode_ELB_5XX_Count", "TargetResponseTime")) {
                    out.add(MetricKey.of(ELB, name, Map.of("LoadBalancer", lb.dimension)));
                }
            }
            for (Tg tg : a.tgs.values()) {
                for (Alb lb : lbRegion == null ? Set.<Alb>of() : lbRegion.loadBalancersOf(tg.group)) {
                    for (String name : List.of("RequestCount", "HTTPCode_Target_2XX_Count", "HTTPCode_Target_4XX_Count",
                            "HTTPCode_Target_5XX_Count", "TargetResponseTime", "HealthyHostCount", "UnHealthyHostCount")) {
                        out.add(MetricKey.of(ELB, name, Map.of("LoadBalancer", lb.dimension(), "TargetGroup", tg.dimension)));
                    }
                }
            }
            for (Svc s : a.services.values()) {
                if (s.service != null) {
                    for (String name : List.of("CPUUtilization", "MemoryUtilization")) {
                        out.add(MetricKey.of(ECS, name, Map.of("ClusterName", s.cluster, "ServiceName", s.name)));
                    }
                }
            }
            for (ClusterSeries cs : a.clusters.values()) {
                for (String name : List.of("CPUReservation", "MemoryReservation", "CPUUtilization", "MemoryUtilization")) {
                    out.add(MetricKey.of(ECS, name, Map.of("ClusterName", cs.name)));
                }
            }
            for (Instance in : a.instances.values()) {
                out.add(MetricKey.of(EC2, "CPUUtilization", Map.of("InstanceId", in.ec2InstanceId)));
                if (in.enhancedInsights()) {
                    for (String name : Metric.INSTANCE_INSIGHTS) {
                        out.add(MetricKey.of(INSIGHTS, name, Map.of("ClusterName", in.cluster,
                                "ContainerInstanceId", in.id, "EC2InstanceId", in.ec2InstanceId)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public OptionalDouble sample(String account, String region, MetricKey metric, Instant start, Duration period,
                                 String statistic) {
        return world.locked(() -> {
            AccountTraffic a = accounts.get(account + "/" + region);
            Metric m = a == null ? null : a.metric(metric);
            if (m == null) {
                return OptionalDouble.empty();
            }
            long nowMinute = Math.floorDiv(world.now().getEpochSecond(), 60);
            long from = Math.max(Math.max(Math.floorDiv(start.getEpochSecond() + 59, 60), m.firstMinute()),
                    nowMinute - RETENTION_MINUTES);
            long end = start.getEpochSecond() + period.getSeconds();
            // complete minutes only; a five-minute datapoint once its five minutes are over
            long to = Math.min(Math.floorDiv(end + 59, 60), nowMinute - m.minutesPerDatapoint() + 1);
            return m.aggregate(from, to, statistic);
        });
    }
}
