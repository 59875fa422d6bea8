package io.harbormaster.model.testdata;

import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.FleetProblem;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.FleetStats;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.TargetHealth;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.fleet.TaskDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A {@link FleetSnapshot} for a test: {@code aSnapshot().services(web, api).build()}. Defaults: environment
 * {@code dev}, us-east-1, as of 2026-01-01T00:00:00Z, nothing in it, no problems, no call statistics.
 */
public final class FleetSnapshotBuilder {

    public static final Instant DEFAULT_AS_OF = Instant.parse("2026-01-01T00:00:00Z");

    private String environmentId = "dev";
    private String region = "us-east-1";
    private Instant asOf = DEFAULT_AS_OF;
    private List<Cluster> clusters = List.of();
    private List<Service> services = List.of();
    private List<Host> hosts = List.of();
    private List<Task> tasks = List.of();
    private Map<String, TaskDefinition> taskDefinitions = Map.of();
    private Map<String, List<TargetHealth>> targetHealth = Map.of();
    private List<FleetProblem> problems = List.of();
    private FleetStats stats = FleetStats.NONE;

    private FleetSnapshotBuilder() {
    }

    public static FleetSnapshotBuilder aSnapshot() {
        return new FleetSnapshotBuilder();
    }

    /** Everything as the given snapshot has it, to change a part or two. */
    public static FleetSnapshotBuilder from(FleetSnapshot s) {
        return aSnapshot().environment(s.environmentId()).region(s.region()).asOf(s.asOf()).clusters(s.clusters())
                .services(s.services()).hosts(s.hosts()).tasks(s.tasks()).taskDefinitions(s.taskDefinitions())
                .targetHealth(s.targetHealth()).problems(s.problems()).stats(s.stats());
    }

    public FleetSnapshotBuilder environment(String value) {
        environmentId = value;
        return this;
    }

    public FleetSnapshotBuilder region(String value) {
        region = value;
        return this;
    }

    public FleetSnapshotBuilder asOf(Instant value) {
        asOf = value;
        return this;
    }

    public FleetSnapshotBuilder clusters(Cluster... values) {
        return clusters(List.of(values));
    }

    public FleetSnapshotBuilder clusters(List<Cluster> values) {
        clusters = values;
        return this;
    }

    public FleetSnapshotBuilder services(Service... values) {
        return services(List.of(values));
    }

    public FleetSnapshotBuilder services(List<Service> values) {
        services = values;
        return this;
    }

    public FleetSnapshotBuilder hosts(Host... values) {
        return hosts(List.of(values));
    }

    public FleetSnapshotBuilder hosts(List<Host> values) {
        hosts = values;
        return this;
    }

    public FleetSnapshotBuilder tasks(Task... values) {
        return tasks(List.of(values));
    }

    public FleetSnapshotBuilder tasks(List<Task> values) {
        tasks = values;
        return this;
    }

    /** Task definitions by ARN. */
    public FleetSnapshotBuilder taskDefinitions(Map<String, TaskDefinition> values) {
        taskDefinitions = values;
        return this;
    }

    /** Target health by target group ARN. */
    public FleetSnapshotBuilder targetHealth(Map<String, List<TargetHealth>> values) {
        targetHealth = values;
        return this;
    }

    public FleetSnapshotBuilder problems(List<FleetProblem> values) {
        problems = values;
        return this;
    }

    public FleetSnapshotBuilder stats(FleetStats value) {
        stats = value;
        return this;
    }

    public FleetSnapshot build() {
        return new FleetSnapshot(environmentId, region, asOf, clusters, services, hosts, tasks, taskDefinitions,
                targetHealth, problems, stats);
    }
}
