package io.harbormaster.model.fleet;

import java.util.Objects;

/**
 * An ECS cluster as DescribeClusters reports it.
 *
 * @param containerInsights its {@code containerInsights} setting ({@code include=SETTINGS}): "enhanced", "enabled",
 *                          "disabled", or "" when not reported
 */
public record Cluster(
        String arn,
        String name,
        String status,
        int registeredInstances,
        int activeServices,
        int runningTasks,
        int pendingTasks,
        String containerInsights) {

    /** The setting that turns on Container Insights with enhanced observability (instance-level metrics). */
    public static final String INSIGHTS_ENHANCED = "enhanced";

    /** A cluster whose settings were not asked for. */
    public Cluster(String arn, String name, String status, int registeredInstances, int activeServices,
            int runningTasks, int pendingTasks) {
        this(arn, name, status, registeredInstances, activeServices, runningTasks, pendingTasks, "");
    }

    public Cluster {
        containerInsights = containerInsights == null ? "" : containerInsights;
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        status = status == null ? "" : status;
        if (registeredInstances < 0 || activeServices < 0 || runningTasks < 0 || pendingTasks < 0) {
            throw new IllegalArgumentException("cluster counts cannot be negative");
        }
    }

    /** Whether Container Insights publishes instance-level metrics for its hosts (enhanced observability). */
    public boolean instanceInsights() {
        return INSIGHTS_ENHANCED.equals(containerInsights);
    }
}
