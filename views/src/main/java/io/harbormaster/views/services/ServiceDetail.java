package io.harbormaster.views.services;

import io.harbormaster.model.fleet.Arns;
import io.harbormaster.model.fleet.ContainerDefinition;
import io.harbormaster.model.fleet.Deployment;
import io.harbormaster.model.fleet.EnvironmentVariable;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.PortMapping;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.ServiceAttention;
import io.harbormaster.model.fleet.ServiceEvent;
import io.harbormaster.model.fleet.TargetHealth;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.fleet.TaskDefinition;
import io.harbormaster.views.shared.services.PortText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything the detail pane shows about one service, read from one snapshot. Environment variables carry only
 * their display value: secret-looking ones are already masked here, so no view can show them by mistake.
 */
public record ServiceDetail(
        Service service,
        ServiceAttention attention,
        String taskDefinition,
        List<Deployment> deployments,
        List<ServiceEvent> events,
        List<ContainerRow> containers,
        String placementStrategy,
        String placementConstraints,
        List<TargetHealth> targets,
        List<TaskRow> tasks) {

    /** One container of the service's task definition; {@code environment} is NAME=value with secrets masked. */
    public record ContainerRow(String name, String image, int cpu, int memory, int memoryReservation, String ports,
                               List<String> environment) {
    }

    /** One task of the service and the host it runs on. */
    public record TaskRow(String taskId, String arn, String status, String host, String hostArn, String zone,
                          String instanceType, int cpu, int memory, String ports, Instant startedAt) {
    }

    public static Optional<ServiceDetail> of(FleetSnapshot snapshot, String serviceArn) {
        if (snapshot == null || serviceArn == null) {
            return Optional.empty();
        }
        return snapshot.service(serviceArn).map(s -> build(snapshot, s));
    }

    private static ServiceDetail build(FleetSnapshot snapshot, Service s) {
        TaskDefinition td = snapshot.taskDefinitions().get(s.taskDefinitionArn());
        List<ContainerRow> containers = new ArrayList<>();
        if (td != null) {
            for (ContainerDefinition c : td.containers()) {
                containers.add(new ContainerRow(c.name(), c.image(), c.cpu(), c.memory(), c.memoryReservation(),
                        ports(c.portMappings()), c.environment().stream().map(EnvironmentVariable::toString).toList()));
            }
        }
        List<TaskRow> tasks = new ArrayList<>();
        for (Task t : snapshot.tasksOf(s.arn())) {
            Optional<Host> host = snapshot.host(t.containerInstanceArn());
            tasks.add(new TaskRow(Arns.name(t.arn()), t.arn(), t.lastStatus(),
                    host.map(Host::displayName).orElse(t.containerInstanceArn().isEmpty() ? "Fargate" : "?"),
                    t.containerInstanceArn(), host.map(Host::availabilityZone).orElse(""),
                    host.map(Host::instanceType).orElse(""), t.cpu(), t.memory(), PortText.hostPorts(t.hostPorts()),
                    t.startedAt()));
        }
        tasks.sort(Comparator.comparing(TaskRow::host).thenComparing(TaskRow::taskId));
        String strategy = s.placementStrategy().isEmpty() ? "none"
                : s.placementStrategy().stream().map(Object::toString).collect(Collectors.joining(" → "));
        String constraints = s.placementConstraints().isEmpty() ? "none"
                : s.placementConstraints().stream().map(Object::toString).collect(Collectors.joining(", "));
        String tdName = s.taskDefinitionArn().isEmpty() ? "—" : Arns.name(s.taskDefinitionArn());
        return new ServiceDetail(s, ServiceAttention.of(s), tdName, s.deployments(), s.events(), containers,
                strategy, constraints, snapshot.targetHealthOf(s), tasks);
    }

    static String ports(List<PortMapping> mappings) {
        if (mappings.isEmpty()) {
            return "—";
        }
        return mappings.stream().map(m -> (m.hostPort() > 0 ? m.hostPort() + "→" : "dynamic→") + m.containerPort()
                + "/" + m.protocol()).collect(Collectors.joining(", "));
    }
}
