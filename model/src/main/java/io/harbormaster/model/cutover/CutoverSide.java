package io.harbormaster.model.cutover;

import java.util.List;

/**
 * Where one side of a route takes its traffic, resolved across environments (a Route 53 record's alias may point at
 * a load balancer in another account or Region): what gates and pre-flight checks read.
 *
 * @param targetId         the {@link WeightedTarget#id()} it resolves
 * @param label            what the operator calls it
 * @param environmentId    the environment the load balancer lives in, or blank when it could not be found
 * @param region           its Region
 * @param loadBalancerArn  the load balancer, or blank
 * @param targetGroupArns  the target groups that serve this side (for ALB weights: exactly one)
 */
public record CutoverSide(String targetId, String label, String environmentId, String region,
                          String loadBalancerArn, List<String> targetGroupArns) {

    public CutoverSide {
        if (targetId == null || targetId.isBlank()) {
            throw new IllegalArgumentException("a side needs the target it resolves");
        }
        label = label == null || label.isBlank() ? targetId : label;
        environmentId = environmentId == null ? "" : environmentId;
        region = region == null ? "" : region;
        loadBalancerArn = loadBalancerArn == null ? "" : loadBalancerArn;
        targetGroupArns = List.copyOf(targetGroupArns);
    }

    /** Whether its load balancer was found, so its metrics can be read. */
    public boolean resolved() {
        return !environmentId.isBlank() && !loadBalancerArn.isBlank();
    }
}
