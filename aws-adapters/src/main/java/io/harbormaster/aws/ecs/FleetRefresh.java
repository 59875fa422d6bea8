package io.harbormaster.aws.ecs;

import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.CallPlanner;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.FleetProblem;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.FleetStats;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.ServiceChange;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.fleet.TaskDefinition;
import io.harbormaster.model.fleet.TargetHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One incremental refresh. The lists of clusters, services and hosts are made again, and every cluster and service
 * described again: their counts, deployments and events are how movement shows. Tasks are listed only in clusters
 * where something moved (per moved service when that takes fewer pages than the whole cluster), and only new or
 * transitioning tasks, new hosts and hosts that tasks moved on or off are described. A new cluster is loaded in
 * full; a cluster that fails keeps its previous part, marked stale.
 */
final class FleetRefresh {

    private final FleetRun run;
    private final FleetSnapshot previous;
    private final Instant asOf;

    FleetRefresh(FleetRun run, FleetSnapshot previous, Instant asOf) {
        this.run = run;
        this.previous = previous;
        this.asOf = asOf;
    }

    FleetSnapshot refresh() {
        long started = System.nanoTime();
        previous.taskDefinitions().values().forEach(run.definitions::put);
        List<Cluster> clusters = run.describeClusters(run.clusterArns());
        run.startClusters(clusters.size(), "services, hosts and tasks");

        Map<Cluster, ClusterWork> work = new LinkedHashMap<>();
        for (Cluster c : clusters) {
            work.put(c, previous.cluster(c.arn()).isPresent() ? refreshCluster(c)
                    : new ClusterWork(run.loadCluster(c)));
        }

        List<Service> services = new ArrayList<>();
        List<Host> hosts = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        List<Cluster> next = new ArrayList<>();
        Set<String> healthToCheck = new HashSet<>();
        for (var entry : work.entrySet()) {
            ClusterResult r = entry.getValue().result(entry.getKey());
            next.add(r.cluster());
            services.addAll(r.services());
            hosts.addAll(r.hosts());
            tasks.addAll(r.tasks());
            healthToCheck.addAll(r.targetGroupsToCheck());
        }
        run.stage("task definitions and target health");
        healthToCheck.forEach(run::wantHealth);
        Map<String, TaskDefinition> definitions = definitionsFor(services, tasks);
        Map<String, List<TargetHealth>> health = healthFor(services, run.targetHealth());
        FleetStats stats = run.meter.stats(FleetStats.Kind.INCREMENTAL,
                Duration.ofNanos(System.nanoTime() - started));
        FleetSnapshot snapshot = new FleetSnapshot(previous.environmentId(), previous.region(), asOf, next,
                services, hosts, FleetRun.withReservations(tasks, definitions), definitions, health, run.problems(),
                stats);
        run.stage("done");
        return snapshot;
    }

    private ClusterWork refreshCluster(Cluster cluster) {
        String arn = cluster.arn();
        CompletableFuture<List<Service>> services = Batches.listThenDescribe(run.pool.at(PriorityPool.SERVICES),
                run.pool.at(PriorityPool.SERVICE_DETAIL), () -> run.reads.serviceArns(arn),
                CallPlanner.DESCRIBE_SERVICES_BATCH, batch -> run.reads.describeServices(arn, batch),
                this::wantNewDefinitions);
        CompletableFuture<List<String>> hostArns = Batches.list(run.pool.at(PriorityPool.PLACEMENT),
                () -> run.reads.containerInstanceArns(arn));
        Map<String, Task> before = index(previous.tasksIn(arn), Task::arn);
        CompletableFuture<TaskMoves> moves = services.thenCompose(now -> moveTasks(cluster, now, before));
        Map<String, Host> hostsBefore = index(previous.hostsIn(arn), Host::arn);
        CompletableFuture<List<Host>> describedHosts = moves.thenCombine(hostArns, (m, now) -> now.stream()
                .filter(h -> !hostsBefore.containsKey(h) || m.touchedHosts().contains(h)).toList())
                .thenCompose(toDescribe -> Batches.describe(run.pool.at(PriorityPool.PLACEMENT_DETAIL), toDescribe,
                        CallPlanner.DESCRIBE_CONTAINER_INSTANCES_BATCH,
                        batch -> run.reads.describeContainerInstances(arn, batch), b -> { }));
        run.track(CompletableFuture.allOf(services, hostArns, describedHosts, moves));
        return new ClusterWork(services, hostArns, describedHosts, moves, hostsBefore);
    }

    /** Lists tasks where something moved, and describes the new and the transitioning among them. */
    private CompletableFuture<TaskMoves> moveTasks(Cluster cluster, List<Service> now, Map<String, Task> before) {
        TaskScope scope = TaskScope.decide(previous, cluster, now);
        if (scope.nothing()) {
            return CompletableFuture.completedFuture(TaskMoves.none(previous.tasksIn(cluster.arn())));
        }
        List<CompletableFuture<List<String>>> lists = new ArrayList<>();
        if (scope.wholeCluster()) {
            lists.add(Batches.list(run.pool.at(PriorityPool.PLACEMENT), () -> run.reads.taskArns(cluster.arn())));
        } else {
            for (String name : scope.serviceNames()) {
                lists.add(Batches.list(run.pool.at(PriorityPool.PLACEMENT),
                        () -> run.reads.taskArnsOf(cluster.arn(), name)));
            }
        }
        return CompletableFuture.allOf(lists.toArray(CompletableFuture[]::new)).thenCompose(v -> {
            List<String> listed = lists.stream().flatMap(l -> l.join().stream()).distinct().toList();
            List<String> toDescribe = listed.stream()
                    .filter(t -> !before.containsKey(t) || before.get(t).inTransition()).toList();
            return Batches.describe(run.pool.at(PriorityPool.PLACEMENT_DETAIL), toDescribe,
                    CallPlanner.DESCRIBE_TASKS_BATCH, batch -> run.reads.describeTasks(cluster.arn(), batch),
                    run::wantForTasks).thenApply(described -> TaskMoves.of(before, scope, listed, described));
        });
    }

