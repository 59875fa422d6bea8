package io.harbormaster.aws.ecs;

import io.harbormaster.aws.elb.TargetHealthReader;
import io.harbormaster.aws.error.AwsErrors;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.CallPlanner;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.FleetLoadListener;
import io.harbormaster.model.fleet.FleetProblem;
import io.harbormaster.model.fleet.FleetProgress;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.fleet.TaskDefinition;
import io.harbormaster.model.fleet.TargetHealth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What one load or refresh shares: the calls, the pool, the task definitions and target groups it has asked for,
 * and the problems it has met. Used by one caller thread plus the pool's workers.
 */
final class FleetRun {

    private static final System.Logger LOG = System.getLogger(FleetRun.class.getName());

    final EnvironmentSession session;
    final EcsReads reads;
    final TargetHealthReader health;
    final TaskDefinitionCache definitions;
    final PriorityPool pool;
    final CallMeter meter;
    final FleetLoadListener listener;
    final CallPacer pacer;
    final RunCancellation cancellation;

    private final Map<String, CompletableFuture<TaskDefinition>> wantedDefinitions = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<List<TargetHealth>>> wantedHealth = new ConcurrentHashMap<>();
    private final List<FleetProblem> problems = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger clustersDone = new AtomicInteger();
    private volatile int clustersTotal;
    private volatile String stage = "clusters";

    FleetRun(EnvironmentSession session, EcsReads reads, TargetHealthReader health, TaskDefinitionCache definitions,
            PriorityPool pool, CallMeter meter, FleetLoadListener listener, CallPacer pacer) {
        this(session, reads, health, definitions, pool, meter, listener, pacer, new RunCancellation());
    }

    /** @param cancellation the run's, shared with {@code reads}: set when the caller's thread is interrupted */
    FleetRun(EnvironmentSession session, EcsReads reads, TargetHealthReader health, TaskDefinitionCache definitions,
            PriorityPool pool, CallMeter meter, FleetLoadListener listener, CallPacer pacer,
            RunCancellation cancellation) {
        this.cancellation = cancellation;
        this.session = session;
        this.reads = reads;
        this.health = health;
        this.definitions = definitions;
        this.pool = pool;
        this.meter = meter;
        this.listener = listener;
        this.pacer = pacer;
    }

    /** "prod (eu-west-1)", for messages. */
    String where() {
        return session.environment().displayName() + " (" + session.region() + ")";
    }

