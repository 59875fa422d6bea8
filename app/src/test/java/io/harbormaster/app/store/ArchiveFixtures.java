package io.harbormaster.app.store;

import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.ContainerDefinition;
import io.harbormaster.model.fleet.Deployment;
import io.harbormaster.model.fleet.EnvironmentVariable;
import io.harbormaster.model.fleet.FleetProblem;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.FleetStats;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.LoadBalancerTarget;
import io.harbormaster.model.fleet.PlacementConstraint;
import io.harbormaster.model.fleet.PlacementStrategy;
import io.harbormaster.model.fleet.PortMapping;
import io.harbormaster.model.fleet.PortSet;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.ServiceEvent;
import io.harbormaster.model.fleet.TargetHealth;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.fleet.TaskDefinition;
import io.harbormaster.model.testdata.FleetSnapshotBuilder;
import io.harbormaster.model.testdata.ServiceBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fleets with every field set, for the archive's tests and its size measurement. */
final class ArchiveFixtures {

    static final Instant T0 = Instant.parse("2026-11-22T10:15:30.123Z");
    static final String SECRET_VALUE = "pa55-w0rd-that-must-never-be-stored";
    static final String ACCOUNT = "444444444444";

    private ArchiveFixtures() {
    }

    static String clusterArn(String region, int c) {
        return "arn:aws:ecs:" + region + ":" + ACCOUNT + ":cluster/cluster-" + c;
    }

    static String tdArn(String region, String family, int revision) {
        return "arn:aws:ecs:" + region + ":" + ACCOUNT + ":task-definition/" + family + ":" + revision;
    }

    static String tgArn(String region, int i) {
        return "arn:aws:elasticloadbalancing:" + region + ":" + ACCOUNT + ":targetgroup/tg-" + i + "/0123456789abcdef";
    }

    /**
     * A fleet of {@code services} services over {@code clusters} clusters, each service with a primary and an active
     * deployment (two task definitions each), {@code events} events newest first, placement, a target group with two
     * targets; one cluster problem; hosts and tasks; and a task definition used only by a standalone task.
     */
    static FleetSnapshot fleet(String environmentId, String region, int clusters, int services, int events) {
        return fleet(environmentId, region, clusters, services, events, true);
    }

