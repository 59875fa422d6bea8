package io.harbormaster.model.cutover;

/** What moves the traffic, with that service's limits on weights. */
public enum TrafficKind {
    /** Route 53 weighted record sets of one name and type: weights 0–255, at most 100 sets. */
    ROUTE53(255, 100),
    /** An ALB listener's default action or rule forwarding to several target groups: weights 0–999, at most 5. */
    ALB(999, 5);

    private final int maxWeight;
    private final int maxTargets;

    TrafficKind(int maxWeight, int maxTargets) {
        this.maxWeight = maxWeight;
        this.maxTargets = maxTargets;
    }

    /** The highest weight the service accepts (Route 53 255, ALB 999). */
    public int maxWeight() {
        return maxWeight;
    }

    /** The most weighted targets one record name/type or one forward action may have (Route 53 100, ALB 5). */
    public int maxTargets() {
        return maxTargets;
    }
}
