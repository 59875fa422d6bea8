package io.harbormaster.model.cutover;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a runner stands, in the terms it resumes from: the next thing it will do and what it knows. A restored
 * runner starts paused at its checkpoint; {@code resume} continues exactly there.
 *
 * @param stage       what it does next
 * @param step        the step concerned (0 before the first)
 * @param requested   the weights of that step (or the rollback's); the start weights before the first step
 * @param confirmed   the weights last confirmed in AWS
 * @param changeId    the change to read back (CONFIRM), blank if unknown
 * @param bakeUntil   when the bake ends (BAKE), else null
 * @param rollingBack whether the write concerned is the rollback
 */
public record CutoverCheckpoint(Stage stage, int step, Weights requested, Weights confirmed, String changeId,
                                Instant bakeUntil, boolean rollingBack) {

    /** The runner's next action. */
    public enum Stage {
        /** Take the lock. */
        LOCK,
        /** Check the live weights are still the expected ones, then write {@code requested}. */
        WRITE,
        /** Read back the write of {@code requested}. */
        CONFIRM,
        /** Wait until {@code bakeUntil}. */
        BAKE,
        /** Judge the gates of {@code step}. */
        JUDGE,
        /** Go on after {@code step}: the next step's write, or the end after the last. */
        ADVANCE
    }

    public CutoverCheckpoint {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(requested, "requested");
        changeId = changeId == null ? "" : changeId;
        if (stage == Stage.BAKE) {
            Objects.requireNonNull(bakeUntil, "bakeUntil");
        }
    }

    /** For the operator: what resuming from here does. */
    public String describe(CutoverPlan plan) {
        String what = rollingBack ? "the rollback" : "step " + step + " of " + plan.stepCount();
        return switch (stage) {
            case LOCK -> "take the lock and start";
            case WRITE -> "write " + what + " (" + requested.describe() + ")";
            case CONFIRM -> "read back " + what + (changeId.isBlank() ? "" : " (change " + changeId + ")");
            case BAKE -> "bake " + what + " until " + bakeUntil;
            case JUDGE -> "judge the gates of step " + step;
            case ADVANCE -> step >= plan.stepCount() ? "finish" : "write step " + (step + 1) + " of "
                    + plan.stepCount();
        };
    }
}
