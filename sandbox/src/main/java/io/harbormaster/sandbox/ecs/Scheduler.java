package io.harbormaster.sandbox.ecs;

import io.harbormaster.sandbox.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ECS service scheduler and the life of tasks, on the sandbox clock. A service is reconciled whenever
 * something about it changes: it starts tasks of its PRIMARY deployment within maximumPercent, stops tasks of older
 * deployments as far as minimumHealthyPercent allows, records AWS's events, completes or fails (circuit breaker)
 * the rollout. Tasks go PENDING → RUNNING → (health checked) and, when stopped, drain before STOPPED.
 */
final class Scheduler {

    /** Sandbox seconds from placement to RUNNING: image pull and container start. */
    static final int START_MIN = 5;
    static final int START_SPREAD = 10;
    /** Sandbox seconds from RUNNING to HEALTHY (two passing health checks). */
    static final int HEALTHY_AFTER = 15;
    /** Sandbox seconds from RUNNING to a failed health check verdict when the grace period is shorter. */
    static final int UNHEALTHY_AFTER = 30;
    /** Sandbox seconds a task behind a load balancer spends deregistering (deregistration delay). */
    static final int DRAIN_LB = 30;
    /** Sandbox seconds from the stop signal to STOPPED (stopTimeout). */
    static final int STOP_TIMEOUT = 5;
    /** How long a stopped task stays visible to DescribeTasks/ListTasks. */
    static final Duration STOPPED_VISIBLE = Duration.ofHours(1);
    /** How often a service that could not place tasks tries again. */
    static final Duration RETRY = Duration.ofSeconds(60);
    /** Duplicate placement-failure events are omitted for this long, as on AWS. */
    static final Duration DUPLICATE_EVENT_WINDOW = Duration.ofHours(6);

    private final Ecs ecs;
    /** Tasks started during a bulk load, not yet in their cluster's and instance's maps; null outside one. */
    private List<Task> unindexed;

    Scheduler(Ecs ecs) {
        this.ecs = ecs;
    }

    private Instant now() {
        return ecs.world.now();
    }

    private void at(Instant when, Runnable r) {
        ecs.world.timeline().schedule(when, r);
    }

    /** Asks for a reconcile pass at the current sandbox time (coalesced per service). */
    void requestReconcile(Service s) {
        if (!s.reconcileScheduled) {
            s.reconcileScheduled = true;
            at(now(), () -> {
                s.reconcileScheduled = false;
                reconcile(s);
            });
        }
    }

    void event(Service s, String message) {
        s.event(Ids.uuid(ecs.world.random()), now(), message);
    }

    /**
     * Runs a bulk load (fleet generation) and indexes the tasks it started by cluster and instance at the end, in
     * id order. Inserted one by one, 200,000 random ids into a cluster's sorted map (and its instances') cost most
     * of the large fleet's generation in cache misses; in ascending order every insert lands on the tree's
     * rightmost path, which stays in cache. Nothing reads those maps before the load ends: no event runs inside it.
     */
    void bulkLoad(Runnable load) {
        if (unindexed != null) {
            load.run();
            return;
        }
        unindexed = new ArrayList<>();
        try {
            load.run();
        } finally {
            List<Task> tasks = unindexed;
            unindexed = null;
            tasks.sort(Comparator.comparing(t -> t.id));
            for (Task t : tasks) {
                t.cluster.tasks.put(t.id, t);
                t.instance.tasks.put(t.id, t);
            }
        }
    }

    // ---- tasks --------------------------------------------------------------------------------------------

