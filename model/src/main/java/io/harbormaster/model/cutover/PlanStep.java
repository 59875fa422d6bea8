package io.harbormaster.model.cutover;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of a plan: the weights written, the share they really give, and how long to bake before the gates.
 *
 * @param index            1-based step number
 * @param requestedPercent the share the operator asked for on the target side
 * @param weights          the integer weights written for it (the best the kind's range allows)
 * @param effectivePercent the target side's share those weights really give (weight ÷ sum)
 * @param bake             how long to wait after the write is confirmed before gates are judged
 */
public record PlanStep(int index, double requestedPercent, Weights weights, double effectivePercent,
                       Duration bake) {

    public PlanStep {
        if (index < 1) {
            throw new IllegalArgumentException("steps are numbered from 1");
        }
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(bake, "bake");
        if (bake.isNegative()) {
            throw new IllegalArgumentException("bake time cannot be negative");
        }
    }

    /** Whether the effective share differs from the requested one by more than 0.05 points. */
    public boolean approximate() {
        return Math.abs(requestedPercent - effectivePercent) > 0.05;
    }
}
