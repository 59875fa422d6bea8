package io.harbormaster.model.cutover;

import java.time.Instant;
import java.util.Objects;

/**
 * The split at a moment, for the live view's chart: what was asked and what AWS was confirmed to hold.
 *
 * @param at        when
 * @param requested the weights written (or being written)
 * @param confirmed the weights read back, or null before the first read back
 */
public record SplitPoint(Instant at, Weights requested, Weights confirmed) {

    public SplitPoint {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(requested, "requested");
    }
}