    /** Places a task on an instance and starts its life; {@code runningSince} non-null creates it already running. */
    Task start(Service s, Deployment d, ContainerInstance ci, Instant runningSince) {
        TaskDefinition td = d.taskDefinition;
        int[] ports = ci.reserve(td);
        Instant created = runningSince != null ? runningSince : now();
        Task t = new Task(Ids.taskId(ecs.world.random()), s.cluster, ci, td, s, d, "service:" + s.name, d.id, ports, created);
        if (unindexed != null) {
            unindexed.add(t);
        } else {
            s.cluster.tasks.put(t.id, t);
            ci.tasks.put(t.id, t);
        }
        s.tasks.put(t.id, t); // at once: placement (spread on attributes) reads the service's tasks
        s.count(t, 1);
        t.pullStartedAt = created.plusSeconds(1);
        if (runningSince != null) {
            t.lastStatus = "RUNNING";
            t.healthStatus = "HEALTHY";
            t.pullStoppedAt = created.plusSeconds(4);
            t.startedAt = created.plusSeconds(5);
            t.version = 3;
            ecs.listeners.forEach(l -> l.taskRunning(t));
        } else {
            int delay = START_MIN + ecs.world.random().nextInt(START_SPREAD);
            at(created.plusSeconds(delay), () -> running(t));
        }
        return t;
    }

    private void running(Task t) {
        if (!t.live() || t.stopped()) {
            return;
        }
        t.lastStatus = "RUNNING";
        t.pullStoppedAt = now().minusSeconds(1);
        t.startedAt = now();
        t.version++;
        ecs.listeners.forEach(l -> l.taskRunning(t));
        Fault fault = ecs.faults.faultOf(t.taskDefinition);
        Service s = t.service;
        switch (fault) {
            case CRASH_ON_START -> at(now().plusSeconds(3 + ecs.world.random().nextInt(5)), () -> {
                if (t.live() && !t.stopped()) {
                    t.exitCode = 1;
                    failed(t, "Essential container in task exited", "EssentialContainerExited");
                }
            });
            case FAIL_HEALTH_CHECK -> {
                int grace = s == null ? 0 : s.healthCheckGracePeriodSeconds;
                at(now().plusSeconds(Math.max(grace, UNHEALTHY_AFTER)), () -> {
                    if (t.live() && !t.stopped()) {
                        t.healthStatus = "UNHEALTHY";
                        unhealthy(t);
                    }
                });
            }
            default -> at(now().plusSeconds(HEALTHY_AFTER), () -> {
                if (t.live() && !t.stopped()) {
                    t.healthStatus = "HEALTHY";
                    t.version++;
                    resetOnHealthy(t);
                    if (t.service != null) {
                        requestReconcile(t.service);
                    }
                }
            });
        }
        if (s != null) {
            requestReconcile(s);
        }
    }

    /**
     * ECS's resetOnHealthyTask (default true): once a task of the rollout is healthy, the circuit breaker's count of
     * failed tasks starts again from zero.
     */
    private void resetOnHealthy(Task t) {
        Service s = t.service;
        if (s != null && t.deployment == s.primary() && Deployment.IN_PROGRESS.equals(t.deployment.rolloutState)
                && !Boolean.FALSE.equals(s.settings.resetOnHealthyTask())) {
            t.deployment.failedTasks = 0;
        }
    }

    private void unhealthy(Task t) {
        Service s = t.service;
        String reason;
        if (s != null && !t.loadBalancers().isEmpty()) {
            LoadBalancer lb = t.loadBalancers().get(0);
            reason = "Task failed ELB health checks in (target-group " + lb.targetGroupArn() + ")";
            int port = hostPortFor(t, lb);
            event(s, "(service " + s.name + ") (port " + port + ") is unhealthy in (target-group " + lb.targetGroupArn()
                    + ") due to (reason Health checks failed).");
        } else {
            reason = "Task failed container health checks";
        }
        failed(t, reason, "ServiceSchedulerInitiated");
    }

    private static int hostPortFor(Task t, LoadBalancer lb) {
        List<PortMapping> pm = t.taskDefinition.portMappings();
        for (int i = 0; i < pm.size(); i++) {
            if (pm.get(i).containerPort() == lb.containerPort()) {
                return t.hostPorts[i];
            }
        }
        return t.hostPorts.length > 0 ? t.hostPorts[0] : 0;
    }

