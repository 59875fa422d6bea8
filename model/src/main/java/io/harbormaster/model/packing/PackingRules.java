package io.harbormaster.model.packing;

import java.util.Objects;

/**
 * The thresholds of the stranded-capacity analysis, stated rather than buried.
 *
 * @param fallbackSmallestTask the smallest task assumed for a cluster that runs nothing to learn from (default
 *                             256 CPU units, 512 MiB: the smallest Fargate size, and a common floor for EC2 tasks)
 * @param minimumStrandedCpu   stranded CPU below this many units is not worth marking (default 128, 1/8 vCPU)
 * @param minimumStrandedMemory stranded memory below this many MiB is not worth marking (default 128)
 */
public record PackingRules(TaskShape fallbackSmallestTask, int minimumStrandedCpu, int minimumStrandedMemory) {

    public static final PackingRules DEFAULT = new PackingRules(new TaskShape(256, 512), 128, 128);

    public PackingRules {
        Objects.requireNonNull(fallbackSmallestTask, "fallbackSmallestTask");
        if (minimumStrandedCpu < 0 || minimumStrandedMemory < 0) {
            throw new IllegalArgumentException("thresholds cannot be negative");
        }
    }
}
