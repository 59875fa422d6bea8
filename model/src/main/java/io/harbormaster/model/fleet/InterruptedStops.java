package io.harbormaster.model.fleet;

import io.harbormaster.model.environment.EnterEnvironment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.model.journal.JournalRecord;
import io.harbormaster.model.journal.WriteJournal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Task stops a previous run left open in the journal (killed around StopTask, or its answer and read-back both
 * lost), read back with DescribeTasks once the operator enters their environment and closed with what ECS holds:
 * DONE when the task's desired status is STOPPED (or ECS no longer lists it: it stopped long ago), FAILED when it
 * still runs. Like {@link InterruptedScales}, only stops journalled before this console started are taken
 * ({@link EarlierRunsOpen}).
 */
public final class InterruptedStops {

    /** The read-back line's fact: the task's desired/last status as read, or "gone". */
    public static final String READ_BACK = EarlierRunsOpen.READ_BACK;

    private final EarlierRunsOpen earlier;
    private final ReadTaskStatus read;

    /** Made as the console starts, before it writes anything. */
    public InterruptedStops(WriteJournal journal, ReadTaskStatus read) {
        this.earlier = new EarlierRunsOpen(journal, JournaledStopTask.KIND);
        this.read = Objects.requireNonNull(read, "read");
    }

    /** The open stops of earlier runs in the session's environment and Region, their INTENT lines, oldest first. */
    List<JournalRecord> openIn(EnvironmentSession session) {
        return earlier.firstLines().stream().map(JournalEntry::record).filter(r -> EarlierRunsOpen.in(r, session))
                .toList();
    }

    /**
     * Reads each open stop back and closes it; one that cannot be read stays open until the next entry.
     *
     * @return what was found, as journalled
     */
    public List<String> settleIn(EnvironmentSession session) {
        return EarlierRunsOpen.settleEach(openIn(session), intent -> settle(session, intent), InterruptedStops::what);
    }

    private static String what(JournalRecord intent) {
        return "Stop of task " + Arns.name(intent.fact("task"));
    }

    private String settle(EnvironmentSession session, JournalRecord intent) {
        Optional<ReadTaskStatus.TaskStatus> now = read.taskStatus(session, intent.fact("cluster"),
                intent.fact("task"));
        boolean applied = now.map(ReadTaskStatus.TaskStatus::stopAsked).orElse(true);
        String found = now.map(s -> applied ? "applied (desired status STOPPED, last status " + s.lastStatus() + ")"
                : "not applied (the task is " + s.lastStatus() + "); stop it again if still wanted")
                .orElse("the task is gone: ECS no longer lists it");
        String said = what(intent) + " was interrupted before its outcome was recorded; read back: " + found;
        earlier.close(intent, applied, said, now.map(s -> s.desiredStatus() + "/" + s.lastStatus()).orElse("gone"),
                what(intent) + " read back after an interruption");
        return said;
    }

    /** An {@link EnterEnvironment} that settles the environment's interrupted stops once entered. */
    public EnterEnvironment settlingEntry(EnterEnvironment enter) {
        return enter.andThen(this::settleIn);
    }
}