    /** A task failed on its own: stop it, count it against its deployment, maybe trip the circuit breaker. */
    private void failed(Task t, String reason, String stopCode) {
        Service s = t.service;
        stop(t, reason, stopCode);
        if (s == null) {
            return;
        }
        event(s, "(service " + s.name + ") has stopped 1 running tasks: (task " + t.id + ").");
        Deployment d = t.deployment;
        if (d == s.primary() && Deployment.IN_PROGRESS.equals(d.rolloutState)) {
            d.failedTasks++;
            d.updatedAt = now();
            ServiceDeployment sd = s.currentServiceDeployment();
            boolean tracked = sd != null && sd.deployment == d;
            int threshold = tracked ? sd.threshold() : s.settings.failureThreshold(s.desiredCount);
            if (s.circuitBreaker && d.failedTasks >= threshold) {
                if (!tracked) {
                    tripCircuitBreaker(s, d);
                } else if (!sd.finished() && !sd.rollingBack()) {
                    ecs.deployer.rollbacks.circuitBreaker(sd);
                }
            }
        }
        requestReconcile(s);
    }

    /** ECS's circuit breaker threshold: half the desired count, at least 3 and at most 200. */
    static int failureThreshold(int desired) {
        return DeploymentSettings.DEFAULT.failureThreshold(desired);
    }

    private void tripCircuitBreaker(Service s, Deployment failed) {
        failed.rolloutState = Deployment.FAILED;
        failed.rolloutStateReason = "ECS deployment circuit breaker: tasks failed to start.";
        failed.updatedAt = now();
        event(s, "(service " + s.name + ") (deployment " + failed.id + ") deployment failed: tasks failed to start.");
        TaskDefinition back = s.lastStableTaskDefinition;
        if (s.rollback && back != null && back != failed.taskDefinition) {
            Deployment d = new Deployment(Ids.deploymentId(ecs.world.random()), back, s.desiredCount, now(),
                    Deployment.IN_PROGRESS, "ECS deployment circuit breaker: rolling back to deployment "
                    + "with task definition " + back.arn() + ".");
            for (Deployment old : s.deployments) {
                old.status = Deployment.ACTIVE;
            }
            s.deployments.add(0, d);
            s.taskDefinition = back;
            s.steady = false;
            event(s, "(service " + s.name + ") rolling back to deployment " + d.id + " (taskDefinition " + back.arn() + ").");
        }
    }

    /**
     * ECS's stopped reason for a task its service scheduler stops, in a scale-in or as a deployment replaces it:
     * "Scaling activity initiated by (deployment ecs-svc/…)", naming the deployment that started the task (its
     * startedBy), with stop code ServiceSchedulerInitiated. As DescribeTasks shows such tasks in AWS; the ECS guide's
     * stopped-task reasons list it as "Scaling activity initiated by (deployment deployment-id)".
     */
    static String scalingActivity(Task t) {
        return "Scaling activity initiated by (deployment " + t.deployment.id + ")";
    }

    /** Asks a task to stop: it drains (deregistration delay behind a load balancer), then stops. */
    void stop(Task t, String reason, String stopCode) {
        if (!t.live() || t.stopped()) {
            return;
        }
        t.desiredStatus = "STOPPED";
        t.stoppingAt = now();
        t.stoppedReason = reason;
        t.stopCode = stopCode;
        t.version++;
        ecs.listeners.forEach(l -> l.taskStopping(t));
        if (!"RUNNING".equals(t.lastStatus)) {
            at(now().plusSeconds(1), () -> stopped(t));
        } else if (t.service != null && !t.service.loadBalancers.isEmpty() && !"UNHEALTHY".equals(t.healthStatus)) {
            t.lastStatus = "DEACTIVATING";
            at(now().plusSeconds(DRAIN_LB), () -> {
                t.lastStatus = "STOPPING";
                t.version++;
                at(now().plusSeconds(STOP_TIMEOUT), () -> stopped(t));
            });
        } else {
            t.lastStatus = "STOPPING";
            at(now().plusSeconds(STOP_TIMEOUT), () -> stopped(t));
        }
    }

    private void stopped(Task t) {
        if (t.stopped()) {
            return;
        }
        t.lastStatus = "STOPPED";
        t.stoppedAt = now();
        t.version++;
        t.instance.release(t.taskDefinition, t.hostPorts);
        Service s = t.service;
        if (s != null) {
            s.tasks.remove(t.id);
            s.count(t, -1);
        }
        ecs.listeners.forEach(l -> l.taskStopped(t));
        at(now().plus(STOPPED_VISIBLE), () -> {
            t.cluster.tasks.remove(t.id);
            t.instance.tasks.remove(t.id);
        });
        if (s != null) {
            requestReconcile(s);
        }
    }

