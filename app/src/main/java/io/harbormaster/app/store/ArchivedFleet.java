package io.harbormaster.app.store;

import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.ContainerDefinition;
import io.harbormaster.model.fleet.Deployment;
import io.harbormaster.model.fleet.EnvironmentVariable;
import io.harbormaster.model.fleet.FleetProblem;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.FleetStats;
import io.harbormaster.model.fleet.LoadBalancerTarget;
import io.harbormaster.model.fleet.PlacementConstraint;
import io.harbormaster.model.fleet.PlacementStrategy;
import io.harbormaster.model.fleet.PortMapping;
import io.harbormaster.model.fleet.SecretNames;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.ServiceEvent;
import io.harbormaster.model.fleet.TargetHealth;
import io.harbormaster.model.fleet.TaskDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The stored form of a saved fleet (format {@link #FORMAT}): plain records of our own, so the model never learns of
 * Jackson and a change to a model record cannot silently change what is on disk. Written with empty strings and
 * lists left out, so every text and list is read back as "" or empty when absent.
 *
 * <p>What is kept, and what is not: no hosts or tasks; only the task definitions services run or roll to; the
 * newest {@link #KEPT_EVENTS} events of each service; environment variable values masked where the name looks
 * secret ({@link SecretNames}), so the file never holds one.
 */
record ArchivedFleet(
        List<ArchivedCluster> clusters,
        List<ArchivedService> services,
        List<ArchivedTaskDefinition> taskDefinitions,
        Map<String, List<ArchivedTargetHealth>> targetHealth,
        List<ArchivedProblem> problems,
        ArchivedStats stats) {

    /** Bumped whenever what is written changes incompatibly; a row of another format reads as nothing saved. */
    static final int FORMAT = 1;

    /** Events kept per service: the table needs the newest's time, the detail a screenful; ECS keeps 100. */
    static final int KEPT_EVENTS = 10;

    ArchivedFleet {
        clusters = orEmpty(clusters);
        services = orEmpty(services);
        taskDefinitions = orEmpty(taskDefinitions);
        targetHealth = targetHealth == null ? Map.of() : targetHealth;
        problems = orEmpty(problems);
        stats = stats == null ? new ArchivedStats(null, null, 0, 0, 0) : stats;
    }

    static ArchivedFleet of(FleetSnapshot snapshot) {
        Set<String> used = new LinkedHashSet<>();
        snapshot.services().forEach(s -> used.addAll(s.taskDefinitionArns()));
        List<ArchivedTaskDefinition> definitions = used.stream().map(snapshot.taskDefinitions()::get)
                .filter(td -> td != null).map(ArchivedTaskDefinition::of).toList();
        Map<String, List<ArchivedTargetHealth>> health = new LinkedHashMap<>();
        snapshot.targetHealth().forEach((tg, targets) -> health.put(tg,
                targets.stream().map(ArchivedTargetHealth::of).toList()));
        return new ArchivedFleet(map(snapshot.clusters(), ArchivedCluster::of),
                map(snapshot.services(), ArchivedService::of), definitions, health,
                map(snapshot.problems(), ArchivedProblem::of), ArchivedStats.of(snapshot.stats()));
    }

    FleetSnapshot toSnapshot(String environmentId, String region, Instant asOf) {
        Map<String, TaskDefinition> definitions = new HashMap<>();
        for (ArchivedTaskDefinition td : taskDefinitions) {
            definitions.put(td.arn(), td.toModel());
        }
        Map<String, List<TargetHealth>> health = new HashMap<>();
        targetHealth.forEach((tg, targets) -> health.put(tg, map(targets, ArchivedTargetHealth::toModel)));
        return new FleetSnapshot(environmentId, region, asOf, map(clusters, ArchivedCluster::toModel),
                map(services, ArchivedService::toModel), List.of(), List.of(), definitions, health,
                map(problems, ArchivedProblem::toModel), stats.toModel());
    }

    /** containerInsights is absent from archives saved before it was kept: read as not reported. */
    record ArchivedCluster(String arn, String name, String status, int registeredInstances, int activeServices,
            int runningTasks, int pendingTasks, String containerInsights) {

        static ArchivedCluster of(Cluster c) {
            return new ArchivedCluster(c.arn(), c.name(), c.status(), c.registeredInstances(), c.activeServices(),
                    c.runningTasks(), c.pendingTasks(), c.containerInsights());
        }

        Cluster toModel() {
            return new Cluster(text(arn), text(name), status, registeredInstances, activeServices, runningTasks,
                    pendingTasks, containerInsights);
        }
    }

    record ArchivedService(String arn, String name, String clusterArn, String status, int desiredCount,
            int runningCount, int pendingCount, String launchType, String taskDefinitionArn,
            List<ArchivedDeployment> deployments, List<ArchivedEvent> events, List<ArchivedPlacement> placementStrategy,
            List<ArchivedPlacement> placementConstraints, List<ArchivedLoadBalancer> loadBalancers, Instant createdAt) {

        ArchivedService {
            deployments = orEmpty(deployments);
            events = orEmpty(events);
            placementStrategy = orEmpty(placementStrategy);
            placementConstraints = orEmpty(placementConstraints);
            loadBalancers = orEmpty(loadBalancers);
        }

        static ArchivedService of(Service s) {
            return new ArchivedService(s.arn(), s.name(), s.clusterArn(), s.status(), s.desiredCount(),
                    s.runningCount(), s.pendingCount(), s.launchType(), s.taskDefinitionArn(),
                    map(s.deployments(), ArchivedDeployment::of), map(newest(s.events()), ArchivedEvent::of),
                    map(s.placementStrategy(), p -> new ArchivedPlacement(p.type(), p.field())),
                    map(s.placementConstraints(), p -> new ArchivedPlacement(p.type(), p.expression())),
                    map(s.loadBalancers(), ArchivedLoadBalancer::of), s.createdAt());
        }

        Service toModel() {
            return new Service(text(arn), text(name), text(clusterArn), status, desiredCount, runningCount,
                    pendingCount, launchType, taskDefinitionArn, map(deployments, ArchivedDeployment::toModel),
                    map(events, ArchivedEvent::toModel),
                    map(placementStrategy, p -> new PlacementStrategy(text(p.type()), p.detail())),
                    map(placementConstraints, p -> new PlacementConstraint(text(p.type()), p.detail())),
                    map(loadBalancers, ArchivedLoadBalancer::toModel), createdAt);
        }

        /** The newest {@link #KEPT_EVENTS} events, in the order they were given (ECS gives newest first). */
        private static List<ServiceEvent> newest(List<ServiceEvent> events) {
            if (events.size() <= KEPT_EVENTS) {
                return events;
            }
            return IntStream.range(0, events.size()).boxed()
                    .sorted(Comparator.comparing((Integer i) -> events.get(i).createdAt()).reversed())
                    .limit(KEPT_EVENTS).sorted().map(events::get).toList();
        }
    }

    record ArchivedDeployment(String id, String status, String rolloutState, String rolloutStateReason,
            String taskDefinitionArn, int desiredCount, int runningCount, int pendingCount, int failedTasks,
            Instant createdAt, Instant updatedAt) {

        static ArchivedDeployment of(Deployment d) {
            return new ArchivedDeployment(d.id(), d.status(), d.rolloutState(), d.rolloutStateReason(),
                    d.taskDefinitionArn(), d.desiredCount(), d.runningCount(), d.pendingCount(), d.failedTasks(),
                    d.createdAt(), d.updatedAt());
        }

        Deployment toModel() {
            return new Deployment(text(id), status, rolloutState, rolloutStateReason, taskDefinitionArn, desiredCount,
                    runningCount, pendingCount, failedTasks, createdAt, updatedAt);
        }
    }

    record ArchivedEvent(String id, Instant createdAt, String message) {

        static ArchivedEvent of(ServiceEvent e) {
            return new ArchivedEvent(e.id(), e.createdAt(), e.message());
        }

        ServiceEvent toModel() {
            return new ServiceEvent(text(id), createdAt, message);
        }
    }

    /** A placement strategy (type, field) or constraint (type, expression). */
    record ArchivedPlacement(String type, String detail) {
    }

    record ArchivedLoadBalancer(String targetGroupArn, String loadBalancerName, String containerName,
            int containerPort) {

        static ArchivedLoadBalancer of(LoadBalancerTarget t) {
            return new ArchivedLoadBalancer(t.targetGroupArn(), t.loadBalancerName(), t.containerName(),
                    t.containerPort());
        }

        LoadBalancerTarget toModel() {
            return new LoadBalancerTarget(targetGroupArn, loadBalancerName, containerName, containerPort);
        }
    }

    record ArchivedTaskDefinition(String arn, String family, int revision, int cpu, int memory, String networkMode,
            List<ArchivedContainer> containers) {

        ArchivedTaskDefinition {
            containers = orEmpty(containers);
        }

        static ArchivedTaskDefinition of(TaskDefinition td) {
            return new ArchivedTaskDefinition(td.arn(), td.family(), td.revision(), td.cpu(), td.memory(),
                    td.networkMode(), map(td.containers(), ArchivedContainer::of));
        }

        TaskDefinition toModel() {
            return new TaskDefinition(text(arn), text(family), revision, cpu, memory, networkMode,
                    map(containers, ArchivedContainer::toModel));
        }
    }

    record ArchivedContainer(String name, String image, int cpu, int memory, int memoryReservation,
            List<ArchivedPort> portMappings, List<ArchivedVariable> environment) {

        ArchivedContainer {
            portMappings = orEmpty(portMappings);
            environment = orEmpty(environment);
        }

        static ArchivedContainer of(ContainerDefinition c) {
            return new ArchivedContainer(c.name(), c.image(), c.cpu(), c.memory(), c.memoryReservation(),
                    map(c.portMappings(), p -> new ArchivedPort(p.containerPort(), p.hostPort(), p.protocol())),
                    map(c.environment(), ArchivedVariable::of));
        }

        ContainerDefinition toModel() {
            return new ContainerDefinition(text(name), image, cpu, memory, memoryReservation,
                    map(portMappings, p -> new PortMapping(p.containerPort(), p.hostPort(), p.protocol())),
                    map(environment, v -> new EnvironmentVariable(text(v.name()), v.value())));
        }
    }

    record ArchivedPort(int containerPort, int hostPort, String protocol) {
    }

    /** A variable as it may be shown: the value of a secret-looking name is the mask, never the value. */
    record ArchivedVariable(String name, String value) {

        static ArchivedVariable of(EnvironmentVariable v) {
            return new ArchivedVariable(v.name(), SecretNames.displayValue(v.name(), v.value()));
        }
    }

    record ArchivedTargetHealth(String targetGroupArn, String targetId, int port, String state, String reason,
            String description) {

        static ArchivedTargetHealth of(TargetHealth t) {
            return new ArchivedTargetHealth(t.targetGroupArn(), t.targetId(), t.port(), t.state(), t.reason(),
                    t.description());
        }

        TargetHealth toModel() {
            return new TargetHealth(text(targetGroupArn), text(targetId), port, state, reason, description);
        }
    }

    record ArchivedProblem(String clusterArn, String missing, String kind, String title, String message,
            String nextStep, String details) {

        static ArchivedProblem of(FleetProblem p) {
            Problem q = p.problem();
            return new ArchivedProblem(p.clusterArn(), p.missing(), q.kind().name(), q.title(), q.message(),
                    q.nextStep(), q.details());
        }

        FleetProblem toModel() {
            return new FleetProblem(clusterArn, text(missing), new Problem(problemKind(), text(title), text(message),
                    nextStep, details));
        }

        /** A kind this build does not know (a newer one wrote it) is shown as unexpected rather than lost. */
        private Problem.Kind problemKind() {
            try {
                return Problem.Kind.valueOf(text(kind));
            } catch (IllegalArgumentException unknown) {
                return Problem.Kind.UNEXPECTED;
            }
        }
    }

    record ArchivedStats(String kind, Map<String, Integer> callsByOperation, int retries, int throttles,
            long elapsedNanos) {

        ArchivedStats {
            callsByOperation = callsByOperation == null ? Map.of() : callsByOperation;
        }

        static ArchivedStats of(FleetStats s) {
            return new ArchivedStats(s.kind().name(), s.callsByOperation(), s.retries(), s.throttles(),
                    s.elapsed().toNanos());
        }

        FleetStats toModel() {
            FleetStats.Kind k = FleetStats.Kind.INCREMENTAL.name().equals(kind) ? FleetStats.Kind.INCREMENTAL
                    : FleetStats.Kind.FULL;
            return new FleetStats(k, callsByOperation, retries, throttles, Duration.ofNanos(elapsedNanos));
        }
    }

    private static <A, B> List<B> map(List<A> items, Function<A, B> f) {
        List<B> out = new ArrayList<>(items.size());
        for (A item : items) {
            out.add(f.apply(item));
        }
        return out;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Empty texts are not written; a required one comes back as "" rather than null. */
    private static String text(String s) {
        return s == null ? "" : s;
    }
}
