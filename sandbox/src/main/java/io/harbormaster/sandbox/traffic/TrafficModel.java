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

/**
 * The fleet's traffic and what it measures: the {@link Telemetry} CloudWatch serves. Requests per environment follow
 * {@link Shape} with seeded noise; they flow through the Route 53 records in sync, the listeners' weighted forward
 * actions and on to healthy targets ({@link Routes}); CPU and memory follow from requests per task. Every change
 * of weights, targets or tasks is kept as time-stamped history, so any past minute is answered with the state in
 * force then, and the same question always gets the same answer.
 */
public final class TrafficModel implements Telemetry, ElbObserver, Route53Observer, EcsListener {

    public static final String ELB = "AWS/ApplicationELB";
    public static final String ECS = "AWS/ECS";
    /** Our own namespace for per-host utilisation (CloudWatch has none without an agent). */
    public static final String HOSTS = "Harbormaster/ContainerInstance";
    /** CloudWatch keeps one-minute data for 15 days. */
    private static final long RETENTION_MINUTES = 15 * 1440;

    private final World world;
    private final Ecs ecs;
    private final Elb elb;
    private final Route53 route53;
    private final Map<String, AccountTraffic> accounts = new LinkedHashMap<>();
    private final Map<String, TaskRecord> tasks = new HashMap<>();

    private record TaskRecord(AccountTraffic account, Svc service, Instance instance, ClusterSeries cluster, int cpu,
                              int memory) {
    }

    TrafficModel(World world, Ecs ecs, Elb elb, Route53 route53) {
        this.world = world;
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
            a.demand = demand(a, lbRegion);
            a.routing.set(Long.MIN_VALUE, Routes.compute(lbRegion, route53.zones(a.account), a.demand, false));
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
        return accounts.computeIfAbsent(account + "/" + region,
                k -> new AccountTraffic(account, region, Environments.of(account), world.seed()));
    }

    /** Each published name's share of its environment's requests: by the size of what serves it, ±20%. */
    private Map<String, Double> demand(AccountTraffic a, ElbRegion lbRegion) {
        Map<String, Double> weights = new LinkedHashMap<>();
        if (lbRegion == null) {
            return weights;
        }
        var zones = route53.zones(a.account);
        Map<String, Integer> desiredByTg = new HashMap<>();
        for (EcsRegion er : ecs.regions()) {
            if (er.account().equals(a.account) && er.region().equals(a.region)) {
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
        }
        double total = 0;
        for (String name : Routes.names(zones)) {
            Routing design = Routes.compute(lbRegion, zones, Map.of(name, 1.0), true);
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
            Instance in = new Instance(c.name(), ci.id(), ci.type().cpu(), ci.type().memory());
            a.instances.put(c.name() + "/" + ci.id(), in);
            cs.instances.add(in);
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

    /** A service's behaviour, seeded by its name; its design load from the requests its names would bring at peak. */
    private Profile profile(AccountTraffic a, Service s) {
        String id = a.account + "/" + s.cluster().name() + "/" + s.name();
        long seed = world.seed();
        double designShare = 0;
        boolean behindLb = false;
        ElbRegion lbRegion = elb.existingRegion(a.account, a.region);
        if (lbRegion != null) {
            Routing design = Routes.compute(lbRegion, route53.zones(a.account), a.demand, true);
            for (LoadBalancer lb : s.loadBalancers()) {
                if (lb.targetGroupArn() != null) {
                    behindLb = true;
                    designShare += design.share(lb.targetGroupArn());
                }
            }
        }
        double designLoad = behindLb && designShare > 0 ? a.peak * designShare / Math.max(1, s.desiredCount()) : 0;
        return new Profile(3 + 6 * Noise.unit(seed, id + "/base"), 45 + 25 * Noise.unit(seed, id + "/peak"),
                35 + 30 * Noise.unit(seed, id + "/memory"), 0.015 + 0.1 * Noise.unit(seed, id + "/latency"),
                0.45 + 0.25 * Noise.unit(seed, id + "/sigma"), designLoad);
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
            in = new Instance(c.name(), ci.id(), ci.type().cpu(), ci.type().memory());
            a.instances.put(c.name() + "/" + ci.id(), in);
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

    @Override
    public void routingChanged(String account, String region) {
        AccountTraffic a = accounts.get(account + "/" + region);
        if (a != null) {
            a.routing.set(now(), Routes.compute(elb.existingRegion(account, region), route53.zones(account), a.demand, false));
        }
    }

    @Override
    public void recordsInSync(String account) {
        for (AccountTraffic a : accounts.values()) {
            if (a.account.equals(account)) {
                routingChanged(a.account, a.region);
            }
        }
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
                for (String name : List.of("CPUUtilization", "MemoryUtilization")) {
                    out.add(MetricKey.of(HOSTS, name, Map.of("ClusterName", in.cluster, "ContainerInstanceId", in.id)));
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
            long to = Math.min(Math.floorDiv(end + 59, 60), nowMinute); // complete minutes only
            return m.aggregate(from, to, statistic);
        });
    }
}
