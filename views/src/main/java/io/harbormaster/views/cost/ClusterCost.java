package io.harbormaster.views.cost;

/**
 * One cluster's bill, and how much of it is idle and stranded.
 *
 * @param unpricedHosts hosts left out of the bill because no price is known for their type
 */
public record ClusterCost(String arn, String name, int hosts, double usdPerMonth, double idleUsdPerMonth,
        double strandedUsdPerMonth, int unpricedHosts) {

    @Override
    public String toString() {
        return name;
    }
}
