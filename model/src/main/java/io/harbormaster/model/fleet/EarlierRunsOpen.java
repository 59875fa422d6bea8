package io.harbormaster.model.fleet;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.model.journal.JournalPhase;
import io.harbormaster.model.journal.JournalRecord;
import io.harbormaster.model.journal.WriteJournal;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Write operations of one kind that an earlier run of the console left open in the journal (killed between INTENT
 * and outcome, or its answer and read-back both lost), and how one is closed once read back: what
 * {@link InterruptedScales} and {@link InterruptedStops} share. Only operations journalled before this console
 * started are taken, told apart by their place in the journal rather than their time (a sandbox's clock may start
 * again earlier than the last run's lines): one in flight now is not.
 */
final class EarlierRunsOpen {

    /** The read-back line's fact: what AWS held when read back, or "gone". */
    static final String READ_BACK = "readBack";

    private static final System.Logger LOG = System.getLogger(EarlierRunsOpen.class.getName());

    private final WriteJournal journal;
    private final String kind;
    /** The journal's last line when this console started: the lines after it are this run's. */
    private final long mark;

    /** Made as the console starts, before it writes anything. */
    EarlierRunsOpen(WriteJournal journal, String kind) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.mark = journal.recent(1).stream().mapToLong(JournalEntry::sequence).max().orElse(Long.MIN_VALUE);
    }

    /** The first line (the INTENT) of each open operation an earlier run journalled, oldest first. */
    List<JournalEntry> firstLines() {
        return journal.openOperations(kind).stream().map(lines -> lines.get(0))
                .filter(first -> first.sequence() <= mark).toList();
    }

    /** Whether the operation was written in the session's environment and Region. */
    static boolean in(JournalRecord intent, EnvironmentSession session) {
        return intent.environmentId().equals(session.environment().id())
                && intent.fact("region").equals(session.region());
    }

    /** Closes the operation with what its read-back found: DONE (applied) or FAILED with it, then END. */
    void close(JournalRecord intent, boolean applied, String found, String readBack, String ended) {
        close(intent, applied, found, Map.of(READ_BACK, readBack), ended);
    }

    /** Closes it with the read-back's facts ({@link #READ_BACK} among them). */
    void close(JournalRecord intent, boolean applied, String found, Map<String, String> facts, String ended) {
        journal.append(intent.as(applied ? JournalPhase.DONE : JournalPhase.FAILED, found, "", facts));
        journal.append(intent.as(JournalPhase.END, ended, "", Map.of()));
        LOG.log(Level.WARNING, found);
    }

    /**
     * Settles each operation; one that cannot be read back (AWS refused or failed) stays open until the next entry.
     *
     * @return what was found, as journalled
     */
    static <T> List<String> settleEach(List<T> open, Function<T, String> settle, Function<T, String> describe) {
        List<String> out = new ArrayList<>();
        for (T operation : open) {
            try {
                out.add(settle.apply(operation));
            } catch (OperatorException e) {
                LOG.log(Level.WARNING, describe.apply(operation) + " was interrupted and could not be read back ("
                        + e.problem().message() + "); it stays open until the next entry");
            }
        }
        return out;
    }
}
