package io.harbormaster.model.deploy;

/**
 * LINEAR: traffic moves in steps of {@code stepPercent}, baking {@code stepBakeMinutes} after each step.
 *
 * @param stepPercent     3.0–100.0 in multiples of 0.1 (ECS's default 10)
 * @param stepBakeMinutes 0–1440 (ECS's default 6)
 */
public record LinearConfig(double stepPercent, int stepBakeMinutes) {

    public static final LinearConfig DEFAULT = new LinearConfig(10.0, 6);

    public LinearConfig {
        stepPercent = Percentages.tenths(stepPercent, 3.0, 100.0, "linear step percent");
        Percentages.minutes(stepBakeMinutes, "linear step bake time");
    }

    /** How many traffic shifts reach 100 %. */
    public int steps() {
        return (int) Math.ceil(100.0 / stepPercent - 1e-9);
    }
}
