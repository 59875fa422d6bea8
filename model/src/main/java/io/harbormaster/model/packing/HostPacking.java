package io.harbormaster.model.packing;

import java.util.List;
import java.util.Objects;

/**
 * How full one host is and what of its free capacity no task can use.
 *
 * @param strandedCpu    CPU units free but unusable (0 unless {@link Stranding#CPU_WITHOUT_MEMORY} or MISMATCHED)
 * @param strandedMemory MiB free but unusable (0 unless {@link Stranding#MEMORY_WITHOUT_CPU} or MISMATCHED)
 * @param portBlocks     services that would fit here by CPU and memory but not by port
 */
public record HostPacking(
        String hostArn,
        String clusterArn,
        int registeredCpu,
        int registeredMemory,
        int reservedCpu,
        int reservedMemory,
        Stranding stranding,
        int strandedCpu,
        int strandedMemory,
        List<PortBlock> portBlocks) {

    public HostPacking {
        Objects.requireNonNull(hostArn, "hostArn");
        Objects.requireNonNull(clusterArn, "clusterArn");
        Objects.requireNonNull(stranding, "stranding");
        portBlocks = List.copyOf(portBlocks);
        if (reservedCpu < 0 || reservedMemory < 0 || strandedCpu < 0 || strandedMemory < 0
                || reservedCpu > registeredCpu || reservedMemory > registeredMemory
                || strandedCpu > registeredCpu - reservedCpu || strandedMemory > registeredMemory - reservedMemory) {
            throw new IllegalArgumentException("host packing does not add up: " + hostArn);
        }
    }

    public int freeCpu() {
        return registeredCpu - reservedCpu;
    }

    public int freeMemory() {
        return registeredMemory - reservedMemory;
    }

    /** 0–100. */
    public double cpuPercent() {
        return Percent.of(reservedCpu, registeredCpu);
    }

    /** 0–100. */
    public double memoryPercent() {
        return Percent.of(reservedMemory, registeredMemory);
    }

    /** The fuller of the two dimensions, 0–100: what limits the host. */
    public double utilisation() {
        return Math.max(cpuPercent(), memoryPercent());
    }

    public boolean stranded() {
        return stranding != Stranding.NONE;
    }

    public boolean portBlocked() {
        return !portBlocks.isEmpty();
    }
}
