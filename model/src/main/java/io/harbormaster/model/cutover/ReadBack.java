package io.harbormaster.model.cutover;

import java.util.Objects;

/**
 * What a read back found.
 *
 * @param state    pending, confirmed, different from what was written, or AWS busy (ask again)
 * @param live     the weights found (null while pending or busy)
 * @param evidence one line: "GetChange C0… INSYNC; live blue 95 · green 5 as written"
 */
public record ReadBack(State state, Weights live, String evidence) {

    public enum State {
        /** Route 53 still says PENDING. */
        PENDING,
        /** In sync and the live weights are the ones written. */
        CONFIRMED,
        /** The live weights are not the ones written: someone else changed them. */
        MISMATCH,
        /** Throttled or busy; nothing learnt, ask again. */
        BUSY
    }

    public ReadBack {
        Objects.requireNonNull(state, "state");
        evidence = evidence == null ? "" : evidence;
    }
}