    // ---- services -----------------------------------------------------------------------------------------

    void reconcile(Service s) {
        if (!"ACTIVE".equals(s.status)) {
            for (Task t : new ArrayList<>(s.tasks.values())) {
                stop(t, "Service " + s.name + " is being deleted", "ServiceSchedulerInitiated");
            }
            if (s.tasks.isEmpty()) {
                s.status = "INACTIVE"; // drained: deleted services stay describable as INACTIVE
            }
            return;
        }
        Deployment primary = s.primary();
        int desired = s.desiredCount;
        primary.desiredCount = desired;
        int maxTotal = (int) Math.floor(desired * s.maximumPercent / 100.0);
        int minHealthy = (int) Math.ceil(desired * s.minimumHealthyPercent / 100.0);
        List<Task> started = new ArrayList<>();
        List<Task> stoppedNow = new ArrayList<>();

        List<Task> primaryLive = new ArrayList<>();
        for (Task t : s.tasks.values()) {
            if (t.deployment == primary && t.live()) {
                primaryLive.add(t);
            }
        }
        // Scale in: too many tasks of the primary deployment.
        if (primaryLive.size() > desired) {
            primaryLive.sort(stopOrder(s));
            for (Task t : primaryLive.subList(0, primaryLive.size() - desired)) {
                stop(t, scalingActivity(t), "ServiceSchedulerInitiated");
                stoppedNow.add(t);
            }
        }
        // Start tasks of the primary deployment within maximumPercent.
        int want = desired - Math.min(desired, primaryLive.size());
        if (Deployment.FAILED.equals(primary.rolloutState)) {
            want = 0;
        }
        int canStart = Math.min(want, Math.max(0, maxTotal - s.tasks.size()));
        if (s.deployments.size() == 1 || s.holdOld) {
            canStart = want; // nothing to replace: maximumPercent only bounds rolling replacements
        }
        String failure = null;
        for (int i = 0; i < canStart; i++) {
            Placement.Decision d = Placement.choose(s.cluster, primary.taskDefinition, s, effectiveStrategy(s),
                    s.placementConstraints, ecs.world.random());
            if (d.instance() == null) {
                failure = d.failure();
                break;
            }
            started.add(start(s, primary, d.instance(), null));
        }
        // Stop tasks of older deployments as far as minimumHealthyPercent allows (blue/green: only at clean-up).
        if (s.deployments.size() > 1 && !s.holdOld) {
            int healthy = 0;
            List<Task> old = new ArrayList<>();
            for (Task t : s.tasks.values()) {
                if (t.healthy()) {
                    healthy++;
                }
                if (t.deployment != primary && t.live()) {
                    old.add(t);
                }
            }
            old.sort(Comparator.comparing(Task::healthy).thenComparing(stopOrder(s)));
            for (Task t : old) {
                if (!t.healthy()) {
                    stop(t, scalingActivity(t), "ServiceSchedulerInitiated");
                    stoppedNow.add(t);
                } else if (healthy - 1 >= minHealthy) {
                    stop(t, scalingActivity(t), "ServiceSchedulerInitiated");
                    stoppedNow.add(t);
                    healthy--;
                }
            }
            List<Deployment> drained = new ArrayList<>();
            for (Deployment d : s.deployments) {
                if (d == primary) {
                    continue;
                }
                int live = 0;
                boolean any = false;
                for (Task t : s.tasks.values()) {
                    if (t.deployment == d) {
                        any = true;
                        if (t.live()) {
                            live++;
                        }
                    }
                }
                d.desiredCount = live;
                if (!any) {
                    drained.add(d);
                }
            }
            s.deployments.removeAll(drained);
        }
        if (!started.isEmpty()) {
            event(s, "(service " + s.name + ") has started " + started.size() + " tasks: " + taskList(started) + ".");
            primary.updatedAt = now();
        }
        if (!stoppedNow.isEmpty()) {
            event(s, "(service " + s.name + ") has stopped " + stoppedNow.size() + " running tasks: " + taskList(stoppedNow) + ".");
        }
        placementFailure(s, failure);
        steadyState(s, primary);
        ecs.deployer.progress(s);
    }

