package io.harbormaster.model.fleet;

import java.util.List;
import java.util.Objects;

/**
 * One container of a task definition.
 *
 * @param cpu               CPU units; 0 when not set
 * @param memory            hard limit in MiB; 0 when not set
 * @param memoryReservation soft limit in MiB; 0 when not set
 */
public record ContainerDefinition(
        String name,
        String image,
        int cpu,
        int memory,
        int memoryReservation,
        List<PortMapping> portMappings,
        List<EnvironmentVariable> environment) {

    public ContainerDefinition {
        Objects.requireNonNull(name, "name");
        image = image == null ? "" : image;
        if (cpu < 0 || memory < 0 || memoryReservation < 0) {
            throw new IllegalArgumentException("container reservations cannot be negative");
        }
        portMappings = List.copyOf(portMappings);
        environment = List.copyOf(environment);
    }

    /** "1.4.2" from "registry/web:1.4.2"; "latest" when untagged; the digest for "web@sha256:…". */
    public String imageTag() {
        int at = image.indexOf('@');
        if (at >= 0) {
            return image.substring(at + 1);
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash ? image.substring(colon + 1) : "latest";
    }

    /** What ECS reserves on the host for this container: the soft limit if set, else the hard limit. */
    public int reservedMemory() {
        return memoryReservation > 0 ? memoryReservation : memory;
    }
}
