package io.harbormaster.model.cutover;

import java.util.List;
import java.util.Objects;

/**
 * What the journal and the live weights say about an open cutover after a restart, and where to resume: never a
 * step twice, never one skipped. The runner restored from it starts paused, offering resume (continue at the
 * checkpoint) or roll back.
 *
 * @param plan        the plan, read back from the journal's start line
 * @param situation   what the crash interrupted
 * @param checkpoint  where resuming continues
 * @param live        the weights found in AWS now
 * @param explanation one paragraph for the operator: what was found, what resume does
 * @param lockHeld    whether the journal says this cutover holds its lock
 * @param events      the cutover's history rebuilt from the journal
 */
public record Reconciliation(CutoverPlan plan, Situation situation, CutoverCheckpoint checkpoint, Weights live,
                             String explanation, boolean lockHeld, List<CutoverEvent> events) {

    /** Where the crash fell. */
    public enum Situation {
        /** Before the lock was taken or the first write was asked. */
        NOT_STARTED,
        /** A write was about to be asked (or was refused) and AWS does not have it: it will be asked again. */
        WRITE_NOT_APPLIED,
        /** A write was asked but its answer was lost; AWS has it: it will be read back, not written again. */
        WRITE_APPLIED_UNCONFIRMED,
        /** A write was accepted (change id known) but not yet read back: it will be read back. */
        WRITTEN_NOT_CONFIRMED,
        /** A step was confirmed and was baking: the bake continues to its original end. */
        MID_BAKE,
        /** The gates of a step were judged: their decision is carried out. */
        JUDGED,
        /** The weights in AWS are neither the journal's last confirmed ones nor the ones being written. */
        DRIFTED
    }

    public Reconciliation {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(situation, "situation");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(explanation, "explanation");
        events = List.copyOf(events);
    }
}
