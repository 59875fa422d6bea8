package io.harbormaster.sandbox.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbormaster.sandbox.Fault;
import io.harbormaster.sandbox.core.JsonService;
import io.harbormaster.sandbox.core.RunningClock;
import io.harbormaster.sandbox.core.World;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scheduler on a hand-driven clock, without HTTP: placement rules, strategies, failures, deployments. */
class SchedulerTest {

    RunningClock clock;
    World world;
    Ecs ecs;
    EcsRegion region;
    Cluster cluster;

    @BeforeEach
    void setUp() {
        clock = new RunningClock(Instant.parse("2026-03-02T15:00:00Z"), 0, System::nanoTime);
        world = new World(clock, 7);
        clock.onAdvance(t -> world.locked(() -> world.timeline().runDue(t)));
        ecs = new Ecs(world, new ImageFaults());
        region = ecs.region("444444444444", "us-east-1");
        cluster = ecs.createCluster(region, "test", clock.now());
    }

    ContainerInstance instance(String type, String zone) {
        return ecs.registerInstance(cluster, InstanceType.of(type), zone, clock.now());
    }

    TaskDefinition definition(String family, String image, int cpu, int memory, int hostPort) {
        ObjectNode r = JsonService.object().put("family", family);
        ObjectNode c = r.putArray("containerDefinitions").addObject().put("name", family).put("image", image)
                .put("cpu", cpu).put("memory", memory);
        if (hostPort >= 0) {
            c.putArray("portMappings").addObject().put("containerPort", 8080).put("hostPort", hostPort);
        }
        return ecs.registerTaskDefinition(region, r, clock.now(), "test");
    }

    Service service(String name, TaskDefinition td, int desired, List<PlacementStrategy> strategy,
                    List<PlacementConstraint> constraints) {
        Service s = ecs.createService(cluster, name, td, desired, clock.now(), "test");
        s.placementStrategy = strategy;
        s.placementConstraints = constraints;
        ecs.scheduler().requestReconcile(s);
        return s;
    }

    void advance(Duration d) {
        clock.advance(d);
    }

    @Test
    void aBulkLoadIndexesItsTasksByClusterAndInstanceWhenItEnds() {
        for (int i = 0; i < 4; i++) {
            instance("m5.4xlarge", "us-east-1" + (char) ('a' + i % 2));
        }
        TaskDefinition td = definition("web", "web:1", 128, 256, 0);
        ServiceSpec spec = new ServiceSpec("web", td, 40, List.of(), List.of(), List.of(), 100, 200, false, false);
        Service[] created = new Service[1];
        ecs.bulkLoad(() -> {
            created[0] = ecs.createRunningService(cluster, spec, clock.now().minus(Duration.ofDays(3)), "test");
            assertThat(created[0].tasks).as("the service's own map is kept at once").hasSize(40);
            assertThat(cluster.tasks).as("indexed when the load ends").isEmpty();
        });
        Service s = created[0];
        assertThat(cluster.tasks.keySet()).containsExactlyElementsOf(s.tasks.keySet());
        assertThat(cluster.tasks.values()).allSatisfy(t -> assertThat(t.instance.tasks).containsEntry(t.id, t));
        assertThat(cluster.instances.stream().mapToInt(ci -> ci.tasks.size()).sum()).isEqualTo(40);
        assertThat(EcsJson.service(s).get("runningCount").asInt()).isEqualTo(40);

        // Outside a bulk load, tasks are indexed as they start.
        s.desiredCount = 41;
        ecs.scheduler().requestReconcile(s);
        advance(Duration.ofSeconds(1));
        assertThat(cluster.tasks).hasSize(41);
    }

