package io.harbormaster.model.fleet;

import io.harbormaster.model.environment.EnterEnvironment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.model.journal.JournalRecord;
import io.harbormaster.model.journal.WriteJournal;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Scales a previous run left open in the journal (killed between INTENT and outcome, or the answer and its read-back
 * both lost): listed from the journal alone, then — once the operator enters their environment — read back from AWS
 * and closed with what was found, so the journal never keeps a write whose fate nobody looked at, and never claims
 * an outcome nobody saw. Only scales journalled before this console started are taken: one in flight now is not.
 */
public final class InterruptedScales {

    private static final System.Logger LOG = System.getLogger(InterruptedScales.class.getName());

    private final WriteJournal journal;
    private final EarlierRunsOpen earlier;
    private final ReadDesiredCount read;
    private final List<String> found = new CopyOnWriteArrayList<>();

    /**
     * Made as the console starts, before it writes anything: scales journalled after this are its own, in flight or
     * answered. Told apart by their place in the journal, not their time: a sandbox's clock may start again earlier
     * than the last run's lines.
     */
    public InterruptedScales(WriteJournal journal, ReadDesiredCount read) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.earlier = new EarlierRunsOpen(journal, JournaledScaleService.KIND);
        this.read = Objects.requireNonNull(read, "read");
    }

    /** The open scales, from the journal only (no AWS call), oldest first. */
    public List<InterruptedScale> open() {
        List<InterruptedScale> out = new ArrayList<>();
        for (JournalEntry first : earlier.firstLines()) {
            JournalRecord r = first.record();
            try {
                out.add(new InterruptedScale(r.operationId(), r.environmentId(), r.fact("region"),
                        new ScaleServiceCommand(r.fact("cluster"), r.fact("service"),
                                Integer.parseInt(r.fact("desiredCount")), fromCount(r)), first.at(), r.actor()));
            } catch (IllegalArgumentException unreadable) {
                LOG.log(Level.WARNING, "open scale " + r.operationId() + " cannot be read back: "
                        + unreadable.getMessage());
            }
        }
        return out;
    }

    /** The INTENT's count scaled from; empty in a line written before it was journalled. */
    public static OptionalInt fromCount(JournalRecord intent) {
        String from = intent.fact(JournaledScaleService.FROM_COUNT);
        return from.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(from));
    }

    /**
     * Reads the scale back and closes its operation: DONE when the service has the desired count asked for, FAILED
     * (nothing of it in AWS) otherwise, then END. A count that is neither the one asked for nor the one scaled from
     * is said as such: something else (an operator, auto scaling) changed it since.
     *
     * @return what was found, as journalled
     */
    public String settle(EnvironmentSession session, InterruptedScale scale) {
        ScaleServiceCommand c = scale.command();
        OptionalInt now = read.desiredCount(session, c.cluster(), c.service());
        boolean applied = now.isPresent() && now.getAsInt() == c.desiredCount();
        String what = scale.describe() + " was interrupted before its outcome was recorded; read back: "
                + (applied ? "applied (desired count " + c.desiredCount() + ")"
                : now.isEmpty() ? "the service is gone"
                : c.fromCount().isPresent() && c.fromCount().getAsInt() != now.getAsInt()
                        ? "not applied (desired count " + now.getAsInt() + ", neither the " + c.desiredCount()
                                + " asked for nor the " + c.fromCount().getAsInt() + " scaled from: changed since);"
                                + " scale again if still wanted"
                : "not applied (desired count still " + now.getAsInt() + "); scale again if still wanted");
        JournalRecord intent = journal.operation(scale.operationId()).get(0).record();
        earlier.close(intent, applied, what, now.isPresent() ? String.valueOf(now.getAsInt()) : "gone",
                "Scale of " + c.serviceName() + " read back after an interruption");
        found.add(what);
        return what;
    }

    /** Settles the open scales of the session's environment and Region; one that cannot be read stays open. */
    public List<String> settleIn(EnvironmentSession session) {
        List<InterruptedScale> here = open().stream().filter(scale -> scale.environmentId()
                .equals(session.environment().id()) && scale.region().equals(session.region())).toList();
        return EarlierRunsOpen.settleEach(here, scale -> settle(session, scale), InterruptedScale::describe);
    }

    /** An {@link EnterEnvironment} that settles the environment's interrupted scales once entered. */
    public EnterEnvironment settlingEntry(EnterEnvironment enter) {
        return enter.andThen(this::settleIn);
    }

    /** What settling found in this run, oldest first: for the console to tell. */
    public List<String> found() {
        return List.copyOf(found);
    }
}
