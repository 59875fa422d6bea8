package io.harbormaster.model.deploy;

import java.util.List;
import java.util.Objects;

/**
 * How ECS rolls a revision out ({@code deploymentConfiguration} plus the load balancers' advanced configuration).
 * Invalid combinations cannot exist: LINEAR needs a {@link LinearConfig}, CANARY a {@link CanaryConfig}, and neither
 * exists for another strategy; traffic-shifting strategies need a load balancer with an alternate target group.
 *
 * @param minimumHealthyPercent 0–100: tasks kept running during a rolling replacement
 * @param maximumPercent        100–200 typical (ECS allows more): tasks allowed during it
 * @param bakeTimeMinutes       0–1440: both revisions kept after all production traffic moved (not for ROLLING)
 * @param linear                for LINEAR, else null
 * @param canary                for CANARY, else null
 * @param loadBalancers         the service's load balancers as they should be after the deploy
 */
public record DeploymentSettings(DeployStrategy strategy, int minimumHealthyPercent, int maximumPercent,
                                 int bakeTimeMinutes, LinearConfig linear, CanaryConfig canary,
                                 CircuitBreaker circuitBreaker, DeployAlarms alarms, List<LifecycleHook> hooks,
                                 List<LoadBalancerRouting> loadBalancers) {

    public static final int MAX_PERCENT_LIMIT = 2000;

    public DeploymentSettings {
        Objects.requireNonNull(strategy, "strategy");
        if (minimumHealthyPercent < 0 || minimumHealthyPercent > 100) {
            throw new IllegalArgumentException("minimum healthy percent must be 0 to 100, was "
                    + minimumHealthyPercent);
        }
        if (maximumPercent < 100 || maximumPercent > MAX_PERCENT_LIMIT) {
            throw new IllegalArgumentException("maximum percent must be 100 to " + MAX_PERCENT_LIMIT + ", was "
                    + maximumPercent);
        }
        if (strategy == DeployStrategy.ROLLING && minimumHealthyPercent == 100 && maximumPercent == 100) {
            throw new IllegalArgumentException("a rolling deploy with minimum healthy 100 % and maximum 100 % can"
                    + " never replace a task: lower the minimum or raise the maximum");
        }
        Percentages.minutes(bakeTimeMinutes, "bake time");
        if ((strategy == DeployStrategy.LINEAR) != (linear != null)) {
            throw new IllegalArgumentException("linear steps are set for, and only for, a LINEAR deploy");
        }
        if ((strategy == DeployStrategy.CANARY) != (canary != null)) {
            throw new IllegalArgumentException("canary settings are set for, and only for, a CANARY deploy");
        }
        Objects.requireNonNull(circuitBreaker, "circuitBreaker");
        Objects.requireNonNull(alarms, "alarms");
        hooks = List.copyOf(hooks);
        loadBalancers = List.copyOf(loadBalancers);
        if (strategy.shiftsTraffic() && loadBalancers.stream().noneMatch(LoadBalancerRouting::hasAdvanced)) {
            throw new IllegalArgumentException(strategy + " moves traffic between target groups: give a load"
                    + " balancer an alternate target group and a production listener rule");
        }
    }

    /** ECS's defaults for a rolling deploy: 100 % / 200 %, circuit breaker rolling back, no alarms. */
    public static DeploymentSettings rolling(List<LoadBalancerRouting> loadBalancers) {
        return new DeploymentSettings(DeployStrategy.ROLLING, 100, 200, 0, null, null, CircuitBreaker.ROLL_BACK,
                DeployAlarms.NONE, List.of(), loadBalancers);
    }

    /** Whether an operator must continue the deployment at some stage. */
    public boolean pauses() {
        return hooks.stream().anyMatch(h -> h.type() == HookTargetType.PAUSE);
    }

    public DeploymentSettings withHooks(List<LifecycleHook> newHooks) {
        return new DeploymentSettings(strategy, minimumHealthyPercent, maximumPercent, bakeTimeMinutes, linear, canary,
                circuitBreaker, alarms, newHooks, loadBalancers);
    }
}
