package io.harbormaster.sandbox.ecs;

import java.util.List;

/**
 * What ECS asks of Elastic Load Balancing during a blue/green, linear or canary deployment: check the resources a
 * service names and move a listener rule's forward weights between the production and alternate target groups.
 * ELB registers its implementation as a world component; ECS looks it up when a deployment needs it, so ECS keeps
 * no dependency on ELB. Called under the world lock.
 */
public interface LoadBalancing {

    /** One target group of a forward action and its weight. */
    record Weighted(String targetGroupArn, int weight) {
    }

    boolean targetGroupExists(String account, String region, String targetGroupArn);

    /** Whether the ARN names a listener rule (or a listener, whose default rule is meant) of the account. */
    boolean ruleExists(String account, String region, String ruleOrListenerArn);

    /** The rule's forward targets as they are now; empty when it has no forward action. */
    List<Weighted> forwardWeights(String account, String region, String ruleOrListenerArn);

    /** Replaces the rule's forward action with these weighted target groups, as ModifyRule would. */
    void setForwardWeights(String account, String region, String ruleOrListenerArn, List<Weighted> targets);
}
