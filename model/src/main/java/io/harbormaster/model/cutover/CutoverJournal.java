package io.harbormaster.model.cutover;

import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.model.journal.JournalPhase;
import io.harbormaster.model.journal.JournalRecord;
import io.harbormaster.model.journal.WriteJournal;
import java.util.HashMap;
import java.util.Map;

/**
 * A cutover's lines in the write journal: kind {@value #KIND}, the cutover id as the operation id, the route as the
 * resource. Every line carries {@value #EVENT} (what it is) and, where it applies, {@value #STEP},
 * {@value #WEIGHTS}, {@value #PURPOSE}, {@value #CHANGE_ID}; the start line carries the whole plan ({@link PlanCodec}).
 */
public final class CutoverJournal {

    public static final String KIND = "cutover";
    public static final String EVENT = "event";
    public static final String STEP = "step";
    public static final String WEIGHTS = "weights";
    public static final String PREVIOUS = "previous";
    public static final String PURPOSE = "purpose";
    public static final String CHANGE_ID = "changeId";
    public static final String AT = "at";
    public static final String BY = "by";
    public static final String BAKE_UNTIL = "bakeUntil";
    public static final String VERDICT = "verdict";
    public static final String ACTION = "action";
    public static final String EVIDENCE = "evidence";
    public static final String OUTCOME = "outcome";
    public static final String REASON = "reason";
    public static final String LIVE = "live";

    /** Event names. */
    public static final String START = "start";
    public static final String LOCK = "lock";
    public static final String UNLOCK = "unlock";
    public static final String WRITE = "write";
    public static final String CONFIRMED = "confirmed";
    public static final String GATES = "gates";
    public static final String DRIFT = "drift";
    public static final String PAUSE = "pause";
    public static final String RESUME = "resume";
    public static final String PROMOTE = "promote";
    public static final String ROLLBACK = "rollback";
    public static final String ABORT = "abort";
    public static final String RESTART = "restart";
    public static final String END = "end";

    /** Purposes of a write. */
    public static final String FOR_STEP = "step";
    public static final String FOR_ROLLBACK = "rollback";

    private final WriteJournal journal;
    private final CutoverPlan plan;
    private final String actor;

    public CutoverJournal(WriteJournal journal, CutoverPlan plan, String actor) {
        this.journal = journal;
        this.plan = plan;
        this.actor = actor;
    }

    public JournalRecord line(JournalPhase phase, String event, String summary, Map<String, String> facts) {
        Map<String, String> all = new HashMap<>(facts);
        all.put(EVENT, event);
        return new JournalRecord(plan.cutoverId(), KIND, phase, plan.route().environmentId(), plan.route().resource(),
                actor, summary, "", all);
    }

    public JournalEntry append(JournalRecord record) {
        return journal.append(record);
    }

    public JournalEntry append(JournalPhase phase, String event, String summary, Map<String, String> facts) {
        return journal.append(line(phase, event, summary, facts));
    }

    public static String event(JournalEntry entry) {
        return entry.record().fact(EVENT);
    }
}
