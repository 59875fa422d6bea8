package io.harbormaster.sandbox.logs;

import io.harbormaster.sandbox.Fault;
import io.harbormaster.sandbox.core.Telemetry;
import io.harbormaster.sandbox.core.World;
import io.harbormaster.sandbox.ecs.Cluster;
import io.harbormaster.sandbox.ecs.Ecs;
import io.harbormaster.sandbox.ecs.EcsListener;
import io.harbormaster.sandbox.ecs.EcsRegion;
import io.harbormaster.sandbox.ecs.LoadBalancer;
import io.harbormaster.sandbox.ecs.PortMapping;
import io.harbormaster.sandbox.ecs.Service;
import io.harbormaster.sandbox.ecs.Task;
import io.harbormaster.sandbox.ecs.TaskDefinition;
import io.harbormaster.sandbox.iam.Account;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * CloudWatch Logs across accounts and regions, registered as a world component. Every ECS service has its awslogs
 * group {@code /ecs/<cluster>/<service>} and every task container its stream {@code <service>/<container>/<task-id>},
 * created as tasks start (an ECS listener) and kept after they stop. Lines are generated per minute on demand.
 * Everything here runs under the world lock.
 */
public final class Logs implements EcsListener {

    static final int DEFAULT_RETENTION_DAYS = 30;
    /** Access lines a minute for a task when the traffic model is absent: a modest, steady trickle. */
    static final double DEFAULT_ACCESS_RATE = 6;
    private static final int RATE_CACHE = 20_000;