    List<String> clusterArns() {
        try {
            return reads.clusterArns();
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "listing clusters in " + where());
        }
    }

    /** DescribeClusters in parallel batches of 100, sorted by name. Fails whole: without clusters there is nothing. */
    List<Cluster> describeClusters(List<String> arns) {
        try {
            List<Cluster> clusters = new ArrayList<>(await(Batches.describe(pool.at(PriorityPool.SERVICES), arns,
                    CallPlanner.DESCRIBE_CLUSTERS_BATCH, reads::describeClusters, b -> { })));
            clusters.sort(java.util.Comparator.comparing(Cluster::name));
            return clusters;
        } catch (RuntimeException e) {
            cancellation.rethrowIfCancelled();
            throw operatorException(Batches.unwrap(e), "describing clusters in " + where());
        }
    }

    /** Waits for the pool's work on the caller's thread; an interrupt there cancels the whole run. */
    <T> T await(CompletableFuture<T> future) {
        return cancellation.await(future);
    }

    /** Passes news to the listener; a listener that fails is logged and the load goes on. */
    void tell(String what, Runnable news) {
        try {
            news.run();
        } catch (RuntimeException listenerFailure) {
            LOG.log(System.Logger.Level.WARNING, "a fleet listener failed on " + what + "; the load goes on", listenerFailure);
        }
    }

    /**
     * A cluster's services, hosts and tasks, listed and described in full. Each full batch of services is described
     * as soon as it is listed (the list pages go first in their throttling bucket, see {@link CallPacer}); the
     * listener hears the whole list when its last page is in, then each batch (those described earlier at once).
     * The services' task definitions and target health are left to the caller ({@link #wantFor}), so it can let
     * the services through first. The hosts go ahead of the definitions and the tasks, in the pool and in their
     * throttling bucket, and the listener hears each batch of hosts and of tasks as it lands.
     */
    ClusterParts loadCluster(Cluster cluster) {
        Gate open = new Gate();
        open.open();
        return loadCluster(cluster, TaskSweep.ALL, open);
    }

    /**
     * As {@link #loadCluster(Cluster)}, sharing the tasks with {@code sweep}: the cluster's ListTasks pages pass on
     * only the tasks it lets this sweep claim, and it hears of the hosts and tasks described. The task sweep starts
     * once {@code tasksAfter} opens.
     */
    ClusterParts loadCluster(Cluster cluster, TaskSweep sweep, Gate tasksAfter) {
        String arn = cluster.arn();
        CompletableFuture<List<Service>> services = Batches.listAndDescribe(pool.at(PriorityPool.SERVICES),
                pool.at(PriorityPool.SERVICE_DETAIL), () -> reads.serviceArns(arn),
                listed -> tell("servicesListed", () -> listener.servicesListed(cluster, listed)),
                CallPlanner.DESCRIBE_SERVICES_BATCH, batch -> reads.describeServices(arn, batch),
                described -> tell("servicesDescribed", () -> listener.servicesDescribed(cluster, described)));
        CompletableFuture<List<Host>> hosts = Batches.listThenDescribe(pool.at(PriorityPool.HOSTS),
                pool.at(PriorityPool.HOSTS), () -> reads.containerInstanceArns(arn, EcsReads.Turn.AHEAD),
                CallPlanner.DESCRIBE_CONTAINER_INSTANCES_BATCH,
                batch -> reads.describeContainerInstances(arn, batch, EcsReads.Turn.AHEAD),
                described -> {
                    tell("hostsDescribed", () -> listener.hostsDescribed(cluster, described));
                    sweep.hostsDescribed(cluster, described);
                });
        CompletableFuture<List<Task>> tasks = Batches.listThenDescribe(
                tasksAfter.then(pool.at(PriorityPool.PLACEMENT)), pool.at(PriorityPool.PLACEMENT_DETAIL),
                () -> Claimed.by(sweep, reads.taskArns(arn)),
                CallPlanner.DESCRIBE_TASKS_BATCH, batch -> reads.describeTasks(arn, batch, EcsReads.Turn.LIST),
                described -> {
                    sweep.tasksDescribed(described);
                    tasksDescribed(cluster, described);
                });
        tasks.whenComplete((done, failed) -> sweep.swept(cluster));
        ClusterParts parts = new ClusterParts(cluster, services, hosts, tasks);
        track(parts.all());
        return parts;
    }

    /** A batch of a full load's tasks is in: their definitions are asked for, and the listener hears of them. */
    void tasksDescribed(Cluster cluster, List<Task> described) {
        wantForTasks(described);
        tell("tasksDescribed", () -> listener.tasksDescribed(cluster, described));
    }

    /** Counts a cluster as done for progress when its work completes, however it completes. */
    void track(CompletableFuture<?> clusterWork) {
        clusterWork.whenComplete((v, e) -> clusterDone());
    }

    /** Asks (once per run) for the task definitions and target health of freshly described services. */
    void wantFor(List<Service> services) {
        Set<String> told = ConcurrentHashMap.newKeySet();
        for (Service s : services) {
            s.taskDefinitionArns().forEach(td -> wantDefinition(td, PriorityPool.DEFINITIONS).thenAccept(d -> {
                if (d != null && told.add(d.arn())) {
                    tell("taskDefinitionDescribed", () -> listener.taskDefinitionDescribed(d));
                }
            }));
            s.targetGroupArns().forEach(this::wantHealth);
        }
    }

    void wantForTasks(List<Task> tasks) {
        tasks.forEach(t -> wantDefinition(t.taskDefinitionArn(), PriorityPool.PLACEMENT_DETAIL));
    }

    CompletableFuture<TaskDefinition> wantDefinition(String arn, int priority) {
        if (arn.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return wantedDefinitions.computeIfAbsent(arn,
                a -> definitions.get(a, pool.at(priority), reads::describeTaskDefinition));
    }

    void wantHealth(String targetGroupArn) {
        wantedHealth.computeIfAbsent(targetGroupArn, tg -> CompletableFuture.supplyAsync(() -> {
            cancellation.check();
            if (health.unavailable().isEmpty()) {
                pacer.take(ThrottleBucket.ELBV2_DESCRIBE, false); // no call is made once ELB is unavailable
            }
            return health.targetHealth(tg);
        }, pool.at(PriorityPool.PLACEMENT_DETAIL)));
    }

    /** Every task definition asked for so far, waited for; one that failed is a problem, not a gap in the map. */
    Map<String, TaskDefinition> taskDefinitions() {
        Map<String, TaskDefinition> all = new HashMap<>();
        wantedDefinitions.forEach((arn, future) -> {
            try {
                TaskDefinition td = await(future);
                if (td != null) {
                    all.put(arn, td);
                }
            } catch (RuntimeException e) {
                cancellation.rethrowIfCancelled();
                problem("", "task definition " + arn, Batches.unwrap(e), "describing task definition " + arn);
            }
        });
        return all;
    }

    /** The task definitions asked for so far that have already arrived, without waiting. */
    Map<String, TaskDefinition> taskDefinitionsSoFar() {
        Map<String, TaskDefinition> done = new HashMap<>();
        wantedDefinitions.forEach((arn, f) -> {
            if (f.isDone() && !f.isCompletedExceptionally() && f.getNow(null) != null) {
                done.put(arn, f.getNow(null));
            }
        });
        return done;
    }

    /** Every target group asked for, waited for. */
    Map<String, List<TargetHealth>> targetHealth() {
        Map<String, List<TargetHealth>> all = new HashMap<>();
        wantedHealth.forEach((tg, future) -> {
            try {
                all.put(tg, await(future));
            } catch (RuntimeException e) {
                cancellation.rethrowIfCancelled();
                problem("", "target health of " + tg, Batches.unwrap(e), "reading the health of " + tg);
            }
        });
        health.unavailable().ifPresent(p -> problems.add(new FleetProblem("", "target health", p)));
        return all;
    }

    /** Tasks whose size DescribeTasks left out get their definition's. */
    static List<Task> withReservations(List<Task> tasks, Map<String, TaskDefinition> definitions) {
        List<Task> filled = new ArrayList<>(tasks.size());
        for (Task t : tasks) {
            TaskDefinition td = definitions.get(t.taskDefinitionArn());
            if (td != null && (t.cpu() == 0 || t.memory() == 0)) {
                filled.add(t.withReservation(t.cpu() > 0 ? t.cpu() : td.reservedCpu(),
                        t.memory() > 0 ? t.memory() : td.reservedMemory()));
            } else {
                filled.add(t);
            }
        }
        return filled;
    }

    /** The part's result, or empty with a problem recorded when it failed. */
    <T> List<T> resultOf(CompletableFuture<List<T>> part, Cluster cluster, String what) {
        try {
            return await(part);
        } catch (RuntimeException e) {
            cancellation.rethrowIfCancelled();
            problem(cluster.arn(), what + " of cluster " + cluster.name(), Batches.unwrap(e),
                    "reading the " + what + " of cluster " + cluster.name() + " in " + where());
            return List.of();
        }
    }

    void problem(String clusterArn, String missing, Throwable cause, String doing) {
        problems.add(new FleetProblem(clusterArn, missing, problemOf(cause, doing)));
    }

    void problem(FleetProblem problem) {
        problems.add(problem);
    }

    List<FleetProblem> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    void startClusters(int total, String stageName) {
        clustersTotal = total;
        stage(stageName);
    }

    void stage(String name) {
        stage = name;
        report();
    }

    private void clusterDone() {
        clustersDone.incrementAndGet();
        report();
    }

    private void report() {
        int total = clustersTotal;
        listener.progress(new FleetProgress(stage, Math.min(clustersDone.get(), total), total, meter.totalCalls()));
    }

    static Problem problemOf(Throwable cause, String doing) {
        if (cause instanceof OperatorException o) {
            return o.problem();
        }
        if (cause instanceof SdkException s) {
            return AwsErrors.problem(s, doing);
        }
        return Problem.unexpected(cause);
    }

    static OperatorException operatorException(Throwable cause, String doing) {
        if (cause instanceof OperatorException o) {
            return o;
        }
        return new OperatorException(problemOf(cause, doing), cause);
    }

    /** One cluster's three parts, each failing on its own. */
    record ClusterParts(Cluster cluster, CompletableFuture<List<Service>> services,
            CompletableFuture<List<Host>> hosts, CompletableFuture<List<Task>> tasks) {

        CompletableFuture<Void> all() {
            return CompletableFuture.allOf(services, hosts, tasks);
        }
    }
}
