package io.harbormaster.model.deploy;

import java.util.List;
import java.util.Objects;

/**
 * Taking one environment's images to another's namesake service ("promote stage to prod").
 *
 * @param change   the new images for the target's containers (only containers both sides have, images that differ)
 * @param newer    which side is newer: SOURCE, TARGET, SAME, or UNKNOWN when neither time nor tag tells
 * @param why      how {@code newer} was decided, in words
 * @param skipped  containers of the source the target does not have, or whose image already matches
 */
public record PromotionPlan(TaskDefinitionChange change, Side newer, String why, List<String> skipped) {

    public enum Side { SOURCE, TARGET, SAME, UNKNOWN }

    public PromotionPlan {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(newer, "newer");
        Objects.requireNonNull(why, "why");
        skipped = List.copyOf(skipped);
    }

    public boolean nothingToPromote() {
        return change.isEmpty();
    }
}
