package io.harbormaster.model.journal;

import java.util.List;

/**
 * Port: a copy of journal lines where the whole team sees them (a CloudWatch Logs group in the ops account, a
 * stream per operator). Blocking; may fail (offline, denied) — {@link AuditedJournal} retries later and never lets a
 * failure stop the write that was journaled.
 */
public interface AuditSink {

    /**
     * Copies lines, oldest first. A line {@linkplain AuditCopy#sent sent before} without an answer is looked for in
     * the log first and sent again only if it is not there.
     *
     * @param progress told of each group of lines just before it is sent and once it is known to be in the log, so
     *                 that what may already be in the log is known even if the console dies in between
     * @throws RuntimeException when not every line could be copied; those reported copied are
     */
    void copy(List<AuditCopy> lines, Progress progress);

    /** What became of lines during a copy. */
    interface Progress {

        /** The lines are about to be sent: until they are copied they may be in the log, answer or not. */
        void sending(List<JournalEntry> lines);

        /** The lines are in the log (the answer said so, or they were found there). */
        void copied(List<JournalEntry> lines);
    }
}
