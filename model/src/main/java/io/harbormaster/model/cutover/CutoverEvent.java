package io.harbormaster.model.cutover;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One thing that happened in a cutover, as the live view lists it and the journal keeps it: a write, its read
 * back, a gate decision, an operator's command, a drift found.
 *
 * @param at       when
 * @param step     the step it belongs to (0 before the first)
 * @param by       "console" for the runner's own decisions, else the operator's identity
 * @param what     one line for the operator
 * @param evidence the facts behind it (values, thresholds, window, data points, change id…)
 */
public record CutoverEvent(Instant at, int step, String by, String what, Map<String, String> evidence) {

    public CutoverEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(what, "what");
        evidence = Map.copyOf(evidence);
    }
}
