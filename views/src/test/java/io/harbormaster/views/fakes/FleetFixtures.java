package io.harbormaster.views.fakes;

import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.ContainerDefinition;
import io.harbormaster.model.fleet.Deployment;
import io.harbormaster.model.fleet.EnvironmentVariable;
import io.harbormaster.model.fleet.FleetProblem;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.FleetStats;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.PlacementStrategy;
import io.harbormaster.model.fleet.PortMapping;
import io.harbormaster.model.fleet.PortSet;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.ServiceEvent;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.fleet.TaskDefinition;
import io.harbormaster.model.testdata.FleetSnapshotBuilder;
import io.harbormaster.model.testdata.ServiceBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small fleet: cluster "web" with hosts h1 (us-east-1a) and h2 (us-east-1b); services "api" (two tasks, on h1
 * and h2), "worker" (one task on h1) and "edge" (static port 80, a task that cannot be placed).
 */
public final class FleetFixtures {

    public static final String ACCOUNT = "arn:aws:ecs:eu-west-1:222222222222:";
    public static final String CLUSTER = ACCOUNT + "cluster/web";
    public static final String H1 = ACCOUNT + "container-instance/web/h1";
    public static final String H2 = ACCOUNT + "container-instance/web/h2";
    public static final String API = ACCOUNT + "service/web/api";
    public static final String WORKER = ACCOUNT + "service/web/worker";
    public static final String EDGE = ACCOUNT + "service/web/edge";
    public static final String UNPLACEABLE = "(service edge) was unable to place a task because no container instance "
            + "met all of its requirements. The closest matching container-instance h2 is already using a port "
            + "required by your task.";

    private FleetFixtures() {
    }

    public static FleetSnapshot snapshot(String environmentId, Instant asOf) {
        return snapshot(environmentId, asOf, List.of());
    }

    public static FleetSnapshot snapshot(String environmentId, Instant asOf, List<FleetProblem> problems) {
        return snapshot(environmentId, asOf, problems, Cluster.INSIGHTS_ENHANCED);
    }

    /** The same fleet in a cluster whose containerInsights setting is {@code insights} ("disabled", "enabled"…). */
    public static FleetSnapshot snapshot(String environmentId, Instant asOf, String insights) {
        return snapshot(environmentId, asOf, List.of(), insights);
    }

    private static FleetSnapshot snapshot(String environmentId, Instant asOf, List<FleetProblem> problems,
            String insights) {
        Cluster cluster = new Cluster(CLUSTER, "web", "ACTIVE", 2, 3, 4, 0, insights);
        TaskDefinition api = td("api", 7, "registry/api:1.4.2", 256, 512, 0,
                List.of(new EnvironmentVariable("DB_PASSWORD", "hunter2"), new EnvironmentVariable("LOG_LEVEL", "info")));
        TaskDefinition worker = td("worker", 3, "registry/worker:2.0.0", 512, 1024, 0, List.of());
        TaskDefinition edge = td("edge", 1, "registry/edge:4.2.0", 1024, 1024, 80, List.of());
        List<Service> services = List.of(
                service("api", api, 2, 2, 0, List.of(new ServiceEvent("e1", asOf.minusSeconds(60),
                        "(service api) has reached a steady state."))),
                service("worker", worker, 1, 1, 0, List.of()),
                service("edge", edge, 3, 2, 0, List.of(new ServiceEvent("e3", asOf.minusSeconds(30), UNPLACEABLE))));
        List<Host> hosts = List.of(
                new Host(H1, CLUSTER, "i-0001", "m5.large", "us-east-1a", "ACTIVE", true, 2048, 8192,
                        2048 - 256 - 512 - 1024, 8192 - 512 - 1024 - 1024, PortSet.of(22), PortSet.of(22, 80), 3, 0),
                new Host(H2, CLUSTER, "i-0002", "m5.large", "us-east-1b", "ACTIVE", true, 2048, 8192,
                        2048 - 256 - 1024, 8192 - 512 - 1024, PortSet.of(22), PortSet.of(22, 80), 2, 0));
        List<Task> tasks = new ArrayList<>();
        tasks.add(task("t1", "api", H1, api, 256, 512, PortSet.EMPTY));
        tasks.add(task("t2", "api", H2, api, 256, 512, PortSet.EMPTY));
        tasks.add(task("t3", "worker", H1, worker, 512, 1024, PortSet.EMPTY));
        tasks.add(task("t4", "edge", H1, edge, 1024, 1024, PortSet.of(80)));
        tasks.add(task("t5", "edge", H2, edge, 1024, 1024, PortSet.of(80)));
        return FleetSnapshotBuilder.aSnapshot().environment(environmentId).region("eu-west-1").asOf(asOf)
                .clusters(cluster).services(services).hosts(hosts).tasks(tasks)
                .taskDefinitions(Map.of(api.arn(), api, worker.arn(), worker, edge.arn(), edge)).problems(problems)
                .stats(new FleetStats(FleetStats.Kind.FULL, Map.of("ListClusters", 1), 0, 0, java.time.Duration.ZERO))
                .build();
    }

    public static FleetProblem denied(String what) {
        return new FleetProblem(CLUSTER, what, new Problem(Problem.Kind.ACCESS_DENIED, "Access denied",
                "not allowed", "", ""));
    }

    static TaskDefinition td(String family, int revision, String image, int cpu, int memory, int hostPort,
            List<EnvironmentVariable> environment) {
        ContainerDefinition c = new ContainerDefinition(family, image, cpu, memory, 0,
                List.of(new PortMapping(8080, hostPort, "tcp")), environment);
        return new TaskDefinition(ACCOUNT + "task-definition/" + family + ":" + revision, family, revision, 0, 0,
                "bridge", List.of(c));
    }

    static Service service(String name, TaskDefinition td, int desired, int running, int pending,
            List<ServiceEvent> events) {
        Deployment primary = new Deployment("ecs-svc/" + name, "PRIMARY", "COMPLETED", "", td.arn(), desired, running,
                pending, 0, null, null);
        return ServiceBuilder.aService(name).arn(ACCOUNT + "service/web/" + name).cluster(CLUSTER)
                .counts(desired, running, pending).taskDefinition(td.arn()).deployments(primary).events(events)
                .placementStrategy(new PlacementStrategy("spread", "instanceId")).build();
    }

    static Task task(String id, String service, String host, TaskDefinition td, int cpu, int memory, PortSet ports) {
        return new Task(ACCOUNT + "task/web/" + id, CLUSTER, "service:" + service, host, td.arn(), "RUNNING",
                "RUNNING", cpu, memory, ports, Instant.parse("2026-11-22T10:00:00Z"), null, null);
    }
}
