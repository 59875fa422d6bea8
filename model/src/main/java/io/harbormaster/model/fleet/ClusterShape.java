package io.harbormaster.model.fleet;

/** How big one cluster is, for planning calls: its services, container instances and (desired-running) tasks. */
public record ClusterShape(int services, int hosts, int tasks) {

    public ClusterShape {
        if (services < 0 || hosts < 0 || tasks < 0) {
            throw new IllegalArgumentException("cluster sizes cannot be negative");
        }
    }
}
