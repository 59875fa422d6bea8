package io.harbormaster.model.fleet;

import java.util.Objects;

/** An ECS cluster as DescribeClusters reports it. */
public record Cluster(
        String arn,
        String name,
        String status,
        int registeredInstances,
        int activeServices,
        int runningTasks,
        int pendingTasks) {

    public Cluster {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        status = status == null ? "" : status;
        if (registeredInstances < 0 || activeServices < 0 || runningTasks < 0 || pendingTasks < 0) {
            throw new IllegalArgumentException("cluster counts cannot be negative");
        }
    }
}