    private void placementFailure(Service s, String failure) {
        if (failure == null) {
            s.lastPlacementFailure = null;
            return;
        }
        String message = "(service " + s.name + ") was unable to place a task because no container instance met all "
                + "of its requirements. " + failure + " For more information, see the Troubleshooting section.";
        boolean duplicate = message.equals(s.lastPlacementFailure)
                && s.lastPlacementFailureAt.plus(DUPLICATE_EVENT_WINDOW).isAfter(now());
        if (!duplicate) {
            event(s, message);
            s.lastPlacementFailure = message;
            s.lastPlacementFailureAt = now();
        }
        if (!s.retryScheduled) {
            s.retryScheduled = true;
            at(now().plus(RETRY), () -> {
                s.retryScheduled = false;
                reconcile(s);
            });
        }
    }

    private void steadyState(Service s, Deployment primary) {
        int healthy = 0;
        for (Task t : s.tasks.values()) {
            if (t.deployment == primary && t.healthy()) {
                healthy++;
            }
        }
        boolean steady = s.deployments.size() == 1 && healthy == s.desiredCount && s.tasks.size() == s.desiredCount;
        ServiceDeployment sd = s.currentServiceDeployment();
        // The deployer completes rollouts that wait for more than steady state: blue/green stages, alarm bake time.
        boolean staged = sd != null && sd.deployment == primary && ServiceDeployment.IN_PROGRESS.equals(sd.status)
                && (sd.settings.blueGreenFamily() ? !"CLEAN_UP".equals(sd.lifecycleStage) : sd.watchesAlarms());
        if (steady && !staged && Deployment.IN_PROGRESS.equals(primary.rolloutState)) {
            primary.rolloutState = Deployment.COMPLETED;
            primary.rolloutStateReason = "ECS deployment " + primary.id + " completed.";
            primary.updatedAt = now();
            s.lastStableTaskDefinition = primary.taskDefinition;
            event(s, "(service " + s.name + ") (deployment " + primary.id + ") deployment completed.");
        }
        if (steady && !s.steady) {
            event(s, "(service " + s.name + ") has reached a steady state.");
        }
        s.steady = steady;
    }

    private static String taskList(List<Task> tasks) {
        StringBuilder b = new StringBuilder();
        for (Task t : tasks) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append("(task ").append(t.id).append(')');
        }
        return b.toString();
    }

    /** Which tasks to stop first: not yet running, then the most crowded zone, then the most crowded instance. */
    private static Comparator<Task> stopOrder(Service s) {
        return Comparator.<Task, Boolean>comparing(t -> "RUNNING".equals(t.lastStatus))
                .thenComparing(t -> -s.perZone.getOrDefault(t.instance.availabilityZone, 0))
                .thenComparing(t -> -s.onInstance(t.instance))
                .thenComparing(t -> t.id);
    }

    /** A service without a strategy spreads across zones, then instances — the console's default. */
    static List<PlacementStrategy> effectiveStrategy(Service s) {
        if (!s.placementStrategy.isEmpty()) {
            return s.placementStrategy;
        }
        return List.of(new PlacementStrategy("spread", "attribute:ecs.availability-zone"),
                new PlacementStrategy("spread", "instanceId"));
    }

    // ---- deployments --------------------------------------------------------------------------------------

    /** Starts a new deployment of the service's current task definition; older ones drain. */
    Deployment newDeployment(Service s) {
        Deployment d = new Deployment(Ids.deploymentId(ecs.world.random()), s.taskDefinition, s.desiredCount, now(),
                Deployment.IN_PROGRESS, "ECS deployment " + "in progress.");
        List<Deployment> sources = new ArrayList<>(s.deployments);
        for (Deployment old : s.deployments) {
            old.status = Deployment.ACTIVE;
        }
        s.deployments.add(0, d);
        s.steady = false;
        ecs.deployer.begin(s, d, sources);
        requestReconcile(s);
        return d;
    }
}