    private void wantNewDefinitions(List<Service> services) {
        for (Service s : services) {
            s.taskDefinitionArns().forEach(td -> run.wantDefinition(td, PriorityPool.DEFINITIONS));
        }
    }

    /** The previous definitions still in use, plus those this refresh asked for. */
    private Map<String, TaskDefinition> definitionsFor(List<Service> services, List<Task> tasks) {
        Set<String> used = new HashSet<>();
        services.forEach(s -> used.addAll(s.taskDefinitionArns()));
        tasks.forEach(t -> used.add(t.taskDefinitionArn()));
        Map<String, TaskDefinition> all = new HashMap<>();
        previous.taskDefinitions().forEach((arn, td) -> {
            if (used.contains(arn)) {
                all.put(arn, td);
            }
        });
        all.putAll(run.taskDefinitions());
        return all;
    }

    /** Fresh health where it was checked, the previous where not, for the target groups still in use. */
    private Map<String, List<TargetHealth>> healthFor(List<Service> services, Map<String, List<TargetHealth>> fresh) {
        Map<String, List<TargetHealth>> all = new HashMap<>();
        for (Service s : services) {
            for (String tg : s.targetGroupArns()) {
                List<TargetHealth> h = fresh.containsKey(tg) ? fresh.get(tg) : previous.targetHealth().get(tg);
                if (h != null) {
                    all.put(tg, h);
                }
            }
        }
        return all;
    }

    static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.toMap(key, x -> x, (a, b) -> a, HashMap::new));
    }

    /** A cluster's contribution to the next snapshot. */
    private record ClusterResult(Cluster cluster, List<Service> services, List<Host> hosts, List<Task> tasks,
            Set<String> targetGroupsToCheck) {
    }

    /** The futures of one cluster's refresh, or of a new cluster's full load. */
    private final class ClusterWork {
        private final CompletableFuture<List<Service>> services;
        private final CompletableFuture<List<String>> hostArns;
        private final CompletableFuture<List<Host>> describedHosts;
        private final CompletableFuture<TaskMoves> moves;
        private final Map<String, Host> hostsBefore;
        private final FleetRun.ClusterParts fullLoad;

        ClusterWork(CompletableFuture<List<Service>> services, CompletableFuture<List<String>> hostArns,
                CompletableFuture<List<Host>> describedHosts, CompletableFuture<TaskMoves> moves,
                Map<String, Host> hostsBefore) {
            this.services = services;
            this.hostArns = hostArns;
            this.describedHosts = describedHosts;
            this.moves = moves;
            this.hostsBefore = hostsBefore;
            this.fullLoad = null;
        }

        ClusterWork(FleetRun.ClusterParts fullLoad) {
            this.services = null;
            this.hostArns = null;
            this.describedHosts = null;
            this.moves = null;
            this.hostsBefore = Map.of();
            this.fullLoad = fullLoad;
        }

        ClusterResult result(Cluster cluster) {
            if (fullLoad != null) {
                List<Service> s = new ArrayList<>(run.resultOf(fullLoad.services(), cluster, "services"));
                s.sort(Comparator.comparing(Service::name));
                run.wantFor(s);
                return new ClusterResult(cluster, s, run.resultOf(fullLoad.hosts(), cluster, "container instances"),
                        run.resultOf(fullLoad.tasks(), cluster, "tasks"), Set.of());
            }
            try {
                run.await(CompletableFuture.allOf(services, hostArns, describedHosts, moves));
            } catch (RuntimeException e) {
                run.cancellation.rethrowIfCancelled();
                return stale(cluster, e);
            }
            List<Service> now = new ArrayList<>(services.join());
            now.sort(Comparator.comparing(Service::name));
            TaskMoves m = moves.join();
            Map<String, Host> fresh = index(describedHosts.join(), Host::arn);
            List<Host> hosts = new ArrayList<>();
            for (String h : hostArns.join()) {
                Host host = fresh.getOrDefault(h, hostsBefore.get(h));
                if (host != null) {
                    hosts.add(host);
                }
            }
            Set<String> healthToCheck = new HashSet<>();
            for (Service s : now) {
                var old = previous.service(s.arn());
                if (old.isEmpty() || !ServiceChange.between(old.get(), s).isEmpty()
                        || m.movedGroups().contains(s.group())) {
                    healthToCheck.addAll(s.targetGroupArns());
                }
            }
            return new ClusterResult(cluster, now, hosts, m.tasks(), healthToCheck);
        }

        /** The cluster as the previous snapshot had it, and a problem saying so. */
        private ClusterResult stale(Cluster cluster, RuntimeException e) {
            Problem p = FleetRun.problemOf(Batches.unwrap(e), "refreshing cluster " + cluster.name() + " in "
                    + run.where());
            run.problem(new FleetProblem(cluster.arn(), "fresh data for cluster " + cluster.name()
                    + " (showing it as of " + previous.asOf() + ")", p));
            return new ClusterResult(previous.cluster(cluster.arn()).orElse(cluster),
                    previous.servicesIn(cluster.arn()), previous.hostsIn(cluster.arn()),
                    previous.tasksIn(cluster.arn()), Set.of());
        }
    }
}
