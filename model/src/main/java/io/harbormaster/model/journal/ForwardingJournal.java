package io.harbormaster.model.journal;

import java.util.List;
import java.util.Objects;

/**
 * A journal that adds something to how lines are appended (copied to the team's log, a crash in a test) and reads
 * everything from the journal it wraps, which holds the lines.
 */
public abstract class ForwardingJournal implements WriteJournal {

    private final WriteJournal inner;

    protected ForwardingJournal(WriteJournal inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    /** The journal that holds the lines. */
    public final WriteJournal inner() {
        return inner;
    }

    @Override
    public final List<JournalEntry> operation(String operationId) {
        return inner.operation(operationId);
    }

    @Override
    public final List<JournalEntry> recent(int limit) {
        return inner.recent(limit);
    }

    @Override
    public final List<List<JournalEntry>> openOperations(String kind) {
        return inner.openOperations(kind);
    }
}
