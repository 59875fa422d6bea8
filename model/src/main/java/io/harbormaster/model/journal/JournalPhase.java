package io.harbormaster.model.journal;

/** Where a journal line stands in the life of one write. */
public enum JournalPhase {
    /** Written before the AWS call: what is about to be asked. If nothing follows it, the call's fate is unknown. */
    INTENT,
    /** The call answered and did what was asked (request id recorded). */
    DONE,
    /** The call answered with an error, or was never sent; nothing changed in AWS because of it. */
    FAILED,
    /** A decision or observation worth keeping (a gate's verdict, an operator's pause), not a write. */
    NOTE,
    /** The operation is over: no line of it will follow. Operations without one are still open after a crash. */
    END
}
