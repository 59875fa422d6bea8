package io.harbormaster.model.journal;

import java.util.List;

/**
 * Port: the journal lines not yet known to be in the team's audit log, with whether each was sent already, kept
 * where they outlive the console (the local database) so that the next run neither drops them nor sends one twice.
 */
public interface AuditBacklog extends AuditSink.Progress {

    /** A line just written to the journal, not sent yet. */
    void add(JournalEntry entry);

    /** The lines waiting, oldest first. */
    List<AuditCopy> waiting();
}
