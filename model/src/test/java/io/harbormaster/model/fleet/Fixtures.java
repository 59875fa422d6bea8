package io.harbormaster.model.fleet;

import io.harbormaster.model.testdata.FleetSnapshotBuilder;
import io.harbormaster.model.testdata.ServiceBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small fleets for tests: one line per record. */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    public static final String CLUSTER = "arn:aws:ecs:us-east-1:111111111111:cluster/main";

    private Fixtures() {
    }

    public static Cluster cluster(String arn) {
        return new Cluster(arn, Arns.name(arn), "ACTIVE", 0, 0, 0, 0);
    }

    public static String td(String family, int revision) {
        return "arn:aws:ecs:us-east-1:111111111111:task-definition/" + family + ":" + revision;
    }

    public static Service service(String name, int desired, int running, int pending, List<Deployment> deployments,
            List<ServiceEvent> events) {
        return ServiceBuilder.aService(name).cluster(CLUSTER).counts(desired, running, pending)
                .deployments(deployments).events(events).createdAt(T0).build();
    }

    public static Service service(String name) {
        return service(name, 2, 2, 0, List.of(deployment("ecs-svc/1", "PRIMARY", "COMPLETED", 2, 2, 0)), List.of());
    }

    public static Deployment deployment(String id, String status, String rollout, int desired, int running,
            int pending) {
        return new Deployment(id, status, rollout, "", td("web", 1), desired, running, pending, 0, T0, T0);
    }

    public static ServiceEvent event(String id, int minute, String message) {
        return new ServiceEvent(id, T0.plusSeconds(60L * minute), message);
    }

    public static Host host(String id, int cpu, int memory, int remainingCpu, int remainingMemory, PortSet used) {
        return new Host("arn:aws:ecs:us-east-1:111111111111:container-instance/main/" + id, CLUSTER, "i-" + id,
                "c5.xlarge", "us-east-1a", "ACTIVE", true, cpu, memory, remainingCpu, remainingMemory,
                PortSet.of(22, 2375), used, 0, 0);
    }

    public static Task task(String id, String service, String hostArn, String status) {
        return new Task("arn:aws:ecs:us-east-1:111111111111:task/main/" + id, CLUSTER, "service:" + service, hostArn,
                td(service, 1), status, "RUNNING", 256, 512, PortSet.EMPTY, T0, null, null);
    }

    public static FleetSnapshot snapshot(List<Service> services, List<Host> hosts, List<Task> tasks,
            Map<String, TaskDefinition> definitions) {
        return FleetSnapshotBuilder.aSnapshot().environment("prod").asOf(T0).clusters(cluster(CLUSTER))
                .services(services).hosts(hosts).tasks(tasks).taskDefinitions(definitions).build();
    }
}
