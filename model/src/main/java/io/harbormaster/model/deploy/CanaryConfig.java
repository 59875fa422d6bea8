package io.harbormaster.model.deploy;

/**
 * CANARY: {@code canaryPercent} of production traffic first, bake {@code canaryBakeMinutes}, then the rest.
 *
 * @param canaryPercent     0.1–100.0 in multiples of 0.1 (ECS's default 5)
 * @param canaryBakeMinutes 0–1440 (ECS's default 10)
 */
public record CanaryConfig(double canaryPercent, int canaryBakeMinutes) {

    public static final CanaryConfig DEFAULT = new CanaryConfig(5.0, 10);

    public CanaryConfig {
        canaryPercent = Percentages.tenths(canaryPercent, 0.1, 100.0, "canary percent");
        Percentages.minutes(canaryBakeMinutes, "canary bake time");
    }
}
