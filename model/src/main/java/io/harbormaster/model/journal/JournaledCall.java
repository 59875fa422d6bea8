package io.harbormaster.model.journal;

import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.WriteOutcomeUnknown;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One AWS call journalled as one operation that is over once the call answered (a scale, a task stopped): the
 * INTENT before the call, DONE with its request id or FAILED with the operator's reason after, then END; a call
 * whose outcome is unknown (answer and read-back lost) gets a NOTE and stays open.
 */
public final class JournaledCall {

    private JournaledCall() {
    }

    /**
     * @param intent the INTENT line, appended before the call
     * @param call   the call; answers its AWS request id
     * @param done   the DONE line's summary ("web scaled to 6 tasks")
     * @param what   the operation in words, for the END line ("Scale of web" → "Scale of web done")
     * @return the call's request id
     * @throws RuntimeException what the call threw, after FAILED and END are written
     */
    public static String run(WriteJournal journal, JournalRecord intent, Supplier<String> call, String done,
            String what) {
        journal.append(intent);
        String requestId;
        try {
            requestId = call.get();
        } catch (WriteOutcomeUnknown e) {
            // No END: the operation stays open, to be read back when its environment is next entered
            // (InterruptedScales for a scale); FAILED would be a guess.
            journal.append(intent.as(JournalPhase.NOTE, "Outcome unknown: " + e.problem().message(), "", Map.of()));
            throw e;
        } catch (RuntimeException e) {
            String why = e instanceof OperatorException o ? o.problem().message() : String.valueOf(e.getMessage());
            journal.append(intent.as(JournalPhase.FAILED, "Failed: " + why, "", Map.of()));
            journal.append(intent.as(JournalPhase.END, what + " not done", "", Map.of()));
            throw e;
        }
        journal.append(intent.as(JournalPhase.DONE, done, requestId, Map.of()));
        journal.append(intent.as(JournalPhase.END, what + " done", "", Map.of()));
        return requestId;
    }
}
