package io.harbormaster.model.fleet;

import io.harbormaster.model.environment.EnterEnvironment;
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
import java.util.Optional;

/**
 * Task stops a previous run left open in the journal (killed around StopTask, or its answer and read-back both
 * lost), read back with DescribeTasks once the operator enters their environment and closed with what ECS holds:
 * DONE when the task's desired status is STOPPED (or ECS no longer lists it: it stopped long ago), FAILED when it
 * still runs. Like {@link InterruptedScales}, only stops journalled before this console started are taken.
 */
public final class InterruptedStops {

    private static final System.Logger LOG = System.getLogger(InterruptedStops.class.getName());

    /** The read-back line's fact: the task's desired/last status as read, or "gone". */
    public static final String READ_BACK = "readBack";

    private final WriteJournal journal;
    private final ReadTaskStatus read;
    /** The journal's last line when this console started: the lines after it are this run's. */
    private final long mark;

    /** Made as the console starts, before it writes anything. */
    public InterruptedStops(WriteJournal journal, ReadTaskStatus read) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.read = Objects.requireNonNull(read, "read");
        this.mark = journal.recent(1).stream().mapToLong(JournalEntry::sequence).max().orElse(Long.MIN_VALUE);
    }

    /** The open stops of earlier runs in the session's environment and Region, their INTENT lines, oldest first. */
    List<JournalRecord> openIn(EnvironmentSession session) {
        List<JournalRecord> out = new ArrayList<>();
        for (List<JournalEntry> lines : journal.openOperations(JournaledStopTask.KIND)) {
            JournalRecord r = lines.get(0).record();
            if (lines.get(0).sequence() <= mark && r.environmentId().equals(session.environment().id())
                    && r.fact("region").equals(session.region())) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Reads each open stop back and closes it; one that cannot be read stays open until the next entry.
     *
     * @return what was found, as journalled
     */
    public List<String> settleIn(EnvironmentSession session) {
        List<String> out = new ArrayList<>();
        for (JournalRecord intent : openIn(session)) {
            String what = "Stop of task " + Arns.name(intent.fact("task"));
            try {
                out.add(settle(session, intent, what));
            } catch (OperatorException e) {
                LOG.log(Level.WARNING, what + " was interrupted and could not be read back ("
                        + e.problem().message() + "); it stays open until the next entry");
            }
        }
        return out;
    }

    private String settle(EnvironmentSession session, JournalRecord intent, String what) {
        Optional<ReadTaskStatus.TaskStatus> now = read.taskStatus(session, intent.fact("cluster"),
                intent.fact("task"));
        boolean applied = now.map(ReadTaskStatus.TaskStatus::stopAsked).orElse(true);
        String found = now.map(s -> applied ? "applied (desired status STOPPED, last status " + s.lastStatus() + ")"
                : "not applied (the task is " + s.lastStatus() + "); stop it again if still wanted")
                .orElse("the task is gone: ECS no longer lists it");
        String said = what + " was interrupted before its outcome was recorded; read back: " + found;
        journal.append(intent.as(applied ? JournalPhase.DONE : JournalPhase.FAILED, said, "",
                Map.of(READ_BACK, now.map(s -> s.desiredStatus() + "/" + s.lastStatus()).orElse("gone"))));
        journal.append(intent.as(JournalPhase.END, what + " read back after an interruption", "", Map.of()));
        LOG.log(Level.WARNING, said);
        return said;
    }

    /** An {@link EnterEnvironment} that settles the environment's interrupted stops once entered. */
    public EnterEnvironment settlingEntry(EnterEnvironment enter) {
        return enter.andThen(this::settleIn);
    }
}
