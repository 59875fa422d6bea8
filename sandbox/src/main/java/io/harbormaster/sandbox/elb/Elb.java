package io.harbormaster.sandbox.elb;

import io.harbormaster.sandbox.Fault;
import io.harbormaster.sandbox.core.World;
import io.harbormaster.sandbox.ecs.Ecs;
import io.harbormaster.sandbox.ecs.EcsListener;
import io.harbormaster.sandbox.ecs.EcsRegion;
import io.harbormaster.sandbox.ecs.LoadBalancer;
import io.harbormaster.sandbox.ecs.PortMapping;
import io.harbormaster.sandbox.ecs.Service;
import io.harbormaster.sandbox.ecs.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * ELBv2's state across accounts and regions, and the bridge from ECS: a service's tasks register in its target
 * groups when they reach RUNNING, pass (or fail) health checks, drain when ECS stops them and are gone when they
 * stop. Registered as a world component; everything here runs under the world lock.
 */
public final class Elb implements EcsListener {

    /** Sandbox seconds from registration to healthy: two passing checks at a 5 s interval, plus the first wait. */
    static final int HEALTHY_AFTER = 15;
    /** Sandbox seconds from registration to unhealthy for a target that fails its checks (two failures). */
    static final int UNHEALTHY_AFTER = 10;
    /** The target groups' deregistration delay, matching ECS's drain time for tasks behind a load balancer. */
    static final int DEREGISTRATION_DELAY = 30;

    private final World world;
    private final Ecs ecs;
    private final Map<String, ElbRegion> regions = new TreeMap<>();
    private final Map<String, TargetGroup> tgsByArn = new HashMap<>();
    private final Map<String, List<Target>> targetsByTask = new HashMap<>();
    /** Live tasks by "instance-id:host-port": who answers a health check there. */
    private final Map<String, Task> endpoints = new HashMap<>();
    private final List<ElbObserver> observers = new CopyOnWriteArrayList<>();

    public Elb(World world, Ecs ecs) {
        this.world = world;
        this.ecs = ecs;
    }

    public void addObserver(ElbObserver o) {
        observers.add(o);
    }

    public Ecs ecs() {
        return ecs;
    }

    public ElbRegion region(String account, String region) {
        return regions.computeIfAbsent(account + "/" + region,
                k -> new ElbRegion(account, region, "vpc-0" + Names.hex(k.hashCode() * 31L + 7, 16)));
    }

    /** The region's state if it has any load balancers or target groups, else null (without creating it). */
    public ElbRegion existingRegion(String account, String region) {
        return regions.get(account + "/" + region);
    }

    public List<ElbRegion> regions() {
        return new ArrayList<>(regions.values());
    }

    public TargetGroup targetGroup(String arn) {
        return tgsByArn.get(arn);
    }

    void add(ElbRegion r, TargetGroup tg) {
        r.tgsByName.put(tg.name, tg);
        r.tgsByArn.put(tg.arn, tg);
        tgsByArn.put(tg.arn, tg);
    }

    void add(ElbRegion r, Alb lb) {
        r.lbsByName.put(lb.name, lb);
        r.lbsByArn.put(lb.arn, lb);
    }

    void add(ElbRegion r, Listener l) {
        l.lb.listeners.add(l);
        r.listenersByArn.put(l.arn, l);
    }

    void add(ElbRegion r, Rule rule) {
        rule.listener.rules.add(rule);
        rule.listener.sortRules();
        r.rulesByArn.put(rule.arn, rule);
    }

    void routingChanged(String account, String region) {
        observers.forEach(o -> o.routingChanged(account, region));
    }

    private void targetsChanged(TargetGroup tg) {
        observers.forEach(o -> o.targetsChanged(tg));
    }

    // ---- ECS ---------------------------------------------------------------------------------------------

    /** Registers the tasks ECS already runs (the generated fleet) and starts following ECS. */
    void follow() {
        for (EcsRegion r : ecs.regions()) {
            for (var cluster : r.clusters()) {
                for (Service s : cluster.services()) {
                    for (Task t : s.tasks()) {
                        if (live(t)) {
                            taskRunning(t);
                        }
                    }
                }
            }
        }
        ecs.addListener(this);
    }

    @Override
    public void taskRunning(Task t) {
        List<PortMapping> pm = t.taskDefinition().portMappings();
        String instanceId = t.instance().ec2InstanceId();
        for (int i = 0; i < pm.size(); i++) {
            endpoints.put(Target.key(instanceId, t.hostPort(i)), t);
        }
        Service s = t.service();
        if (s == null) {
            return;
        }
        for (LoadBalancer lb : t.loadBalancers()) {
            TargetGroup tg = lb.targetGroupArn() == null ? null : tgsByArn.get(lb.targetGroupArn());
            if (tg != null) {
                register(tg, instanceId, hostPort(t, lb.containerPort()), t, "HEALTHY".equals(t.healthStatus()));
            }
        }
    }

