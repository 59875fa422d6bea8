package io.harbormaster.views.scale;

import io.harbormaster.model.fleet.Arns;
import io.harbormaster.model.fleet.Service;
import java.util.Objects;

/**
 * The service to scale and the count it has now.
 *
 * @param cluster      the cluster's name or ARN
 * @param service      the service's name or ARN
 * @param desiredCount its desired count as last seen
 */
public record ScaleTarget(String cluster, String service, int desiredCount) {

    public ScaleTarget {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(service, "service");
    }

    public static ScaleTarget of(Service service) {
        return new ScaleTarget(service.clusterArn(), service.arn(), service.desiredCount());
    }

    public String serviceName() {
        return Arns.name(service);
    }

    public String clusterName() {
        return Arns.clusterName(cluster);
    }
}
