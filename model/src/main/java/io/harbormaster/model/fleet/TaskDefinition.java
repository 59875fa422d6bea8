package io.harbormaster.model.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A task definition revision. Revisions are immutable in ECS, so one describe serves for ever.
 *
 * @param cpu         task-level CPU units; 0 when only containers set it
 * @param memory      task-level MiB; 0 when only containers set it
 * @param networkMode bridge, host, awsvpc or none
 */
public record TaskDefinition(
        String arn,
        String family,
        int revision,
        int cpu,
        int memory,
        String networkMode,
        List<ContainerDefinition> containers) {

    public TaskDefinition {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(family, "family");
        networkMode = networkMode == null || networkMode.isBlank() ? "bridge" : networkMode;
        if (revision < 0 || cpu < 0 || memory < 0) {
            throw new IllegalArgumentException("task definition numbers cannot be negative");
        }
        containers = List.copyOf(containers);
    }

    /** CPU units a task reserves on its host: the task size, else the sum of its containers. */
    public int reservedCpu() {
        return cpu > 0 ? cpu : containers.stream().mapToInt(ContainerDefinition::cpu).sum();
    }

    /** MiB a task reserves on its host: the task size, else the sum of its containers' reservations. */
    public int reservedMemory() {
        return memory > 0 ? memory : containers.stream().mapToInt(ContainerDefinition::reservedMemory).sum();
    }

    /**
     * Host ports every task of this definition binds: static mappings in bridge mode, every container port in
     * host mode, none in awsvpc (each task has its own network interface).
     */
    public PortSet staticHostPorts() {
        if ("awsvpc".equals(networkMode) || "none".equals(networkMode)) {
            return PortSet.EMPTY;
        }
        boolean hostMode = "host".equals(networkMode);
        List<Integer> ports = new ArrayList<>();
        for (ContainerDefinition c : containers) {
            for (PortMapping m : c.portMappings()) {
                if (!"tcp".equalsIgnoreCase(m.protocol())) {
                    continue;
                }
                int port = hostMode && m.hostPort() == 0 ? m.containerPort() : m.hostPort();
                if (port > 0) {
                    ports.add(port);
                }
            }
        }
        return PortSet.of(ports);
    }

    public List<String> images() {
        return containers.stream().map(ContainerDefinition::image).toList();
    }
}
