package io.harbormaster.model.packing;

import io.harbormaster.model.fleet.PortSet;
import java.util.Objects;

/**
 * A host that has the CPU and memory for another task of a service, but not the ports: the service binds a static
 * host port that is already taken there (usually by one of its own tasks).
 */
public record PortBlock(String serviceArn, String serviceName, PortSet blockedPorts) {

    public PortBlock {
        Objects.requireNonNull(serviceArn, "serviceArn");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(blockedPorts, "blockedPorts");
        if (blockedPorts.isEmpty()) {
            throw new IllegalArgumentException("a port block needs at least one blocked port");
        }
    }
}
