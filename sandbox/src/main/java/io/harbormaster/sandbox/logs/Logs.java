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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * CloudWatch Logs across accounts and regions, registered as a world component. Each task container whose task
 * definition names the awslogs driver writes to the group and stream its {@code logConfiguration} names
 * ({@link AwsLogsTarget}); streams are created as tasks start (an ECS listener) and kept after they stop. Lines are generated per minute on demand.
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
     * Groups for the fleet as it stands, named by its task definitions. Their streams are not made here: a group
     * derives its running tasks' streams from ECS when it is first read ({@link LogGroup#streams()}), so start-up
     * is not paid per task.
     */
    void adoptFleet() {
        for (EcsRegion r : ecs.regions()) {
            for (Cluster c : r.clusters()) {
                for (Service s : c.services()) {
                    Set<String> seen = new HashSet<>();
                    for (Task t : s.tasks()) {
                        if (seen.add(t.taskDefinition().arn())) {
                            for (AwsLogsTarget target : AwsLogsTarget.of(t.taskDefinition(), r.region())) {
                                group(s, target);
                            }
                        }
                    }
                }
            }
        }
    }

    /** The streams the service's live tasks write to this group, made when the group is first read. */
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

    private static List<AwsLogsTarget> targets(Task t) {
        return AwsLogsTarget.of(t.taskDefinition(), t.service().cluster().region().region());
    }

    /** The target's group, made (as awslogs-create-group would) for the first service that writes to it. */
    private LogGroup group(Service s, AwsLogsTarget target) {
        String account = s.cluster().region().account();
        TreeMap<String, LogGroup> groups = groups(account, target.region());
        String name = target.group();
        LogGroup g = groups.get(name);
        boolean fresh = g == null;
        if (fresh) {
            long created = s.deployments().isEmpty() ? world.now().toEpochMilli()
                    : earliestStart(s, world.now()).toEpochMilli();
            g = new LogGroup(name, arn(account, target.region(), name), created, DEFAULT_RETENTION_DAYS);
            groups.put(name, g);
        }
        if (g.derivedFor.add(s.cluster().arn() + "/" + s.name())) {
            LogGroup group = g;
            Runnable before = g.derive;
            if (before != null) {
                g.derive = () -> {
                    before.run();
                    derive(group, s);
                };
            } else if (fresh) {
                g.derive = () -> derive(group, s);
            } else {
                derive(g, s); // the group was read already: this service's streams join it now
            }
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
        for (AwsLogsTarget target : targets(t)) {
            LogGroup g = group(s, target);
            if (g.derived()) {
                addStreams(g, t); // else the stream is derived from the task when the group is first read
            }
        }
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
        for (AwsLogsTarget target : targets(t)) {
            TaskDefinition.Container c = container(td, target.container());
            String streamName = target.stream(t.id());
            if (c == null || !target.group().equals(g.name) || g.streams.containsKey(streamName)) {
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

    private static TaskDefinition.Container container(TaskDefinition td, String name) {
        for (TaskDefinition.Container c : td.containers()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
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
        String account = s.cluster().region().account();
        for (AwsLogsTarget target : targets(t)) {
            LogGroup g = groups(account, target.region()).get(target.group());
            if (g == null) {
                continue;
            }
            if (!g.derived() && t.startedAt() != null) {
                addStreams(g, t); // a stopping task's stream outlives it: make it now, while ECS still knows the task
            }
            forStreams(g, t, action);
            g.prune();
        }
    }

    private void forStreams(LogGroup g, Task t, java.util.function.Consumer<TaskSource> action) {
        for (AwsLogsTarget target : targets(t)) {
            LogStream stream = target.group().equals(g.name) ? g.streams.get(target.stream(t.id())) : null;
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
    double accessRate(String account, String region, TaskSource src, long minute) {
        if (src == null) {
            return 0;
        }
        EcsRegion er = ecs.region(account, region);
        Cluster c = er.cluster(src.cluster);
        Service s = c == null ? null : c.service(src.service);
        if (s == null) {
            return DEFAULT_ACCESS_RATE;
        }
        Telemetry telemetry = telemetry();
        if (telemetry == null || s.loadBalancers().isEmpty()) {
            return DEFAULT_ACCESS_RATE;
        }
        String cacheKey = account + "|" + region + "|" + src.cluster + "/" + src.service + "|" + minute;
        Double cached = rateCache.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        double total = 0;
        boolean any = false;
        for (Telemetry.MetricKey k : requestCounts(telemetry, account, region, s)) {
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
    private List<Telemetry.MetricKey> requestCounts(Telemetry telemetry, String account, String region, Service s) {
        String id = account + "|" + region + "|" + s.cluster().name() + "/" + s.name();
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
