package io.harbormaster.model.cutover;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The gates' conclusion for one step, with every gate's evidence. The verdict is the worst gate's.
 *
 * @param step     the step judged (1-based)
 * @param at       when it was judged
 * @param verdict  the worst of the evidence
 * @param evidence one line per rule and side, and per alarm
 */
public record GateDecision(int step, Instant at, GateVerdict verdict, List<GateEvidence> evidence) {

    public GateDecision {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(verdict, "verdict");
        evidence = List.copyOf(evidence);
    }

    /** The evidence lines that made the verdict (the worst ones), for a short summary. */
    public List<GateEvidence> decisive() {
        return evidence.stream().filter(e -> e.verdict() == verdict).toList();
    }
}
