package io.harbormaster.model.cost.repack;

import io.harbormaster.model.cost.HostPrice;
import java.util.Objects;

/**
 * The instance type a what-if packs onto: what ECS would register of it and what it costs.
 *
 * @param cpu    CPU units registered (1,024 a vCPU)
 * @param memory MiB registered (what the agent offers: the instance's memory less what the OS and agent keep)
 */
public record TargetType(String instanceType, int cpu, int memory, HostPrice price) {

    public TargetType {
        Objects.requireNonNull(instanceType, "instanceType");
        Objects.requireNonNull(price, "price");
        if (instanceType.isBlank() || cpu <= 0 || memory <= 0) {
            throw new IllegalArgumentException("a target type needs a name, CPU and memory: " + instanceType);
        }
    }
}