    @Test
    void staticHostPortNeverRunsTwiceOnOneHost() {
        for (int i = 0; i < 3; i++) {
            instance("c5.4xlarge", "us-east-1a");
        }
        Service s = service("edge", definition("edge", "edge:1", 256, 512, 80), 5, List.of(), List.of());
        advance(Duration.ofMinutes(1));
        Map<ContainerInstance, Long> perHost = s.tasks.values().stream()
                .collect(Collectors.groupingBy(t -> t.instance, Collectors.counting()));
        assertThat(perHost).hasSize(3).allSatisfy((ci, n) -> assertThat(n).isEqualTo(1));
        assertThat(s.events.peekFirst().message()).isEqualTo("(service edge) was unable to place a task because no "
                + "container instance met all of its requirements. The closest matching (container-instance "
                + perHost.keySet().stream().filter(ci -> ci.index == 0).findFirst().orElseThrow().id
                + ") is already using a port required by your task. For more information, see the Troubleshooting section.");
        assertThat(EcsJson.service(s).get("pendingCount").asInt()).isZero();
        assertThat(EcsJson.service(s).get("runningCount").asInt()).isEqualTo(3);
    }

    @Test
    void binpackFillsTheFullestInstanceThatFits() {
        ContainerInstance roomy = instance("m5.4xlarge", "us-east-1a");
        ContainerInstance fuller = instance("m5.4xlarge", "us-east-1b");
        ContainerInstance tooFull = instance("m5.4xlarge", "us-east-1c");
        fuller.usedMemory = 40_000;
        tooFull.usedMemory = 62_000;
        Service s = service("packed", definition("packed", "packed:1", 256, 2048, 0),
                4, List.of(new PlacementStrategy("binpack", "memory")), List.of());
        advance(Duration.ofSeconds(1));
        assertThat(s.tasks.values()).allSatisfy(t -> assertThat(t.instance).isSameAs(fuller));
        assertThat(roomy.tasks).isEmpty();
        assertThat(tooFull.tasks).isEmpty();
    }

    @Test
    void spreadBalancesAvailabilityZonesThenInstances() {
        for (String zone : List.of("us-east-1a", "us-east-1a", "us-east-1b", "us-east-1b", "us-east-1c", "us-east-1c")) {
            instance("c5.2xlarge", zone);
        }
        Service s = service("spread", definition("spread", "spread:1", 256, 512, 0), 9,
                List.of(new PlacementStrategy("spread", "attribute:ecs.availability-zone"),
                        new PlacementStrategy("spread", "instanceId")), List.of());
        advance(Duration.ofSeconds(1));
        assertThat(s.perZone).containsOnly(Map.entry("us-east-1a", 3), Map.entry("us-east-1b", 3), Map.entry("us-east-1c", 3));
        assertThat(cluster.instances).allSatisfy(ci -> assertThat(s.onInstance(ci)).isBetween(1, 2));
    }

    @Test
    void memberOfAndDistinctInstanceConstrainPlacement() {
        instance("c5.2xlarge", "us-east-1a");
        instance("c5.2xlarge", "us-east-1b");
        instance("m5.2xlarge", "us-east-1c");
        instance("t3.medium", "us-east-1a");
        Service s = service("c5only", definition("c5only", "c5only:1", 256, 512, 0), 4, List.of(),
                List.of(new PlacementConstraint("memberOf", "attribute:ecs.instance-type =~ c5.*"),
                        new PlacementConstraint("distinctInstance", null)));
        advance(Duration.ofSeconds(1));
        assertThat(s.tasks.values()).hasSize(2).allSatisfy(t -> assertThat(t.instance.type.name()).startsWith("c5."));
        assertThat(s.events.peekFirst().message()).contains("DistinctInstance placement constraint unsatisfied");
    }

