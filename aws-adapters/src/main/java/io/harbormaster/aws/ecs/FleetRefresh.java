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
 * One incremental refresh. Every list is made again, and every service described again (DescribeServices is how a
 * moved count or deployment shows); then only what moved is described: tasks that are new or were in transition,
 * hosts that are new or that tasks moved on or off, clusters where anything changed, target groups of services
 * that changed. A new cluster is loaded in full; a cluster that fails keeps its previous part, marked stale.
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
        List<String> arns = run.clusterArns();
        List<Cluster> fresh = run.describeClusters(arns.stream().filter(a -> previous.cluster(a).isEmpty()).toList());
        Map<String, Cluster> byArn = new HashMap<>();
        previous.clusters().forEach(c -> byArn.put(c.arn(), c));
        fresh.forEach(c -> byArn.put(c.arn(), c));
        run.startClusters(arns.size(), "services, hosts and tasks");

        Map<String, ClusterWork> work = new LinkedHashMap<>();
        for (String arn : arns) {
            Cluster c = byArn.get(arn);
            if (c == null) {
                continue;
            }
            work.put(arn, previous.cluster(arn).isPresent() ? refreshCluster(c) : new ClusterWork(run.loadCluster(c)));
        }

        List<Service> services = new ArrayList<>();
        List<Host> hosts = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        Set<String> changedClusters = new HashSet<>();
        Set<String> healthToCheck = new HashSet<>();
        for (var entry : work.entrySet()) {
            Cluster cluster = byArn.get(entry.getKey());
            ClusterResult r = entry.getValue().result(cluster);
            services.addAll(r.services());
            hosts.addAll(r.hosts());
            tasks.addAll(r.tasks());
            if (r.changed() && previous.cluster(cluster.arn()).isPresent()) {
                changedClusters.add(cluster.arn());
            }
            healthToCheck.addAll(r.targetGroupsToCheck());
        }

        List<Cluster> clusters = clustersAfter(arns, byArn, changedClusters);
        run.stage("task definitions and target health");
        healthToCheck.forEach(run::wantHealth);
        Map<String, TaskDefinition> definitions = definitionsFor(services, tasks);
        Map<String, List<TargetHealth>> health = healthFor(services, run.targetHealth());
        FleetStats stats = run.meter.stats(FleetStats.Kind.INCREMENTAL,
                Duration.ofNanos(System.nanoTime() - started));
        FleetSnapshot next = new FleetSnapshot(previous.environmentId(), previous.region(), asOf, clusters, services,
                hosts, FleetRun.withReservations(tasks, definitions), definitions, health, run.problems(), stats);
        run.stage("done");
        return next;
    }

    /** Lists hosts and tasks, describes every service, then describes only the tasks and hosts that moved. */
    private ClusterWork refreshCluster(Cluster cluster) {
        String arn = cluster.arn();
        CompletableFuture<List<Service>> services = Batches.listThenDescribe(run.pool.at(PriorityPool.SERVICES),
                run.pool.at(PriorityPool.SERVICE_DETAIL), () -> run.reads.serviceArns(arn),
                CallPlanner.DESCRIBE_SERVICES_BATCH, batch -> run.reads.describeServices(arn, batch),
                this::wantNewDefinitions);
        CompletableFuture<List<String>> hostArns = Batches.list(run.pool.at(PriorityPool.PLACEMENT),
                () -> run.reads.containerInstanceArns(arn));
        CompletableFuture<List<String>> taskArns = Batches.list(run.pool.at(PriorityPool.PLACEMENT),
                () -> run.reads.taskArns(arn));

        Map<String, Task> before = index(previous.tasksIn(arn), Task::arn);
        CompletableFuture<List<Task>> describedTasks = taskArns.thenCompose(now -> Batches.describe(
                run.pool.at(PriorityPool.PLACEMENT_DETAIL),
                now.stream().filter(t -> !before.containsKey(t) || before.get(t).inTransition()).toList(),
                CallPlanner.DESCRIBE_TASKS_BATCH, batch -> run.reads.describeTasks(arn, batch), run::wantForTasks));
        CompletableFuture<TaskMoves> moves = describedTasks.thenCombine(taskArns,
                (described, now) -> TaskMoves.of(before, now, described));
        Map<String, Host> hostsBefore = index(previous.hostsIn(arn), Host::arn);
        CompletableFuture<List<Host>> describedHosts = moves.thenCombine(hostArns, (m, now) -> now.stream()
                .filter(h -> !hostsBefore.containsKey(h) || m.touchedHosts().contains(h)).toList())
                .thenCompose(toDescribe -> Batches.describe(run.pool.at(PriorityPool.PLACEMENT_DETAIL), toDescribe,
                        CallPlanner.DESCRIBE_CONTAINER_INSTANCES_BATCH,
                        batch -> run.reads.describeContainerInstances(arn, batch), b -> { }));
        run.track(CompletableFuture.allOf(services, hostArns, describedHosts, moves));
        return new ClusterWork(services, hostArns, describedHosts, moves, hostsBefore);
    }

    private void wantNewDefinitions(List<Service> services) {
        for (Service s : services) {
            s.taskDefinitionArns().forEach(td -> run.wantDefinition(td, PriorityPool.SERVICE_DETAIL));
        }
    }

    private List<Cluster> clustersAfter(List<String> arns, Map<String, Cluster> byArn, Set<String> changed) {
        Map<String, Cluster> described = new HashMap<>();
        if (!changed.isEmpty()) {
            run.describeClusters(List.copyOf(changed)).forEach(c -> described.put(c.arn(), c));
        }
        List<Cluster> clusters = new ArrayList<>();
        for (String arn : arns) {
            Cluster c = described.getOrDefault(arn, byArn.get(arn));
            if (c != null) {
                clusters.add(c);
            }
        }
        clusters.sort(Comparator.comparing(Cluster::name));
        return clusters;
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

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.toMap(key, x -> x, (a, b) -> a, HashMap::new));
    }

    /** A cluster's contribution to the next snapshot. */
    private record ClusterResult(List<Service> services, List<Host> hosts, List<Task> tasks, boolean changed,
            Set<String> targetGroupsToCheck) {
    }

    /** Which tasks started, stopped or moved in a cluster, and the hosts they touched. */
    private record TaskMoves(List<Task> tasks, Set<String> touchedHosts, Set<String> movedGroups, boolean any) {

        static TaskMoves of(Map<String, Task> before, List<String> now, List<Task> described) {
            Map<String, Task> fresh = index(described, Task::arn);
            Set<String> nowSet = new HashSet<>(now);
            Set<String> touched = new HashSet<>();
            Set<String> groups = new HashSet<>();
            List<Task> tasks = new ArrayList<>(now.size());
            boolean any = false;
            for (String arn : now) {
                Task old = before.get(arn);
                Task t = fresh.getOrDefault(arn, old);
                if (t == null) {
                    continue;
                }
                tasks.add(t);
                if (old == null || !old.lastStatus().equals(t.lastStatus())
                        || !old.desiredStatus().equals(t.desiredStatus())
                        || !old.containerInstanceArn().equals(t.containerInstanceArn())) {
                    any = true;
                    touched.add(t.containerInstanceArn());
                    groups.add(t.group());
                    if (old != null) {
                        touched.add(old.containerInstanceArn());
                    }
                }
            }
            for (Task old : before.values()) {
                if (!nowSet.contains(old.arn())) {
                    any = true;
                    touched.add(old.containerInstanceArn());
                    groups.add(old.group());
                }
            }
            touched.remove("");
            return new TaskMoves(tasks, touched, groups, any);
        }
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
                return new ClusterResult(s, run.resultOf(fullLoad.hosts(), cluster, "container instances"),
                        run.resultOf(fullLoad.tasks(), cluster, "tasks"), true, Set.of());
            }
            try {
                CompletableFuture.allOf(services, hostArns, describedHosts, moves).join();
            } catch (RuntimeException e) {
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
            boolean servicesMoved = now.size() != previous.servicesIn(cluster.arn()).size();
            Set<String> healthToCheck = new HashSet<>();
            for (Service s : now) {
                var old = previous.service(s.arn());
                boolean moved = old.isEmpty() || !ServiceChange.between(old.get(), s).isEmpty()
                        || m.movedGroups().contains(s.group());
                servicesMoved |= old.isEmpty() || !ServiceChange.between(old.get(), s).isEmpty();
                if (moved) {
                    healthToCheck.addAll(s.targetGroupArns());
                }
            }
            boolean hostsMoved = !fresh.isEmpty() || hosts.size() != hostsBefore.size();
            return new ClusterResult(now, hosts, m.tasks(), servicesMoved || hostsMoved || m.any(), healthToCheck);
        }

        /** The cluster as the previous snapshot had it, and a problem saying so. */
        private ClusterResult stale(Cluster cluster, RuntimeException e) {
            Problem p = FleetRun.problemOf(Batches.unwrap(e), "refreshing cluster " + cluster.name() + " in "
                    + run.where());
            run.problem(new FleetProblem(cluster.arn(), "fresh data for cluster " + cluster.name()
                    + " (showing it as of " + previous.asOf() + ")", p));
            return new ClusterResult(previous.servicesIn(cluster.arn()), previous.hostsIn(cluster.arn()),
                    previous.tasksIn(cluster.arn()), false, Set.of());
        }
    }
}
