package io.harbormaster.model.deploy;

/**
 * A service's load balancer with its blue/green settings ({@code loadBalancers[]} with
 * {@code advancedConfiguration}).
 *
 * @param alternateTargetGroupArn the green target group; blank when the service has no advanced configuration
 * @param productionListenerRule  the listener rule (ALB) or listener (NLB) ECS moves production traffic on
 * @param testListenerRule        the rule test traffic reaches green on; may be blank
 * @param roleArn                 the role ECS assumes to change the load balancer
 */
public record LoadBalancerRouting(String targetGroupArn, String containerName, int containerPort,
                                  String alternateTargetGroupArn, String productionListenerRule,
                                  String testListenerRule, String roleArn) {

    public LoadBalancerRouting {
        targetGroupArn = text(targetGroupArn);
        containerName = text(containerName);
        alternateTargetGroupArn = text(alternateTargetGroupArn);
        productionListenerRule = text(productionListenerRule);
        testListenerRule = text(testListenerRule);
        roleArn = text(roleArn);
        if (containerPort < 0 || containerPort > 65535) {
            throw new IllegalArgumentException("container port must be 0-65535, was " + containerPort);
        }
        if (!alternateTargetGroupArn.isEmpty() && (productionListenerRule.isEmpty() || roleArn.isEmpty())) {
            throw new IllegalArgumentException("blue/green on " + containerName
                    + " needs the production listener rule and a role for ECS as well as the alternate target group");
        }
    }

    /** Whether ECS can shift traffic on it (alternate target group set). */
    public boolean hasAdvanced() {
        return !alternateTargetGroupArn.isEmpty();
    }

    public LoadBalancerRouting withAdvanced(String alternate, String productionRule, String testRule, String role) {
        return new LoadBalancerRouting(targetGroupArn, containerName, containerPort, alternate, productionRule,
                testRule, role);
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
