package io.harbormaster.model.recovery;

import io.harbormaster.model.journal.JournalEntry;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One write to AWS a previous run of the console began and never saw to its end (killed, or its answer and its
 * read-back both lost), as the journal tells it now: what was in flight, when and by whom, and what reading it back
 * found so far, with what the operator should do.
 *
 * @param what     what was in flight and how far it got: "Scale of api to 12 tasks", "Deploy of api to api:43
 *                 (UpdateService sent, its answer not recorded)"
 * @param found    what the read-back found ("done: the desired count is 12"); for {@link Found#NOT_READ_YET}, why not
 * @param nextStep what to do now; empty when nothing is left to do
 * @param lines    the operation's journal lines, oldest first: the entry the notice opens
 */
public record InterruptedWrite(Kind kind, String operationId, String environmentId, String what, Instant startedAt,
                               String actor, Found found, String foundText, String nextStep,
                               List<JournalEntry> lines) {

    /** The writes the journal can tell of. */
    public enum Kind { SCALE, DEPLOY, CUTOVER, STOP_TASK }

    /** What the next run found of it in AWS. */
    public enum Found {
        /** Not read back yet (its environment not entered, or AWS did not answer the read). */
        NOT_READ_YET,
        /** It took effect. */
        DONE,
        /** It did not take effect, or ended without its goal. */
        NOT_DONE,
        /** It is still going on (a deployment rolling out, a cutover back under the console): see it through. */
        UNDER_WAY
    }

    public InterruptedWrite {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(environmentId, "environmentId");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(found, "found");
        actor = actor == null ? "" : actor;
        foundText = foundText == null ? "" : foundText;
        nextStep = nextStep == null ? "" : nextStep;
        lines = List.copyOf(lines);
    }

    /** Whether nothing more is to be learnt or done about it. */
    public boolean settled() {
        return found == Found.DONE || found == Found.NOT_DONE;
    }
}
