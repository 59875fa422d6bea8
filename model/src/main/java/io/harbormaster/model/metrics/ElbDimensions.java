package io.harbormaster.model.metrics;

/** The values CloudWatch's AWS/ApplicationELB dimensions take, read out of ELB ARNs. */
public final class ElbDimensions {

    private ElbDimensions() {
    }

    /** "targetgroup/web/0123abcd" from "arn:aws:elasticloadbalancing:…:targetgroup/web/0123abcd". */
    public static String targetGroup(String targetGroupArn) {
        int at = targetGroupArn.indexOf("targetgroup/");
        return at < 0 ? targetGroupArn : targetGroupArn.substring(at);
    }

    /** "app/edge/0123abcd" from "arn:aws:elasticloadbalancing:…:loadbalancer/app/edge/0123abcd". */
    public static String loadBalancer(String loadBalancerArn) {
        int at = loadBalancerArn.indexOf(":loadbalancer/");
        return at < 0 ? loadBalancerArn : loadBalancerArn.substring(at + ":loadbalancer/".length());
    }

    /** "web" from a target group ARN: what the operator calls it. */
    public static String targetGroupName(String targetGroupArn) {
        String tail = targetGroup(targetGroupArn);
        String[] parts = tail.split("/");
        return parts.length >= 2 ? parts[1] : tail;
    }
}