    private final World world;
    private final Ecs ecs;
    private final Map<String, TreeMap<String, LogGroup>> regions = new TreeMap<>();
    private final Map<String, Double> rateCache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Double> eldest) {
            return size() > RATE_CACHE;
        }
    };

    public Logs(World world, Ecs ecs) {
        this.world = world;
        this.ecs = ecs;
    }

    /**
     * Groups for the fleet as it stands. Their streams are not made here: a group derives its running tasks'
     * streams from ECS when it is first read ({@link LogGroup#streams()}), so start-up is not paid per task.
     */
    void adoptFleet() {
        for (EcsRegion r : ecs.regions()) {
            for (Cluster c : r.clusters()) {
                for (Service s : c.services()) {
                    group(s);
                }
            }
        }
    }

    /** The streams of the service's live tasks, made when its group is first read. */
    private void derive(LogGroup g, Service s) {
        for (Task t : s.tasks()) {
            if (t.startedAt() != null) {
                addStreams(g, t);
                if (t.stoppingAt() != null) {
                    forStreams(g, t, src -> {
                        if (src.stoppingAt == null) {
                            src.stoppingAt = t.stoppingAt();
                        }
                    });
                }
            }
        }
    }

    TreeMap<String, LogGroup> groups(String account, String region) {
        return regions.computeIfAbsent(account + "/" + region, k -> new TreeMap<>());
    }

    static String groupName(Service s) {
        return "/ecs/" + s.cluster().name() + "/" + s.name();
    }

    private LogGroup group(Service s) {
        EcsRegion r = s.cluster().region();
        TreeMap<String, LogGroup> groups = groups(r.account(), r.region());
        String name = groupName(s);
        LogGroup g = groups.get(name);
        if (g == null) {
            long created = s.deployments().isEmpty() ? world.now().toEpochMilli()
                    : earliestStart(s, world.now()).toEpochMilli();
            g = new LogGroup(name, arn(r.account(), r.region(), name), created, DEFAULT_RETENTION_DAYS,
                    s.cluster().name(), s.name());
            LogGroup group = g;
            g.derive = () -> derive(group, s);
            groups.put(name, g);
        }
        return g;
    }

    private static Instant earliestStart(Service s, Instant now) {
        Instant min = now;
        for (Task t : s.tasks()) {
            if (t.startedAt() != null && t.startedAt().isBefore(min)) {
                min = t.startedAt();
            }
        }
        return min.minus(Duration.ofMinutes(1));
    }

    static String arn(String account, String region, String group) {
        return "arn:aws:logs:" + region + ":" + account + ":log-group:" + group;
    }

    @Override
    public void taskRunning(Task t) {
        Service s = t.service();
        if (s == null || t.startedAt() == null) {
            return;
        }
        LogGroup g = group(s);
        if (!g.derived()) {
            return; // the stream is derived from the task when the group is first read
        }
        addStreams(g, t);
    }

    private void addStreams(LogGroup g, Task t) {
        Service s = t.service();
        TaskDefinition td = t.taskDefinition();
        Integer port = null;
        for (PortMapping p : td.portMappings()) {
            port = p.containerPort();
            break;
        }
        String mainImage = td.mainImage();
        String env = envOf(s.cluster().region().account());
        for (TaskDefinition.Container c : td.containers()) {
            String streamName = s.name() + "/" + c.name() + "/" + t.id();
            if (g.streams.containsKey(streamName)) {
                continue;
            }
            boolean main = c.image().equals(mainImage);
            long seed = world.seed() * 0x2545F4914F6CDD1DL ^ streamName.hashCode();
            TaskSource src = new TaskSource(t.id(), s.cluster().name(), s.name(), c.name(), c.image(), env,
                    main ? port : null, main, t.instance().ec2InstanceId(), seed, t.startedAt(),
                    ecs.faults().faultOf(td));
            g.add(new LogStream(streamName, t.startedAt().toEpochMilli(), src));
        }
    }

    @Override
    public void taskStopping(Task t) {
        forStreams(t, src -> {
            if (src.stoppingAt == null) {
                src.stoppingAt = world.now();
            }
        });
    }

    @Override
    public void taskStopped(Task t) {
        forStreams(t, src -> {
            src.stoppedAt = world.now();
            if (src.stoppingAt == null) {
                src.stoppingAt = src.stoppedAt;
            }
        });
    }

    private void forStreams(Task t, java.util.function.Consumer<TaskSource> action) {
        Service s = t.service();
        if (s == null) {
            return;
        }
        EcsRegion r = s.cluster().region();
        LogGroup g = groups(r.account(), r.region()).get(groupName(s));
        if (g == null) {
            return;
        }
        if (!g.derived() && t.startedAt() != null) {
            addStreams(g, t); // a stopping task's stream outlives it: make it now, while ECS still knows the task
        }
        forStreams(g, t, action);
        g.prune();
    }

    private void forStreams(LogGroup g, Task t, java.util.function.Consumer<TaskSource> action) {
        Service s = t.service();
        for (TaskDefinition.Container c : t.taskDefinition().containers()) {
            LogStream stream = g.streams.get(s.name() + "/" + c.name() + "/" + t.id());
            if (stream != null && stream.source != null) {
                action.accept(stream.source);
            }
        }
    }

    private static String envOf(String account) {
        for (Account a : List.of(Account.DEV, Account.STAGE, Account.PROD, Account.OPS)) {
            if (a.id().equals(account)) {
                return a.name();
            }
        }
        return "default";
    }

    /** Notices fault changes of the images behind a group's running streams (so lines change from now on). */
    void refreshFaults(LogGroup g) {
        Instant now = world.now();
        for (LogStream s : g.streams().values()) {
            if (s.source != null && s.source.end() == null) {
                Fault f = ecs.faults().faultOf(s.source.image);
                s.source.noticeFault(f, now);
            }
        }
    }

    /**
     * Expected access lines a minute for one task of the group's service: its share of the target group's
     * RequestCount when the traffic model serves it, else a modest constant.
     */
    double accessRate(String account, String region, LogGroup g, long minute) {
        if (g.service == null) {
            return 0;
        }
        EcsRegion er = ecs.region(account, region);
        Cluster c = er.cluster(g.cluster);
        Service s = c == null ? null : c.service(g.service);
        if (s == null) {
            return DEFAULT_ACCESS_RATE;
        }
        Telemetry telemetry = telemetry();
        if (telemetry == null || s.loadBalancers().isEmpty()) {
            return DEFAULT_ACCESS_RATE;
        }
        String cacheKey = account + "|" + region + "|" + g.name + "|" + minute;
        Double cached = rateCache.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        double total = 0;
        boolean any = false;
        for (Telemetry.MetricKey k : requestCounts(telemetry, account, region, g, s)) {
            OptionalDouble v = telemetry.sample(account, region, k, Instant.ofEpochSecond(minute * 60),
                    Duration.ofMinutes(1), "Sum");
            if (v.isPresent()) {
                total += v.getAsDouble();
                any = true;
            }
        }
        int tasks = Math.max(1, s.tasks().size());
        double rate = any ? total / tasks : DEFAULT_ACCESS_RATE;
        rateCache.put(cacheKey, rate);
        return rate;
    }

    private record Keys(Instant at, List<Telemetry.MetricKey> keys) {
    }

    private final Map<String, Keys> requestCountKeys = new TreeMap<>();

    /** The RequestCount metrics of the service's target groups, looked up again every few sandbox minutes. */
    private List<Telemetry.MetricKey> requestCounts(Telemetry telemetry, String account, String region, LogGroup g, Service s) {
        String id = account + "|" + region + "|" + g.name;
        Instant now = world.now();
        Keys k = requestCountKeys.get(id);
        if (k != null && k.at.plus(Duration.ofMinutes(5)).isAfter(now)) {
            return k.keys;
        }
        List<String> groups = new java.util.ArrayList<>();
        for (LoadBalancer lb : s.loadBalancers()) {
            String arn = lb.targetGroupArn();
            if (arn != null && arn.contains("targetgroup/")) {
                groups.add(arn.substring(arn.indexOf("targetgroup/")));
            }
        }
        List<Telemetry.MetricKey> out = new java.util.ArrayList<>();
        for (Telemetry.MetricKey m : telemetry.metrics(account, region)) {
            if (m.name().equals("RequestCount") && m.dimensions().containsKey("LoadBalancer")
                    && groups.contains(m.dimensions().get("TargetGroup"))) {
                out.add(m);
            }
        }
        requestCountKeys.put(id, new Keys(now, out));
        return out;
    }

    private Telemetry telemetry() {
        try {
            return world.component(Telemetry.class);
        } catch (IllegalStateException notRegistered) {
            return null;
        }
    }

    World world() {
        return world;
    }
}
