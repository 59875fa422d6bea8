package io.harbormaster.model.packing;

import java.util.Map;
import java.util.Optional;

/** The packing of every host and cluster of a snapshot, by ARN. */
public record FleetPacking(Map<String, HostPacking> hosts, Map<String, ClusterPacking> clusters) {

    public FleetPacking {
        hosts = Map.copyOf(hosts);
        clusters = Map.copyOf(clusters);
    }

    public Optional<HostPacking> host(String hostArn) {
        return Optional.ofNullable(hosts.get(hostArn));
    }

    public Optional<ClusterPacking> cluster(String clusterArn) {
        return Optional.ofNullable(clusters.get(clusterArn));
    }
}
