package io.harbormaster.model.deploy;

import io.harbormaster.model.fleet.Arns;

/**
 * A service to deploy to.
 *
 * @param cluster the cluster's name or ARN
 * @param service the service's name or ARN
 */
public record ServiceRef(String cluster, String service) {

    public ServiceRef {
        if (cluster == null || cluster.isBlank()) {
            throw new IllegalArgumentException("a deploy needs the service's cluster");
        }
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("a deploy needs a service");
        }
    }

    /** The service's short name, also for an ARN. */
    public String serviceName() {
        return Arns.name(service);
    }

    /** The cluster's short name, also for an ARN. */
    public String clusterName() {
        return Arns.name(cluster);
    }
}
