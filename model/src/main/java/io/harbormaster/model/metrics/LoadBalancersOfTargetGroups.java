package io.harbormaster.model.metrics;

import io.harbormaster.model.environment.EnvironmentSession;
import java.util.Collection;
import java.util.Map;

/**
 * Port: the load balancer in front of each target group. CloudWatch files a target group's metrics under both the
 * target group and its load balancer, and the fleet snapshot knows only the target group. Blocking.
 */
public interface LoadBalancersOfTargetGroups {

    /** Load balancer ARN by target group ARN; a target group with no load balancer is left out. */
    Map<String, String> loadBalancers(EnvironmentSession session, Collection<String> targetGroupArns);
}
