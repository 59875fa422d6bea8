package io.harbormaster.model.testdata;

import io.harbormaster.model.journal.ForwardingJournal;
import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.model.journal.JournalRecord;
import io.harbormaster.model.journal.WriteJournal;
import java.util.function.Predicate;

/**
 * A journal that "kills the process" at the first line matching a predicate, before or after storing it: the
 * lines written so far stay in the inner journal, as they would in SQLite, for a restart to reconcile.
 */
public final class CrashingJournal extends ForwardingJournal {

    /** Stands for the process being killed: an Error, not a RuntimeException, so the code under test cannot catch it. */
    public static final class Killed extends Error {
        private static final long serialVersionUID = 1L;
    }

    private volatile Predicate<JournalRecord> crashAt = r -> false;
    private volatile boolean afterStoring;

    public CrashingJournal(WriteJournal inner) {
        super(inner);
    }

    /** Arms the crash: once, at the first line matching; {@code afterStoring} keeps that line (the write landed). */
    public CrashingJournal crashAt(Predicate<JournalRecord> line, boolean afterStoring) {
        this.afterStoring = afterStoring;
        this.crashAt = line;
        return this;
    }

    @Override
    public JournalEntry append(JournalRecord record) {
        if (crashAt.test(record)) {
            crashAt = r -> false;
            if (afterStoring) {
                inner().append(record);
            }
            throw new Killed();
        }
        return inner().append(record);
    }
}
