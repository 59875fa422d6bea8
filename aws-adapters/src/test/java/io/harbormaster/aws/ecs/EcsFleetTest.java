package io.harbormaster.aws.ecs;

import io.harbormaster.aws.SandboxAccess;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.CallPlan;
import io.harbormaster.model.fleet.CallPlanner;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.ClusterShape;
import io.harbormaster.model.fleet.EnvironmentVariable;
import io.harbormaster.model.fleet.FleetDiff;
import io.harbormaster.model.fleet.FleetLoadListener;
import io.harbormaster.model.fleet.FleetProblem;
import io.harbormaster.model.fleet.FleetProgress;
import io.harbormaster.model.fleet.FleetShape;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.LoadFocus;
import io.harbormaster.model.fleet.SecretNames;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.ServiceAttention;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.fleet.TaskDefinition;
import io.harbormaster.model.packing.FleetPacking;
import io.harbormaster.model.packing.PackingAnalysis;
import io.harbormaster.model.packing.PackingRules;
import io.harbormaster.model.packing.Stranding;
import io.harbormaster.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;

/** The fleet inventory over the real wire: EcsFleet against the sandbox's default prod fleet, through the SDK. */
class EcsFleetTest {

    private static final Set<String> LIST_OPERATIONS = Set.of(CallPlan.LIST_CLUSTERS, CallPlan.LIST_SERVICES,
            CallPlan.LIST_CONTAINER_INSTANCES, CallPlan.LIST_TASKS);

    private static SandboxAccess access;
    private static Sandbox sandbox;
    private static AwsClientFactory clients;
    private static AwsSessions sessions;
    private static EnvironmentSession prod;

