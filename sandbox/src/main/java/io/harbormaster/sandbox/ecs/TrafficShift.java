package io.harbormaster.sandbox.ecs;

import io.harbormaster.sandbox.core.World;
import java.util.List;
import java.util.Locale;

/**
 * Moves a deployment's traffic on its listener rules: the production rule (and the test rule, when given) forward to
 * blue — the group that serves production now — and green, the target revision's group, in the weights asked for.
 * ECS reaches ELB only through {@link LoadBalancing}; without ELB in the sandbox nothing moves.
 */
final class TrafficShift {

    private final World world;

    TrafficShift(World world) {
        this.world = world;
    }

    private LoadBalancing loadBalancing() {
        return world.optionalComponent(LoadBalancing.class);
    }

    void production(ServiceDeployment sd, double greenPercent) {
        sd.productionWeight = greenPercent;
        shift(sd, greenPercent, true);
    }

    void test(ServiceDeployment sd, double greenPercent) {
        sd.testWeight = greenPercent;
        shift(sd, greenPercent, false);
    }

    /** Sets the listener rule's forward weights between blue (production now) and green (the target revision's group). */
    private void shift(ServiceDeployment sd, double greenPercent, boolean production) {
        LoadBalancing elb = loadBalancing();
        EcsRegion region = sd.service.cluster.region;
        for (LoadBalancer lb : sd.service.loadBalancers) {
            if (elb == null || lb.advanced() == null || lb.targetGroupArn() == null) {
                continue;
            }
            String rule = production ? lb.advanced().productionListenerRule() : lb.advanced().testListenerRule();
            if (rule == null) {
                continue;
            }
            String blue = sd.service.productionTargetGroup.getOrDefault(lb.targetGroupArn(), lb.targetGroupArn());
            String green = blue.equals(lb.targetGroupArn()) ? lb.advanced().alternateTargetGroupArn() : lb.targetGroupArn();
            int[] w = weights(greenPercent);
            elb.setForwardWeights(region.account, region.region, rule,
                    List.of(new LoadBalancing.Weighted(blue, w[0]), new LoadBalancing.Weighted(green, w[1])));
        }
    }

    /** Blue and green ALB weights (0–999) in the ratio of the percentage, in lowest terms: 5 % is 19 : 1. */
    static int[] weights(double greenPercent) {
        int green = (int) Math.round(greenPercent * 10);
        int blue = 1000 - green;
        int g = gcd(green, blue);
        return new int[] {blue / g, green / g};
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f", p);
    }
}
