package io.harbormaster.model.packing;

import io.harbormaster.model.fleet.PortSet;
import io.harbormaster.model.fleet.TaskDefinition;
import java.util.Objects;

/**
 * What one task needs from a host: CPU units, MiB, and the static host ports it binds.
 */
public record TaskShape(int cpu, int memory, PortSet staticPorts) {

    public TaskShape {
        if (cpu < 0 || memory < 0) {
            throw new IllegalArgumentException("a task shape cannot be negative: " + cpu + " CPU, " + memory + " MiB");
        }
        staticPorts = staticPorts == null ? PortSet.EMPTY : staticPorts;
    }

    public TaskShape(int cpu, int memory) {
        this(cpu, memory, PortSet.EMPTY);
    }

    public static TaskShape of(TaskDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        return new TaskShape(definition.reservedCpu(), definition.reservedMemory(), definition.staticHostPorts());
    }

    /** Whether CPU and memory leave room for it (ports aside). */
    public boolean fitsIn(int freeCpu, int freeMemory) {
        return cpu <= freeCpu && memory <= freeMemory;
    }
}