    @Test
    void oversizedTaskCannotBePlacedAndSaysWhy() {
        instance("c5.4xlarge", "us-east-1a");
        ContainerInstance big = instance("r5.2xlarge", "us-east-1b");
        Service s = service("huge", definition("huge", "huge:1", 1024, 70_000, -1), 1, List.of(), List.of());
        advance(Duration.ofMinutes(5));
        assertThat(s.tasks).isEmpty();
        assertThat(s.events).hasSize(1);
        assertThat(s.events.peekFirst().message()).contains("The closest matching (container-instance " + big.id
                + ") has insufficient memory available.");
        // Retries every minute, but the duplicate message is not repeated.
        assertThat(world.timeline().pending()).isPositive();
    }

    @Test
    void rollingDeploymentKeepsMinimumHealthyAndReachesSteadyState() {
        for (int i = 0; i < 4; i++) {
            instance("c5.2xlarge", List.of("us-east-1a", "us-east-1b", "us-east-1c").get(i % 3));
        }
        TaskDefinition v1 = definition("web", "registry.example.com/web:1.0.0", 512, 1024, 0);
        Service s = service("web", v1, 6, List.of(), List.of());
        s.minimumHealthyPercent = 50;
        s.maximumPercent = 150;
        advance(Duration.ofMinutes(2));
        assertThat(s.steady).isTrue();
        assertThat(s.events.peekFirst().message()).isEqualTo("(service web) has reached a steady state.");
        assertThat(s.primary().rolloutState).isEqualTo(Deployment.COMPLETED);

        Deployment d1 = s.primary();
        s.taskDefinition = definition("web", "registry.example.com/web:1.1.0", 512, 1024, 0);
        Deployment d2 = ecs.scheduler().newDeployment(s);
        assertThat(s.deployments).hasSize(2);
        assertThat(s.deployments.get(1).status).isEqualTo(Deployment.ACTIVE);
        for (int i = 0; i < 60 && s.deployments.size() > 1; i++) {
            advance(Duration.ofSeconds(5));
            long healthy = s.tasks.values().stream().filter(Task::healthy).count();
            assertThat(healthy).isGreaterThanOrEqualTo(3);
            assertThat(s.tasks.size()).isLessThanOrEqualTo(9);
        }
        advance(Duration.ofMinutes(1));
        assertThat(s.deployments).containsExactly(d2);
        assertThat(d2.rolloutState).isEqualTo(Deployment.COMPLETED);
        assertThat(s.tasks.values()).hasSize(6).allSatisfy(t -> assertThat(t.taskDefinition).isSameAs(s.taskDefinition));
        assertThat(s.events.stream().map(ServiceEvent::message).toList())
                .startsWith("(service web) has reached a steady state.", "(service web) (deployment " + d2.id + ") deployment completed.");
        // AWS's words for a task a deployment replaced: its own deployment's scaling activity, by the scheduler
        assertThat(cluster.tasks.values().stream().filter(t -> t.deployment == d1)).isNotEmpty().allSatisfy(t -> {
            assertThat(t.stoppedReason).isEqualTo("Scaling activity initiated by (deployment " + d1.id + ")");
            assertThat(t.stoppedReason).contains(t.startedBy);
            assertThat(t.stopCode).isEqualTo("ServiceSchedulerInitiated");
        });
    }

    @Test
    void faultyImageTripsTheCircuitBreakerAndRollsBack() {
        for (int i = 0; i < 3; i++) {
            instance("c5.2xlarge", "us-east-1a");
        }
        TaskDefinition v1 = definition("api", "registry.example.com/api:1.0.0", 256, 512, 0);
        Service s = service("api", v1, 4, List.of(), List.of());
        s.circuitBreaker = true;
        s.rollback = true;
        advance(Duration.ofMinutes(2));
        assertThat(s.steady).isTrue();

        s.taskDefinition = definition("api", "registry.example.com/api:1.1.0-faulty", 256, 512, 0);
        Deployment bad = ecs.scheduler().newDeployment(s);
        advance(Duration.ofMinutes(10));
        assertThat(bad.rolloutState).isEqualTo(Deployment.FAILED);
        assertThat(bad.failedTasks).isGreaterThanOrEqualTo(Scheduler.failureThreshold(4));
        assertThat(s.taskDefinition).isSameAs(v1);
        assertThat(s.deployments).hasSize(1);
        assertThat(s.primary().rolloutState).isEqualTo(Deployment.COMPLETED);
        assertThat(s.events.stream().map(ServiceEvent::message))
                .anyMatch(m -> m.equals("(service api) (deployment " + bad.id + ") deployment failed: tasks failed to start."));
        assertThat(cluster.tasks.values()).anySatisfy(t -> {
            assertThat(t.stoppedReason).isEqualTo("Task failed container health checks");
            assertThat(t.stopCode).isEqualTo("ServiceSchedulerInitiated");
            assertThat(t.lastStatus).isEqualTo("STOPPED");
        });
    }

