package io.harbormaster.model.packing;

import java.util.Objects;

/** A cluster's hosts added up: CPU and memory registered, reserved and stranded. */
public record ClusterPacking(
        String clusterArn,
        int hosts,
        long registeredCpu,
        long registeredMemory,
        long reservedCpu,
        long reservedMemory,
        long strandedCpu,
        long strandedMemory,
        int strandedHosts,
        int portBlockedHosts) {

    public ClusterPacking {
        Objects.requireNonNull(clusterArn, "clusterArn");
        if (hosts < 0 || reservedCpu > registeredCpu || reservedMemory > registeredMemory) {
            throw new IllegalArgumentException("cluster packing adds up to more than the cluster: " + clusterArn);
        }
    }

    /** CPU reserved as a percentage of registered, 0–100; 0 for a cluster without hosts. */
    public double cpuReservedPercent() {
        return Percent.of(reservedCpu, registeredCpu);
    }

    /** Memory reserved as a percentage of registered, 0–100; 0 for a cluster without hosts. */
    public double memoryReservedPercent() {
        return Percent.of(reservedMemory, registeredMemory);
    }

    public double strandedCpuPercent() {
        return Percent.of(strandedCpu, registeredCpu);
    }

    public double strandedMemoryPercent() {
        return Percent.of(strandedMemory, registeredMemory);
    }
}
