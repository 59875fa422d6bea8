package io.harbormaster.model.fleet;

import io.harbormaster.model.environment.EnterEnvironment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.model.journal.JournalRecord;
import io.harbormaster.model.journal.WriteJournal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Task stops a previous run left open in the journal (killed around StopTask, or its answer and read-back both
 * lost), read back with DescribeTasks once the operator enters their environment and closed with what ECS holds:
 * DONE when ECS stops the task for this stop (stop code UserInitiated with the stop's own reason, or ECS no longer
 * lists it: it stopped long ago), FAILED when it still runs, or when ECS stopped it for another reason (its container
 * exited, its service replaced it, another StopTask) — that stop, not ours, is journalled. Like
 * {@link InterruptedScales}, only stops journalled before this console started are taken ({@link EarlierRunsOpen}).
 */
public final class InterruptedStops {

    /** The read-back line's fact: the task's desired/last status as read, or "gone". */
    public static final String READ_BACK = EarlierRunsOpen.READ_BACK;
    /** The read-back line's facts when ECS stopped the task for another reason than our stop: its stop code. */
    public static final String STOPPED_BY = "stoppedBy";
    /** … and its stopped reason. */
    public static final String STOPPED_REASON = "stoppedReason";

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
        boolean applied = now.map(s -> s.stoppedBy(intent.fact("reason"))).orElse(true);
        String found = now.map(s -> applied ? "applied (desired status STOPPED, last status " + s.lastStatus() + ")"
                : s.stopAsked() ? "not needed: " + s.stoppedOtherwise() + "; our stop was not needed"
                : "not applied (the task is " + s.lastStatus() + "); stop it again if still wanted")
                .orElse("the task is gone: ECS no longer lists it");
        String said = what(intent) + " was interrupted before its outcome was recorded; read back: " + found;
        String readBack = now.map(s -> s.desiredStatus() + "/" + s.lastStatus()).orElse("gone");
        Map<String, String> facts = now.filter(s -> s.stopAsked() && !applied)
                .map(s -> Map.of(READ_BACK, readBack, STOPPED_BY, s.stopCode(), STOPPED_REASON, s.stoppedReason()))
                .orElse(Map.of(READ_BACK, readBack));
        earlier.close(intent, applied, said, facts, what(intent) + " read back after an interruption");
        return said;
    }

    /** An {@link EnterEnvironment} that settles the environment's interrupted stops once entered. */
    public EnterEnvironment settlingEntry(EnterEnvironment enter) {
        return enter.andThen(this::settleIn);
    }
}