    @Test
    void crashingImageWithoutBreakerKeepsBeingReplaced() {
        instance("c5.2xlarge", "us-east-1a");
        ecs.faults().set("worker:2", Fault.CRASH_ON_START);
        Service s = service("worker", definition("worker", "worker:2", 256, 512, -1), 2, List.of(), List.of());
        advance(Duration.ofMinutes(3));
        assertThat(s.primary().rolloutState).isEqualTo(Deployment.IN_PROGRESS);
        assertThat(s.primary().failedTasks).isGreaterThan(4);
        assertThat(cluster.tasks.values().stream().filter(t -> "STOPPED".equals(t.lastStatus)))
                .allSatisfy(t -> assertThat(t.stoppedReason).isEqualTo("Essential container in task exited"))
                .allSatisfy(t -> assertThat(t.stopCode).isEqualTo("EssentialContainerExited"));
        Task exited = cluster.tasks.values().stream().filter(t -> "STOPPED".equals(t.lastStatus)).findFirst()
                .orElseThrow();
        ecs.scheduler().stop(exited, "stuck", "UserInitiated");
        assertThat(exited.stopCode + ": " + exited.stoppedReason).as("a StopTask after ECS stopped it changes"
                + " nothing").isEqualTo("EssentialContainerExited: Essential container in task exited");
        ecs.faults().set("worker:2", Fault.NONE);
        advance(Duration.ofMinutes(2));
        assertThat(s.steady).isTrue();
    }

    @Test
    void scaleInStopsTasksAndDrainsThem() {
        for (int i = 0; i < 2; i++) {
            instance("c5.2xlarge", i == 0 ? "us-east-1a" : "us-east-1b");
        }
        Service s = service("svc", definition("svc", "svc:1", 256, 512, 0), 6, List.of(), List.of());
        advance(Duration.ofMinutes(1));
        s.desiredCount = 2;
        s.steady = false;
        ecs.scheduler().requestReconcile(s);
        advance(Duration.ofSeconds(1));
        assertThat(s.tasks.values().stream().filter(Task::live)).hasSize(2);
        assertThat(s.tasks.values().stream().filter(t -> !t.live())).hasSize(4)
                .allSatisfy(t -> assertThat(t.lastStatus).isEqualTo("STOPPING"))
                .allSatisfy(t -> assertThat(t.stopCode).isEqualTo("ServiceSchedulerInitiated"))
                .allSatisfy(t -> assertThat(t.stoppedReason).startsWith("Scaling activity initiated by (deployment"));
        Task draining = s.tasks.values().stream().filter(t -> !t.live()).findFirst().orElseThrow();
        ecs.scheduler().stop(draining, "stuck", "UserInitiated");
        assertThat(draining.stopCode).as("the first stop's code stays while it drains")
                .isEqualTo("ServiceSchedulerInitiated");
        advance(Duration.ofSeconds(10));
        assertThat(s.tasks).hasSize(2);
        assertThat(cluster.tasks.values().stream().filter(t -> "STOPPED".equals(t.lastStatus))).hasSize(4);
        advance(Duration.ofHours(1));
        assertThat(cluster.tasks).hasSize(2);
    }
}
