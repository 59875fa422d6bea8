package io.harbormaster.model.cutover;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An ALB forward action to several target groups: a listener's default action ({@code ruleArn} blank) or a rule's.
 * Writing it replaces the whole action (ModifyListener/ModifyRule): the adapter sends every target group with its
 * weight and keeps the group stickiness it found.
 *
 * @param environmentId       the environment of the load balancer
 * @param region              its Region
 * @param loadBalancerArn     the load balancer
 * @param loadBalancerName    its name
 * @param listenerArn         the listener
 * @param listenerPort        the listener's port, for display
 * @param ruleArn             the rule, or blank for the listener's default action
 * @param rulePriority        the rule's priority ("default" for the default rule), for display
 * @param stickinessSeconds   target group stickiness of the action, 0 when off (sticky clients ignore new weights)
 * @param targets             one per target group: id = target group ARN, label = its name
 */
public record AlbWeightedForward(String environmentId, String region, String loadBalancerArn,
                                 String loadBalancerName, String listenerArn, int listenerPort, String ruleArn,
                                 String rulePriority, long stickinessSeconds, List<WeightedTarget> targets)
        implements WeightedRoute {

    public AlbWeightedForward {
        Objects.requireNonNull(environmentId, "environmentId");
        Objects.requireNonNull(region, "region");
        if (listenerArn == null || listenerArn.isBlank()) {
            throw new IllegalArgumentException("a forward action needs its listener");
        }
        loadBalancerArn = loadBalancerArn == null ? "" : loadBalancerArn;
        loadBalancerName = loadBalancerName == null ? "" : loadBalancerName;
        ruleArn = ruleArn == null ? "" : ruleArn;
        rulePriority = rulePriority == null || rulePriority.isBlank() ? "default" : rulePriority;
        targets = List.copyOf(targets);
        Weights.of(TrafficKind.ALB, targets);
    }

    @Override
    public TrafficKind kind() {
        return TrafficKind.ALB;
    }

    /** Whether this is the listener's default action (written with ModifyListener) rather than a rule's. */
    public boolean defaultAction() {
        return ruleArn.isBlank();
    }

    @Override
    public String resource() {
        return defaultAction() ? listenerArn : ruleArn;
    }

    @Override
    public String displayName() {
        return loadBalancerName + " :" + listenerPort + (defaultAction() ? " default" : " rule " + rulePriority);
    }

    @Override
    public Duration cacheTtl() {
        return Duration.ZERO;
    }
}