    @BeforeAll
    static void enterProd(@TempDir Path dir) throws Exception {
        access = SandboxAccess.start(dir);
        sandbox = access.sandbox();
        clients = access.clients();
        sessions = access.sessionsFor("alice");
        prod = sessions.enter(SandboxAccess.environment("prod"), access.deviceOf("alice"));
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    private static EcsFleet newFleet() {
        return new EcsFleet(sessions, clients, Clock.systemUTC());
    }

    /** What ECS itself says, asked plainly through the SDK. */
    private static EcsClient plainEcs() {
        return clients.ecs(sessions.context(prod));
    }

    private static List<String> clusterArns() {
        List<String> arns = new ArrayList<>();
        plainEcs().listClustersPaginator(r -> r.maxResults(100)).clusterArns().forEach(arns::add);
        return arns;
    }

    private static int count(Iterable<String> arns) {
        int n = 0;
        for (String ignored : arns) {
            n++;
        }
        return n;
    }

    @Test
    void aFullLoadHoldsWhatEcsSays() {
        try (EcsFleet fleet = newFleet()) {
            FleetSnapshot snapshot = fleet.load(prod, FleetLoadListener.NONE);

            assertThat(problemsBesidesUnservedElb(snapshot)).isEmpty();
            List<String> arns = clusterArns();
            assertThat(snapshot.clusters()).extracting(Cluster::arn).containsExactlyInAnyOrderElementsOf(arns);
            EcsClient ecs = plainEcs();
            for (String cluster : arns) {
                assertThat(snapshot.servicesIn(cluster)).as("services of %s", cluster).hasSize(
                        count(ecs.listServicesPaginator(r -> r.cluster(cluster).maxResults(100)).serviceArns()));
                assertThat(snapshot.hostsIn(cluster)).as("hosts of %s", cluster).hasSize(count(
                        ecs.listContainerInstancesPaginator(r -> r.cluster(cluster).maxResults(100))
                                .containerInstanceArns()));
                assertThat(snapshot.tasksIn(cluster)).as("tasks of %s", cluster).hasSize(
                        count(ecs.listTasksPaginator(r -> r.cluster(cluster).maxResults(100)).taskArns()));
            }
            assertThat(snapshot.tasks()).isNotEmpty().allSatisfy(t -> {
                assertThat(snapshot.host(t.containerInstanceArn())).as("host of %s", t.arn()).isPresent();
                assertThat(snapshot.taskDefinition(t.taskDefinitionArn())).isPresent();
                assertThat(t.cpu()).isPositive();
                assertThat(t.memory()).isPositive();
            });
            int runningByServices = snapshot.services().stream().mapToInt(Service::runningCount).sum();
            long runningTasksOfServices = snapshot.tasks().stream()
                    .filter(t -> t.running() && snapshot.serviceOf(t).isPresent()).count();
            assertThat(runningTasksOfServices).isEqualTo(runningByServices);
            for (Cluster c : snapshot.clusters()) {
                assertThat(snapshot.hostsIn(c.arn())).hasSize(c.registeredInstances());
                assertThat(snapshot.servicesIn(c.arn())).hasSize(c.activeServices());
            }
        }
    }

    @Test
    void aFullLoadMakesExactlyTheCallsTheBatchLimitsRequire() {
        try (EcsFleet fleet = newFleet()) {
            FleetSnapshot snapshot = fleet.load(prod, FleetLoadListener.NONE);

            CallPlan minimum = CallPlanner.fullLoad(FleetShape.of(snapshot));
            Map<String, Integer> excess = new HashMap<>(minimum.excessOf(snapshot.stats()));
            if (!elbServed(snapshot)) {
                // Until the sandbox serves ELBv2 the reader stops after the first refusal; ECS must still be exact.
                assertThat(snapshot.stats().calls(CallPlan.DESCRIBE_TARGET_HEALTH)).isPositive();
                excess.remove(CallPlan.DESCRIBE_TARGET_HEALTH);
            } else {
                assertThat(snapshot.stats().totalCalls()).isEqualTo(minimum.total());
            }
            assertThat(excess).as("calls beyond the minimum, by operation").isEmpty();
            assertThat(snapshot.stats().calls(CallPlan.DESCRIBE_SERVICES)).isEqualTo(snapshot.clusters().stream()
                    .mapToInt(c -> (snapshot.servicesIn(c.arn()).size() + 9) / 10).sum());
            assertThat(snapshot.stats().retries()).isZero();
        }
    }

    @Test
    void anIdleRefreshOnlyListsAndDescribesClustersAndServices() {
        try (EcsFleet fleet = newFleet()) {
            FleetSnapshot first = fleet.load(prod, FleetLoadListener.NONE);
            FleetSnapshot next = fleet.refresh(prod, first, FleetLoadListener.NONE);

            assertThat(next.stats().callsByOperation().keySet()).allMatch(op -> LIST_OPERATIONS.contains(op)
                    || op.equals(CallPlan.DESCRIBE_SERVICES) || op.equals(CallPlan.DESCRIBE_CLUSTERS));
            assertThat(next.stats().calls(CallPlan.LIST_TASKS)).as("nothing moved, so no task is listed").isZero();
            CallPlan minimum = CallPlanner.idleRefresh(FleetShape.of(first));
            assertThat(minimum.excessOf(next.stats())).isEmpty();
            assertThat(next.stats().kind()).isEqualTo(io.harbormaster.model.fleet.FleetStats.Kind.INCREMENTAL);
            assertThat(FleetDiff.between(first, next).isEmpty()).isTrue();
            assertThat(next.asOf()).isAfterOrEqualTo(first.asOf());
            assertThat(next.services()).isEqualTo(first.services());
            assertThat(next.tasks()).containsExactlyInAnyOrderElementsOf(first.tasks());
            assertThat(next.clusters()).isEqualTo(first.clusters());
        }
    }

    @Test
    void aRefreshDescribesOnlyTheTasksAndHostsThatMoved() {
        try (EcsFleet fleet = newFleet()) {
            FleetSnapshot first = fleet.load(prod, FleetLoadListener.NONE);
            Cluster internal = cluster(first, "internal");
            Task victim = first.tasksIn(internal.arn()).stream().filter(t -> t.serviceName().equals("grafana"))
                    .findFirst().orElseThrow();
            plainEcs().stopTask(r -> r.cluster(internal.arn()).task(victim.arn()).reason("test"));
            sandbox.clock().advance(Duration.ofMinutes(2));

            long mark = sandbox.control().requestMark();
            FleetSnapshot next = fleet.refresh(prod, first, FleetLoadListener.NONE);
            plainEcs().listClusters();

            // Every call of the refresh named it in its User-Agent, and nothing else did: what the sandbox
            // received under its name is exactly what it counted.
            assertThat(first.stats().caller()).startsWith("harbormaster-fleet-load/");
            assertThat(next.stats().caller()).startsWith("harbormaster-fleet-refresh/");
            Map<String, Long> counted = new java.util.TreeMap<>();
            next.stats().callsByOperation().forEach((op, n) -> counted.put((op.equals(CallPlan.DESCRIBE_TARGET_HEALTH)
                    ? "elasticloadbalancing." : "ecs.") + op, (long) n));
            assertThat(next.stats().retries()).isZero();
            assertThat(sandbox.control().requestsByOperation(mark, next.stats().caller())).isEqualTo(counted);
            FleetDiff diff = FleetDiff.between(first, next);
            assertThat(diff.stoppedTasks()).extracting(Task::arn).contains(victim.arn());
            assertThat(next.task(victim.arn())).isEmpty();
            assertThat(problemsBesidesUnservedElb(next)).isEmpty();
            // Only the internal cluster moved: its new tasks and the hosts they touched are described, nothing else.
            int started = (int) next.tasks().stream().filter(t -> first.task(t.arn()).isEmpty()).count();
            assertThat(started).isPositive();
            assertThat(next.stats().calls(CallPlan.LIST_TASKS)).as("only grafana's tasks are listed").isEqualTo(1);
            assertThat(next.stats().calls(CallPlan.DESCRIBE_TASKS)).isEqualTo(1);
            assertThat(next.stats().calls(CallPlan.DESCRIBE_CONTAINER_INSTANCES)).isEqualTo(1);
            assertThat(next.stats().calls(CallPlan.DESCRIBE_CLUSTERS)).isEqualTo(1);
            assertThat(next.stats().calls(CallPlan.DESCRIBE_TASK_DEFINITION)).isZero();
            Set<String> touched = new java.util.HashSet<>();
            touched.add(victim.containerInstanceArn());
            diff.startedTasks().forEach(t -> touched.add(t.containerInstanceArn()));
            assertThat(diff.changedHosts()).extracting(h -> h.arn()).isSubsetOf(touched);
            assertThat(next.cluster(internal.arn()).orElseThrow().runningTasks())
                    .isEqualTo(internal.runningTasks() - 1 + started);
        }
    }

    @Test
    void theServicesArriveBeforeTheHostsAndTasks() {
        try (EcsFleet fleet = newFleet()) {
            AtomicReference<List<Service>> early = new AtomicReference<>();
            AtomicReference<Map<String, TaskDefinition>> earlyDefinitions = new AtomicReference<>();
            List<FleetProgress> progress = new CopyOnWriteArrayList<>();
            FleetSnapshot snapshot = fleet.load(prod, new FleetLoadListener() {
                @Override
                public void progress(FleetProgress p) {
                    progress.add(p);
                }

                @Override
                public void servicesReady(List<Cluster> clusters, List<Service> services,
                        Map<String, TaskDefinition> definitions) {
                    early.set(services);
                    earlyDefinitions.set(definitions);
                }
            });

            assertThat(early.get()).containsExactlyInAnyOrderElementsOf(snapshot.services());
            assertThat(snapshot.taskDefinitions()).containsAllEntriesOf(earlyDefinitions.get());
            assertThat(progress).isNotEmpty();
            assertThat(progress.get(progress.size() - 1).stage()).isEqualTo("done");
            assertThat(progress).anyMatch(p -> p.clustersDone() == snapshot.clusters().size());
        }
    }

    @Test
    void eachServicesTaskDefinitionIsToldOnceAsItArrives() {
        try (EcsFleet fleet = newFleet()) {
            List<String> told = new CopyOnWriteArrayList<>();
            FleetSnapshot snapshot = fleet.load(prod, new FleetLoadListener() {
                @Override
                public void taskDefinitionDescribed(TaskDefinition definition) {
                    told.add(definition.arn());
                }
            });

            List<String> ofServices = snapshot.services().stream().flatMap(s -> s.taskDefinitionArns().stream())
                    .distinct().toList();
            assertThat(told).as("each once, with the ARN the services name").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(ofServices);
        }
    }

    @Test
    void eachClustersServiceNamesArriveBeforeAnyOfThemIsDescribedThenEachBatch() {
        try (EcsFleet fleet = newFleet()) {
            List<String> events = new CopyOnWriteArrayList<>();
            Map<String, List<String>> listed = new java.util.concurrent.ConcurrentHashMap<>();
            List<List<Service>> batches = new CopyOnWriteArrayList<>();
            AtomicReference<List<Cluster>> found = new AtomicReference<>();
            FleetSnapshot snapshot = fleet.load(prod, new FleetLoadListener() {
                @Override
                public void clustersFound(List<Cluster> clusters) {
                    events.add("found");
                    found.set(clusters);
                }

                @Override
                public void servicesListed(Cluster cluster, List<String> serviceArns) {
                    events.add("listed " + cluster.arn());
                    assertThat(listed.put(cluster.arn(), serviceArns)).as("listed once: %s", cluster.name()).isNull();
                }

                @Override
                public void servicesDescribed(Cluster cluster, List<Service> services) {
                    services.forEach(s -> events.add("described " + s.clusterArn()));
                    assertThat(services).allSatisfy(s -> assertThat(s.clusterArn()).isEqualTo(cluster.arn()));
                    batches.add(services);
                }

                @Override
                public void servicesReady(List<Cluster> clusters, List<Service> services,
                        Map<String, TaskDefinition> definitions) {
                    events.add("ready");
                }
            });

            assertThat(events.get(0)).isEqualTo("found");
            assertThat(found.get()).containsExactlyInAnyOrderElementsOf(snapshot.clusters());
            for (Cluster c : snapshot.clusters()) {
                assertThat(listed.get(c.arn())).as("listed ARNs of %s", c.name())
                        .containsExactlyInAnyOrderElementsOf(snapshot.servicesIn(c.arn()).stream().map(Service::arn)
                                .toList());
                if (!snapshot.servicesIn(c.arn()).isEmpty()) {
                    assertThat(events.indexOf("described " + c.arn())).as("%s described after it is listed",
                            c.name()).isGreaterThan(events.indexOf("listed " + c.arn()));
                }
            }
            assertThat(batches).allSatisfy(b -> assertThat(b).hasSizeBetween(1, CallPlanner.DESCRIBE_SERVICES_BATCH));
            assertThat(batches.stream().flatMap(List::stream).toList())
                    .containsExactlyInAnyOrderElementsOf(snapshot.services());
            int lastDescribed = 0;
            for (int i = 0; i < events.size(); i++) {
                lastDescribed = events.get(i).startsWith("described") ? i : lastDescribed;
            }
            assertThat(events.indexOf("ready")).as("services ready after the last batch").isGreaterThan(lastDescribed);
        }
    }

    @Test
    void everyBatchOfHostsAndOfTasksIsHeardAsItLandsSoHostsCanBeDrawnBeforeTheTasksAreIn() {
        try (EcsFleet fleet = newFleet()) {
            List<io.harbormaster.model.fleet.Host> hosts = new CopyOnWriteArrayList<>();
            List<Task> tasks = new CopyOnWriteArrayList<>();
            FleetSnapshot snapshot = fleet.load(prod, new FleetLoadListener() {
                @Override
                public void hostsDescribed(Cluster cluster, List<io.harbormaster.model.fleet.Host> batch) {
                    assertThat(batch).hasSizeBetween(1, CallPlanner.DESCRIBE_CONTAINER_INSTANCES_BATCH)
                            .allSatisfy(h -> assertThat(h.clusterArn()).isEqualTo(cluster.arn()));
                    hosts.addAll(batch);
                }

                @Override
                public void tasksDescribed(Cluster cluster, List<Task> batch) {
                    assertThat(batch).hasSizeBetween(1, CallPlanner.DESCRIBE_TASKS_BATCH)
                            .allSatisfy(t -> assertThat(t.clusterArn()).isEqualTo(cluster.arn()));
                    tasks.addAll(batch);
                }
            });

            assertThat(snapshot.hosts()).isNotEmpty();
            assertThat(hosts).containsExactlyInAnyOrderElementsOf(snapshot.hosts());
            assertThat(tasks.stream().map(Task::arn).toList())
                    .containsExactlyInAnyOrderElementsOf(snapshot.tasks().stream().map(Task::arn).toList());
        }
    }

    /**
     * The hosts draw the first picture: no ListTasks is sent until every DescribeContainerInstances is back, and the
     * cluster with the most hosts (the longest chain of ListContainerInstances pages) is listed first.
     */
    @Test
    void noTaskIsAskedForUntilEveryHostIsInAndTheClusterWithMostHostsGoesFirst() {
        sandbox.control().setServiceTime(Duration.ofMillis(10)); // calls long enough to overlap
        CallLog calls = CallLog.attach();
        try (EcsFleet fleet = newFleet(); EcsFleet oneWorker = new EcsFleet(sessions, clients, Clock.systemUTC(), 1)) {
            FleetSnapshot snapshot = fleet.load(prod, FleetLoadListener.NONE);

            long lastHostsEnded = calls.of("DescribeContainerInstances").stream().mapToLong(CallLog.Call::ended)
                    .max().orElseThrow();
            long firstTasksSent = calls.of("ListTasks").stream().mapToLong(CallLog.Call::sent).min().orElseThrow();
            assertThat(firstTasksSent).as("the first ListTasks sent after the last host batch is in")
                    .isGreaterThan(lastHostsEnded);
            assertThat(snapshot.tasks()).isNotEmpty();

            Cluster most = snapshot.clusters().stream()
                    .max(java.util.Comparator.comparingInt(Cluster::registeredInstances)).orElseThrow();
            assertThat(snapshot.clusters().get(0)).as("the clusters come by name: most hosts is not simply first")
                    .isNotEqualTo(most);
            List<String> heard = new CopyOnWriteArrayList<>();
            oneWorker.load(prod, new FleetLoadListener() {
                @Override
                public void hostsDescribed(Cluster cluster, List<io.harbormaster.model.fleet.Host> batch) {
                    heard.add(cluster.name());
                }
            });
            assertThat(heard.get(0)).as("one worker: the first hosts described").isEqualTo(most.name());
        } finally {
            calls.close();
            sandbox.control().setServiceTime(Duration.ZERO);
        }
    }

    @Test
    void aLoadFocusedOnAHostListsItsTasksByHostAndStillDescribesEveryTaskOnce() {
        sandbox.control().setServiceTime(Duration.ofMillis(30)); // a sweep long enough to be overtaken
        try (EcsFleet fleet = newFleet()) {
            FleetSnapshot plain = fleet.load(prod, FleetLoadListener.NONE);
            Map<String, Long> tasksByHost = plain.tasks().stream().collect(java.util.stream.Collectors.groupingBy(
                    Task::containerInstanceArn, java.util.stream.Collectors.counting()));
            String busiest = java.util.Collections.max(tasksByHost.entrySet(), Map.Entry.comparingByValue()).getKey();
            LoadFocus focus = LoadFocus.none();
            focus.lookAt(List.of(busiest));
            List<Task> heard = new CopyOnWriteArrayList<>();

            FleetSnapshot focused = fleet.load(prod, new FleetLoadListener() {
                @Override
                public void tasksDescribed(Cluster cluster, List<Task> batch) {
                    heard.addAll(batch);
                }
            }, focus);

            List<String> arns = focused.tasks().stream().map(Task::arn).toList();
            assertThat(arns).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(plain.tasks().stream().map(Task::arn).toList());
            assertThat(heard).extracting(Task::arn).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(arns);
            int hostPages = CallPlanner.pages(tasksByHost.get(busiest).intValue());
            assertThat(focused.stats().calls(CallPlan.LIST_TASKS)).as("the sweep's pages and the host's")
                    .isEqualTo(plain.stats().calls(CallPlan.LIST_TASKS) + hostPages);
            assertThat(focused.stats().calls(CallPlan.DESCRIBE_TASKS))
                    .isBetween(plain.stats().calls(CallPlan.DESCRIBE_TASKS), plain.stats().calls(CallPlan.DESCRIBE_TASKS) + 1);
            assertThat(focused.problems()).isEqualTo(plain.problems());
        } finally {
            sandbox.control().setServiceTime(Duration.ZERO);
        }
    }

    @Test
    void theServiceThatCannotBePlacedComesFirstWithTheReason() {
        try (EcsFleet fleet = newFleet()) {
            FleetSnapshot snapshot = fleet.load(prod, FleetLoadListener.NONE);

            List<Service> ordered = snapshot.services().stream().sorted(ServiceAttention.PROBLEMS_FIRST).toList();
            ServiceAttention first = ServiceAttention.of(ordered.get(0));
            assertThat(first.level()).isEqualTo(ServiceAttention.Level.UNPLACEABLE);
            assertThat(first.reason()).contains("unable to place");
            List<Service> unplaceable = ordered.stream()
                    .filter(s -> ServiceAttention.of(s).level() == ServiceAttention.Level.UNPLACEABLE).toList();
            assertThat(ordered.subList(0, unplaceable.size())).isEqualTo(unplaceable);
            assertThat(unplaceable).extracting(Service::name).contains("edge-cache", "redshift-loader");
        }
    }

    @Test
    void packingShowsStrandedCpuAndPortBlockedHosts() {
        try (EcsFleet fleet = newFleet()) {
            FleetSnapshot snapshot = fleet.load(prod, FleetLoadListener.NONE);
            FleetPacking packing = PackingAnalysis.of(snapshot, PackingRules.DEFAULT);

            Cluster warehouses = cluster(snapshot, "warehouses");
            assertThat(snapshot.hostsIn(warehouses.arn())).anySatisfy(h -> assertThat(
                    packing.host(h.arn()).orElseThrow().stranding()).isEqualTo(Stranding.CPU_WITHOUT_MEMORY));
            assertThat(packing.cluster(warehouses.arn()).orElseThrow().strandedCpu()).isPositive();

            Cluster cdn = cluster(snapshot, "cdn");
            Service edge = snapshot.servicesIn(cdn.arn()).stream().filter(s -> s.name().equals("edge-cache"))
                    .findFirst().orElseThrow();
            assertThat(snapshot.hostsOf(edge.arn())).hasSize(snapshot.hostsIn(cdn.arn()).size());
            assertThat(snapshot.hostsIn(cdn.arn())).allSatisfy(h -> assertThat(h.usedPorts().contains(80)).isTrue());
            assertThat(packing.cluster(cdn.arn()).orElseThrow().portBlockedHosts()).isPositive();
            for (Cluster c : snapshot.clusters()) {
                var p = packing.cluster(c.arn()).orElseThrow();
                assertThat(p.cpuReservedPercent()).isBetween(0.0, 100.0);
                assertThat(p.hosts()).isEqualTo(snapshot.hostsIn(c.arn()).size());
            }
        }
    }

    @Test
    void secretLookingEnvironmentVariablesAreMasked() {
        try (EcsFleet fleet = newFleet()) {
            FleetSnapshot snapshot = fleet.load(prod, FleetLoadListener.NONE);
            Service api = snapshot.services().stream().filter(s -> s.name().equals("api-blue")).findFirst()
                    .orElseThrow();
            TaskDefinition td = snapshot.taskDefinition(api.taskDefinitionArn()).orElseThrow();
            List<EnvironmentVariable> env = td.containers().get(0).environment();
            assertThat(env).filteredOn(v -> v.name().equals("DB_PASSWORD")).singleElement()
                    .satisfies(v -> assertThat(v.displayValue()).isEqualTo(SecretNames.MASK));
            assertThat(td.containers().get(0).imageTag()).isNotBlank();
            assertThat(api.placementStrategy()).isNotEmpty();
        }
    }

    @Test
    void aSecondLoadTakesTaskDefinitionsFromTheCache() {
        try (EcsFleet fleet = newFleet()) {
            FleetSnapshot first = fleet.load(prod, FleetLoadListener.NONE);
            FleetSnapshot second = fleet.load(prod, FleetLoadListener.NONE);
            assertThat(first.stats().calls(CallPlan.DESCRIBE_TASK_DEFINITION)).isPositive();
            assertThat(second.stats().calls(CallPlan.DESCRIBE_TASK_DEFINITION)).isZero();
            assertThat(second.taskDefinitions()).isEqualTo(first.taskDefinitions());
            TaskDefinition again = fleet.describeTaskDefinition(prod, first.services().get(0).taskDefinitionArn());
            assertThat(again).isEqualTo(first.taskDefinition(first.services().get(0).taskDefinitionArn()).get());
        }
    }

    @Test
    void theShapeOfTheLoadMatchesTheCounts() {
        try (EcsFleet fleet = newFleet()) {
            FleetSnapshot snapshot = fleet.load(prod, FleetLoadListener.NONE);
            FleetShape shape = FleetShape.of(snapshot);
            assertThat(shape.clusters()).extracting(ClusterShape::services).containsExactlyElementsOf(
                    snapshot.clusters().stream().map(c -> snapshot.servicesIn(c.arn()).size()).toList());
            Map<String, Integer> byOp = new HashMap<>(snapshot.stats().callsByOperation());
            assertThat(byOp.get(CallPlan.LIST_CLUSTERS)).isEqualTo(1);
        }
    }

    /** Whether the sandbox answered DescribeTargetHealth (ELBv2 is being added to it while this is written). */
    private static boolean elbServed(FleetSnapshot snapshot) {
        return snapshot.problems().stream().noneMatch(EcsFleetTest::elbUnserved);
    }

    private static boolean elbUnserved(FleetProblem p) {
        return p.missing().equals("target health") && p.problem().details().contains("InvalidAction");
    }

    private static List<FleetProblem> problemsBesidesUnservedElb(FleetSnapshot snapshot) {
        return snapshot.problems().stream().filter(p -> !elbUnserved(p)).toList();
    }

    private static Cluster cluster(FleetSnapshot snapshot, String name) {
        return snapshot.clusters().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
