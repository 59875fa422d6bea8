package io.harbormaster.views.cost;

/**
 * One environment's hosts' bill a month and how it splits (the seeds' bill by environment).
 *
 * @param share         the environment's part of the bill of every environment costed, 0..1
 * @param unpricedHosts hosts left out because no price is known for their type
 * @param status        "as of 14:02:11", "costing…", or why it could not be read
 */
public record EnvironmentCost(String environmentId, String environment, int hosts, double usdPerMonth,
        double servicesUsdPerMonth, double standaloneUsdPerMonth, double idleUsdPerMonth,
        double strandedUsdPerMonth, int unpricedHosts, double share, String status) {
}
