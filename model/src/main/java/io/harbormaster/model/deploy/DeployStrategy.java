package io.harbormaster.model.deploy;

/** ECS's deployment strategies ({@code deploymentConfiguration.strategy}); only with the ECS deployment controller. */
public enum DeployStrategy {
    /** Replace tasks in batches bounded by minimum healthy / maximum percent. */
    ROLLING,
    /** Start a full green set, shift all traffic at once, bake, then stop blue. */
    BLUE_GREEN,
    /** Shift traffic in equal steps of {@link LinearConfig#stepPercent()}, baking after each. */
    LINEAR,
    /** Shift {@link CanaryConfig#canaryPercent()}, bake, then shift the rest. */
    CANARY;

    /** Whether ECS moves listener-rule weights for it (needs a load balancer's advanced configuration). */
    public boolean shiftsTraffic() {
        return this != ROLLING;
    }
}
