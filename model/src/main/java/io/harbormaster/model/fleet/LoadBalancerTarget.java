package io.harbormaster.model.fleet;

import java.util.Objects;

/**
 * Where a service registers its tasks: a target group (ALB/NLB) or, for classic ELB, a load balancer name.
 *
 * @param targetGroupArn   blank for a classic load balancer
 * @param loadBalancerName blank for a target group
 */
public record LoadBalancerTarget(String targetGroupArn, String loadBalancerName, String containerName,
        int containerPort) {

    public LoadBalancerTarget {
        targetGroupArn = targetGroupArn == null ? "" : targetGroupArn;
        loadBalancerName = loadBalancerName == null ? "" : loadBalancerName;
        containerName = containerName == null ? "" : containerName;
        Objects.checkIndex(containerPort, 65536);
    }

    public boolean hasTargetGroup() {
        return !targetGroupArn.isEmpty();
    }
}