    @Override
    public void taskStopping(Task t) {
        for (Target target : targetsByTask.getOrDefault(t.id(), List.of())) {
            TargetGroup tg = tgsByArn.get(target.tgArn);
            if (tg != null && tg.targets.get(Target.key(target.instanceId, target.port)) == target
                    && target.state != Target.State.DRAINING) {
                target.state = Target.State.DRAINING;
                target.since = world.now();
                targetsChanged(tg);
            }
        }
    }

    @Override
    public void taskStopped(Task t) {
        List<PortMapping> pm = t.taskDefinition().portMappings();
        String instanceId = t.instance().ec2InstanceId();
        for (int i = 0; i < pm.size(); i++) {
            endpoints.remove(Target.key(instanceId, t.hostPort(i)), t);
        }
        List<Target> mine = targetsByTask.remove(t.id());
        if (mine == null) {
            return;
        }
        for (Target target : mine) {
            TargetGroup tg = tgsByArn.get(target.tgArn);
            if (tg != null && tg.targets.remove(Target.key(target.instanceId, target.port), target)) {
                targetsChanged(tg);
            }
        }
    }

    private static boolean live(Task t) {
        return "RUNNING".equals(t.lastStatus()) && "RUNNING".equals(t.desiredStatus());
    }

    private static int hostPort(Task t, int containerPort) {
        List<PortMapping> pm = t.taskDefinition().portMappings();
        for (int i = 0; i < pm.size(); i++) {
            if (pm.get(i).containerPort() == containerPort) {
                return t.hostPort(i);
            }
        }
        return pm.isEmpty() ? containerPort : t.hostPort(0);
    }

    // ---- targets -----------------------------------------------------------------------------------------

    /** The live task listening on an instance's port, or null. */
    Task taskAt(String instanceId, int port) {
        Task t = endpoints.get(Target.key(instanceId, port));
        return t != null && live(t) ? t : null;
    }

    /**
     * Registers a target (a no-op when it is registered and not draining). Targets with a healthy task behind them
     * pass their checks after {@link #HEALTHY_AFTER} s; faulty images and ports nobody listens on fail them.
     */
    Target register(TargetGroup tg, String instanceId, int port, Task task, boolean healthyNow) {
        String key = Target.key(instanceId, port);
        Target existing = tg.targets.get(key);
        if (existing != null && existing.state != Target.State.DRAINING) {
            return existing;
        }
        Fault fault = task == null ? Fault.NONE : ecs.faults().faultOf(task.taskDefinition());
        double errorRate = switch (fault) {
            case SERVE_ERRORS -> 0.2 + 0.2 * Names.unit(task.taskDefinition().mainImage());
            case FAIL_HEALTH_CHECK, CRASH_ON_START -> 0.6;
            case NONE -> 0;
        };
        boolean fails = task == null || fault == Fault.FAIL_HEALTH_CHECK || fault == Fault.CRASH_ON_START;
        Target target = new Target(tg.arn, instanceId, port, task, fault, errorRate,
                healthyNow && !fails ? Target.State.HEALTHY : Target.State.INITIAL, world.now());
        tg.targets.put(key, target);
        if (task != null) {
            targetsByTask.computeIfAbsent(task.id(), k -> new ArrayList<>()).add(target);
        }
        if (target.state == Target.State.INITIAL) {
            world.timeline().schedule(world.now().plusSeconds(fails ? UNHEALTHY_AFTER : HEALTHY_AFTER), () -> {
                if (tg.targets.get(key) == target && target.state == Target.State.INITIAL) {
                    target.state = fails ? Target.State.UNHEALTHY : Target.State.HEALTHY;
                    target.since = world.now();
                    targetsChanged(tg);
                }
            });
        }
        targetsChanged(tg);
        return target;
    }

    /** Deregisters a target: it drains for the deregistration delay, then is gone. */
    void deregister(TargetGroup tg, String instanceId, int port) {
        String key = Target.key(instanceId, port);
        Target target = tg.targets.get(key);
        if (target == null || target.state == Target.State.DRAINING) {
            return;
        }
        target.state = Target.State.DRAINING;
        target.since = world.now();
        world.timeline().schedule(world.now().plusSeconds(DEREGISTRATION_DELAY), () -> {
            if (tg.targets.remove(key, target)) {
                targetsChanged(tg);
            }
        });
        targetsChanged(tg);
    }
}
