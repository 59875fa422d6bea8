package io.harbormaster.aws.ecs;

import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.FleetStats;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.LoadFocus;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.fleet.TaskDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One full load: ListClusters → DescribeClusters, then for every cluster at once ListServices (to the end, and the
 * listener hears the names) → DescribeServices (the listener hears each batch),
 * ListContainerInstances → DescribeContainerInstances, ListTasks → DescribeTasks, each task definition and target
 * group once. Services go first in the pool's queue, and the listener hears when they are all in. No task is asked
 * for until every cluster's hosts are in ({@link Gate}): they draw the first picture. Then the tasks of the
 * hosts in focus (on the operator's screen) are described ahead of their cluster's sweep ({@link FocusedTasks}).
 */
final class FleetLoad {

    private final FleetRun run;
    private final Instant asOf;
    private final LoadFocus focus;

    FleetLoad(FleetRun run, Instant asOf) {
        this(run, asOf, LoadFocus.none());
    }

    /** @param focus the hosts whose tasks are described first, followed while the load runs */
    FleetLoad(FleetRun run, Instant asOf, LoadFocus focus) {
        this.run = run;
        this.asOf = asOf;
        this.focus = focus;
    }

    FleetSnapshot load() {
        long started = System.nanoTime();
        List<Cluster> clusters = run.describeClusters(run.clusterArns());
        run.startClusters(clusters.size(), "services, hosts and tasks");
        run.tell("clustersFound", () -> run.listener.clustersFound(clusters));
        Gate hostsFirst = new Gate();
        FocusedTasks focused = new FocusedTasks(focus, new FocusedTasks.Reads() {
            @Override
            public Iterable<String> taskArnsOn(String clusterArn, String hostArn) {
                return run.reads.taskArnsOn(clusterArn, hostArn);
            }

            @Override
            public List<Task> describeTasks(String clusterArn, List<String> taskArns) {
                return run.reads.describeTasks(clusterArn, taskArns, EcsReads.Turn.AHEAD);
            }
        }, hostsFirst.then(run.pool.at(PriorityPool.HOSTS)), run::tasksDescribed, run.cancellation::isCancelled);
        List<Service> services = new ArrayList<>();
        List<Host> hosts = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        CompletableFuture<Void> announced;
        try (LoadFocus.Watch watch = focus.watch(focused::refocus)) {
            List<FleetRun.ClusterParts> parts = startMostHostsFirst(clusters, focused, hostsFirst);
            hostsFirst.openWhen(parts.stream().map(FleetRun.ClusterParts::hosts).toList());
            announced = announceServices(parts);
            for (FleetRun.ClusterParts p : parts) {
                List<Service> clusterServices = new ArrayList<>(run.resultOf(p.services(), p.cluster(), "services"));
                clusterServices.sort(Comparator.comparing(Service::name));
                services.addAll(clusterServices);
                hosts.addAll(run.resultOf(p.hosts(), p.cluster(), "container instances"));
                tasks.addAll(run.resultOf(p.tasks(), p.cluster(), "tasks"));
            }
            tasks.addAll(focused.finish(run::await));
        }
        focused.failures().forEach(f -> run.problem(f.cluster().arn(), "tasks on host " + f.host().ec2InstanceId()
                + " of cluster " + f.cluster().name(), Batches.unwrap(f.cause()), "reading the tasks on host "
                + f.host().ec2InstanceId() + " in " + run.where()));
        run.await(announced);
        run.stage("task definitions and target health");
        Map<String, TaskDefinition> definitions = run.taskDefinitions();
        var health = run.targetHealth();
        FleetStats stats = run.meter.stats(FleetStats.Kind.FULL, Duration.ofNanos(System.nanoTime() - started));
        FleetSnapshot snapshot = new FleetSnapshot(run.session.environment().id(), run.session.region(), asOf,
                clusters, services, hosts, FleetRun.withReservations(tasks, definitions), definitions, health,
                run.problems(), stats);
        run.stage("done");
        return snapshot;
    }

    /**
     * Starts each cluster's work, the cluster with the most hosts first (its ListContainerInstances pages come one
     * after another: the longest chain to every host drawn), the tasks held by {@code hostsFirst}; the parts in
     * {@code clusters}' order.
     */
    private List<FleetRun.ClusterParts> startMostHostsFirst(List<Cluster> clusters, TaskSweep sweep,
            Gate hostsFirst) {
        Map<Cluster, FleetRun.ClusterParts> started = new java.util.HashMap<>();
        clusters.stream().sorted(Comparator.comparingInt(Cluster::registeredInstances).reversed())
                .forEach(c -> started.put(c, run.loadCluster(c, sweep, hostsFirst)));
        return clusters.stream().map(started::get).toList();
    }

    /**
     * Tells the listener once every cluster's services are in, failures aside, and only then asks for the services'
     * task definitions and target health: under a shared rate limit, describing 2,000 task definitions first would
     * hold the Services table back. Definitions already described (tasks may have asked) go along.
     */
    private CompletableFuture<Void> announceServices(List<FleetRun.ClusterParts> parts) {
        CompletableFuture<?>[] all = parts.stream().map(p -> p.services().handle((s, e) -> s))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(all).thenRun(() -> {
            List<Cluster> loaded = new ArrayList<>();
            List<Service> services = new ArrayList<>();
            for (FleetRun.ClusterParts p : parts) {
                if (!p.services().isCompletedExceptionally()) {
                    loaded.add(p.cluster());
                    services.addAll(p.services().join());
                }
            }
            if (!loaded.isEmpty()) {
                run.tell("servicesReady", () -> run.listener.servicesReady(List.copyOf(loaded),
                        List.copyOf(services), run.taskDefinitionsSoFar()));
            }
            run.wantFor(services);
        });
    }
}