    /** @param rollingOut whether every service is mid-deployment (two task definitions each) or settled (one) */
    static FleetSnapshot fleet(String environmentId, String region, int clusters, int services, int events,
            boolean rollingOut) {
        List<Cluster> clusterList = new ArrayList<>();
        for (int c = 0; c < clusters; c++) {
            clusterList.add(new Cluster(clusterArn(region, c), "cluster-" + c, "ACTIVE", 40 + c, services / clusters,
                    120 + c, c % 3));
        }
        List<Service> serviceList = new ArrayList<>();
        Map<String, TaskDefinition> definitions = new LinkedHashMap<>();
        Map<String, List<TargetHealth>> health = new LinkedHashMap<>();
        for (int i = 0; i < services; i++) {
            String cluster = clusterArn(region, i % clusters);
            String name = "svc-" + i;
            String current = tdArn(region, name, 7);
            String previous = tdArn(region, name, 6);
            definitions.put(current, taskDefinition(current, name, 7, i));
            if (rollingOut) {
                definitions.put(previous, taskDefinition(previous, name, 6, i));
            }
            String tg = tgArn(region, i);
            health.put(tg, List.of(
                    new TargetHealth(tg, "i-0abc" + i, 32768 + i % 1000, "healthy", "", ""),
                    new TargetHealth(tg, "10.0." + i % 250 + ".7", 8080, "unhealthy", "Target.FailedHealthChecks",
                            "Health checks failed with these codes: [502]")));
            serviceList.add(ServiceBuilder.aService(name)
                    .arn("arn:aws:ecs:" + region + ":" + ACCOUNT + ":service/cluster-" + i % clusters + "/" + name)
                    .cluster(cluster).counts(4, 3, 1).launchType(i % 2 == 0 ? "EC2" : "").taskDefinition(current)
                    .deployments(rollingOut ? List.of(new Deployment("ecs-svc/" + (9000000000000000000L + i), "PRIMARY",
                                    "IN_PROGRESS", "ECS deployment ecs-svc/" + i + " in progress.", current, 4, 3, 1,
                                    0, T0.minusSeconds(600), T0.minusSeconds(30)),
                            new Deployment("ecs-svc/" + (8000000000000000000L + i), "ACTIVE", "COMPLETED", null,
                                    previous, 0, 0, 0, 2, T0.minusSeconds(86_400), null))
                            : List.of(new Deployment("ecs-svc/" + (9000000000000000000L + i), "PRIMARY",
                                    "COMPLETED", "ECS deployment ecs-svc/" + i + " completed.", current, 4, 4, 0, 0,
                                    T0.minusSeconds(86_400), T0.minusSeconds(86_000))))
                    .events(events(name, events))
                    .placementStrategy(new PlacementStrategy("spread", "attribute:ecs.availability-zone"),
                            new PlacementStrategy("binpack", "memory"), new PlacementStrategy("random", null))
                    .placementConstraints(new PlacementConstraint("distinctInstance", null),
                            new PlacementConstraint("memberOf", "attribute:ecs.instance-type =~ m5.*"))
                    .loadBalancers(new LoadBalancerTarget(tg, null, name, 8080),
                            new LoadBalancerTarget(null, "classic-" + i, name, 80))
                    .createdAt(i % 5 == 0 ? null : T0.minus(Duration.ofDays(30 + i % 100)))
                    .build());
        }
        health.put(tgArn(region, 999_999), List.of()); // a target group with nothing registered
        String standalone = tdArn(region, "one-off-migration", 1);
        definitions.put(standalone, taskDefinition(standalone, "one-off-migration", 1, 0));
        List<Host> hosts = List.of(new Host("arn:aws:ecs:" + region + ":" + ACCOUNT + ":container-instance/h1",
                clusterArn(region, 0), "i-0h1", "m5.large", region + "a", "ACTIVE", true, 2048, 7680, 1024, 3000,
                PortSet.of(List.of(22, 2375)), PortSet.EMPTY, 1, 0));
        List<Task> tasks = List.of(new Task("arn:aws:ecs:" + region + ":" + ACCOUNT + ":task/cluster-0/t1",
                clusterArn(region, 0), "family:one-off-migration", hosts.get(0).arn(), standalone, "RUNNING",
                "RUNNING", 256, 512, PortSet.EMPTY, T0.minusSeconds(5), null, ""));
        List<FleetProblem> problems = List.of(new FleetProblem(clusterArn(region, clusters - 1),
                "tasks of cluster cluster-" + (clusters - 1), new Problem(Problem.Kind.THROTTLED, "ECS is throttling",
                        "ListTasks was throttled 5 times in " + region, "Wait a minute and refresh (F5).",
                        "ThrottlingException: Rate exceeded (Service: Ecs, Status Code: 400, Request ID: abc)")));
        FleetStats stats = new FleetStats(FleetStats.Kind.FULL,
                Map.of("DescribeServices", services / 10, "ListServices", services / 100 + 1), 3, 2,
                Duration.ofNanos(6_612_345_678L));
        return FleetSnapshotBuilder.aSnapshot().environment(environmentId).region(region).asOf(T0)
                .clusters(clusterList).services(serviceList).hosts(hosts).tasks(tasks).taskDefinitions(definitions)
                .targetHealth(health).problems(problems).stats(stats).build();
    }

    static TaskDefinition taskDefinition(String arn, String family, int revision, int i) {
        return new TaskDefinition(arn, family, revision, i % 2 == 0 ? 512 : 0, i % 2 == 0 ? 1024 : 0,
                i % 3 == 0 ? "awsvpc" : "bridge", List.of(
                        new ContainerDefinition(family, "123456789012.dkr.ecr.us-east-1.amazonaws.com/" + family
                                + ":1." + revision + "." + i, 256, 512, 384,
                                List.of(new PortMapping(8080, 0, "tcp"), new PortMapping(9090, 9090, "udp")),
                                List.of(new EnvironmentVariable("DB_PASSWORD", SECRET_VALUE),
                                        new EnvironmentVariable("apiKey", SECRET_VALUE + "-key"),
                                        new EnvironmentVariable("LOG_LEVEL", "info"),
                                        new EnvironmentVariable("EMPTY_TOKEN", ""),
                                        new EnvironmentVariable("JAVA_OPTS", "-Xmx384m -XX:+UseG1GC"))),
                        new ContainerDefinition("log-router", "amazon/aws-for-fluent-bit:2.32.0", 0, 0, 64,
                                List.of(), List.of())));
    }

    /** Newest first, a minute apart, ending at T0; the shapes of message ECS writes. */
    static List<ServiceEvent> events(String service, int count) {
        List<ServiceEvent> events = new ArrayList<>(count);
        for (int e = 0; e < count; e++) {
            String message = switch (e % 4) {
                case 0 -> "(service " + service + ") has reached a steady state.";
                case 1 -> "(service " + service + ") has started 1 tasks: (task 0f" + e + "a1b2c3d4e5f6).";
                case 2 -> "(service " + service + ") registered 1 targets in (target-group " + service + ")";
                default -> "(service " + service + ") was unable to place a task because no container instance met"
                        + " all of its requirements. Reason: No Container Instances were found in your cluster.";
            };
            events.add(new ServiceEvent(String.format("%08x-1b2c-4d5e-8f90-%012d", e, service.hashCode() & 0xffff),
                    T0.minusSeconds(60L * e), message));
        }
        return events;
    }
}
