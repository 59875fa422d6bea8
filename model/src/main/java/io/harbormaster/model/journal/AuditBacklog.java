package io.harbormaster.model.journal;

import java.util.List;
import java.util.function.Supplier;

/**
 * Port: the journal lines not yet known to be in the team's audit log, with whether each was sent already, kept
 * where they outlive the console (the local database) so that the next run neither drops them nor sends one twice.
 */
public interface AuditBacklog extends AuditSink.Progress {

    /** A line just written to the journal, not sent yet. */
    void add(JournalEntry entry);

    /**
     * Writes a line to the journal through {@code append} and adds it here, as one change where both live in one
     * store: a console killed in between, or an add that fails, leaves neither, never a journal line its copy to the
     * team's log would miss. This default, for a backlog kept apart from the journal, appends and then adds.
     *
     * @return the line written
     */
    default JournalEntry addAppended(Supplier<JournalEntry> append) {
        JournalEntry entry = append.get();
        add(entry);
        return entry;
    }

    /** The lines waiting, oldest first. */
    List<AuditCopy> waiting();
}
