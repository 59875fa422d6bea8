package io.harbormaster.sandbox.ecs;

/**
 * A service's load balancer attachment: the target group its tasks register in, and which container port; with an
 * {@code advancedConfiguration} for blue/green, linear and canary deployments (the alternate target group and the
 * listener rules ECS moves traffic on).
 */
public record LoadBalancer(String targetGroupArn, String loadBalancerName, String containerName, int containerPort,
                           Advanced advanced) {

    /** AdvancedConfiguration as the ECS API names it. */
    public record Advanced(String alternateTargetGroupArn, String productionListenerRule, String testListenerRule,
                           String roleArn) {
    }

    public LoadBalancer(String targetGroupArn, String loadBalancerName, String containerName, int containerPort) {
        this(targetGroupArn, loadBalancerName, containerName, containerPort, null);
    }

    /** The same attachment registering in another target group (green tasks go to the alternate group). */
    public LoadBalancer inTargetGroup(String arn) {
        return new LoadBalancer(arn, loadBalancerName, containerName, containerPort, advanced);
    }
}
