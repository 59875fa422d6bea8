package io.harbormaster.aws.ecs;

import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.ContainerDefinition;
import io.harbormaster.model.fleet.Deployment;
import io.harbormaster.model.fleet.EnvironmentVariable;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.LoadBalancerTarget;
import io.harbormaster.model.fleet.PlacementConstraint;
import io.harbormaster.model.fleet.PlacementStrategy;
import io.harbormaster.model.fleet.PortMapping;
import io.harbormaster.model.fleet.PortSet;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.ServiceEvent;
import io.harbormaster.model.fleet.StringPool;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.fleet.TaskDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.Resource;

/** ECS's answers turned into model records; repeated strings go through the load's {@link StringPool}. */
final class EcsMapping {

    private final StringPool pool;

    EcsMapping(StringPool pool) {
        this.pool = pool;
    }

    Cluster cluster(software.amazon.awssdk.services.ecs.model.Cluster c) {
        return new Cluster(pool.of(c.clusterArn()), c.clusterName(), c.status(),
                orZero(c.registeredContainerInstancesCount()), orZero(c.activeServicesCount()),
                orZero(c.runningTasksCount()), orZero(c.pendingTasksCount()), containerInsights(c));
    }

    /** The containerInsights setting, reported only when DescribeClusters was asked to include SETTINGS. */
    private String containerInsights(software.amazon.awssdk.services.ecs.model.Cluster c) {
        return c.settings().stream().filter(s -> s.nameAsString().equals("containerInsights"))
                .map(s -> pool.of(s.value())).findFirst().orElse("");
    }

    Service service(software.amazon.awssdk.services.ecs.model.Service s) {
        List<Deployment> deployments = s.deployments().stream().map(d -> new Deployment(d.id(), pool.of(d.status()),
                pool.of(d.rolloutStateAsString()), d.rolloutStateReason(), pool.of(d.taskDefinition()),
                orZero(d.desiredCount()), orZero(d.runningCount()), orZero(d.pendingCount()), orZero(d.failedTasks()),
                d.createdAt(), d.updatedAt())).toList();
        List<ServiceEvent> events = s.events().stream().filter(e -> e.id() != null && e.createdAt() != null)
                .map(e -> new ServiceEvent(e.id(), e.createdAt(), e.message())).toList();
        List<PlacementStrategy> strategy = s.placementStrategy().stream()
                .map(p -> new PlacementStrategy(pool.of(p.typeAsString()), pool.of(p.field()))).toList();
        List<PlacementConstraint> constraints = s.placementConstraints().stream()
                .map(p -> new PlacementConstraint(pool.of(p.typeAsString()), p.expression())).toList();
        List<LoadBalancerTarget> balancers = s.loadBalancers().stream()
                .map(l -> new LoadBalancerTarget(pool.of(l.targetGroupArn()), l.loadBalancerName(),
                        l.containerName(), orZero(l.containerPort()))).toList();
        return new Service(s.serviceArn(), s.serviceName(), pool.of(s.clusterArn()), pool.of(s.status()),
                orZero(s.desiredCount()), orZero(s.runningCount()), orZero(s.pendingCount()),
                pool.of(s.launchTypeAsString()), pool.of(s.taskDefinition()), deployments, events, strategy,
                constraints, balancers, s.createdAt());
    }

    Host host(String clusterArn, ContainerInstance ci) {
        return new Host(ci.containerInstanceArn(), pool.of(clusterArn), ci.ec2InstanceId(),
                pool.of(attribute(ci.attributes(), "ecs.instance-type")),
                pool.of(attribute(ci.attributes(), "ecs.availability-zone")), pool.of(ci.status()),
                Boolean.TRUE.equals(ci.agentConnected()),
                intResource(ci.registeredResources(), "CPU"), intResource(ci.registeredResources(), "MEMORY"),
                intResource(ci.remainingResources(), "CPU"), intResource(ci.remainingResources(), "MEMORY"),
                ports(ci.registeredResources()), ports(ci.remainingResources()),
                orZero(ci.runningTasksCount()), orZero(ci.pendingTasksCount()));
    }

    /** A task, with the reservations DescribeTasks gives (0 when it gives none: filled from the definition later). */
    Task task(software.amazon.awssdk.services.ecs.model.Task t) {
        List<Integer> hostPorts = new ArrayList<>();
        for (Container c : t.containers()) {
            for (NetworkBinding b : c.networkBindings()) {
                if (b.hostPort() != null && b.hostPort() > 0
                        && (b.protocol() == null || "tcp".equalsIgnoreCase(b.protocolAsString()))) {
                    hostPorts.add(b.hostPort());
                }
            }
        }
        return new Task(t.taskArn(), pool.of(t.clusterArn()), pool.of(t.group()), pool.of(t.containerInstanceArn()),
                pool.of(t.taskDefinitionArn()), pool.of(t.lastStatus()), pool.of(t.desiredStatus()), size(t.cpu()),
                size(t.memory()), hostPorts.isEmpty() ? PortSet.EMPTY : PortSet.of(hostPorts), t.startedAt(),
                t.stoppedAt(), pool.of(t.stoppedReason()));
    }

    TaskDefinition taskDefinition(software.amazon.awssdk.services.ecs.model.TaskDefinition td) {
        List<ContainerDefinition> containers = td.containerDefinitions().stream().map(c -> new ContainerDefinition(
                c.name(), c.image(), orZero(c.cpu()), orZero(c.memory()), orZero(c.memoryReservation()),
                c.portMappings().stream().map(p -> new PortMapping(orZero(p.containerPort()), orZero(p.hostPort()),
                        p.protocolAsString())).toList(),
                c.environment().stream().filter(kv -> kv.name() != null)
                        .map(kv -> new EnvironmentVariable(kv.name(), kv.value())).toList())).toList();
        return new TaskDefinition(td.taskDefinitionArn(), td.family(), orZero(td.revision()), size(td.cpu()),
                size(td.memory()), td.networkModeAsString(), containers);
    }

    private static String attribute(List<Attribute> attributes, String name) {
        return attributes.stream().filter(a -> name.equals(a.name())).map(Attribute::value).filter(Objects::nonNull)
                .findFirst().orElse("");
    }

    private static int intResource(List<Resource> resources, String name) {
        return resources.stream().filter(r -> name.equals(r.name())).map(Resource::integerValue)
                .filter(Objects::nonNull).findFirst().orElse(0);
    }

    private static PortSet ports(List<Resource> resources) {
        List<Integer> ports = new ArrayList<>();
        resources.stream().filter(r -> "PORTS".equals(r.name())).flatMap(r -> r.stringSetValue().stream())
                .forEach(p -> {
                    try {
                        ports.add(Integer.parseInt(p.trim()));
                    } catch (NumberFormatException e) {
                        // ECS lists ports as decimal strings; anything else names no port we can draw
                    }
                });
        return ports.isEmpty() ? PortSet.EMPTY : PortSet.of(ports);
    }

    /** Task and task definition sizes come as strings ("1024", or "1 vCPU"/"2 GB" when written so). */
    static int size(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (v.endsWith("vcpu")) {
                return (int) Math.round(Double.parseDouble(v.replace("vcpu", "").trim()) * 1024);
            }
            if (v.endsWith("gb")) {
                return (int) Math.round(Double.parseDouble(v.replace("gb", "").trim()) * 1024);
            }
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
