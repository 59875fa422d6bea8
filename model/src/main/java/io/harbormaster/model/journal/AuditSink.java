package io.harbormaster.model.journal;

/**
 * Port: a copy of journal lines where the whole team sees them (a CloudWatch Logs group in the ops account, a
 * stream per operator). Blocking; may fail (offline, denied) — {@link AuditedJournal} retries later and never lets a
 * failure stop the write that was journaled.
 */
public interface AuditSink {

    /**
     * Copies lines, oldest first.
     *
     * @throws RuntimeException when they could not be copied (nothing is known to have been copied then)
     */
    void copy(java.util.List<JournalEntry> entries);
}
