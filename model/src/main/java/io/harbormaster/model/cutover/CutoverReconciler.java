package io.harbormaster.model.cutover;

import io.harbormaster.model.cutover.CutoverCheckpoint.Stage;
import io.harbormaster.model.cutover.Reconciliation.Situation;
import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.model.journal.JournalPhase;
import io.harbormaster.model.journal.JournalRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * After a restart: replays an open cutover's journal lines to the last thing known, compares it with the weights
 * in AWS now, and says where to resume. Pure: the caller reads the journal and the live weights.
 *
 * <p>The cases: a write asked but unanswered (its INTENT has no DONE/FAILED) is judged by the live weights — the
 * requested ones: it took, read it back; the previous ones: it did not, ask again; others: drift. A write accepted
 * but not read back is read back with its change id. A confirmed step resumes its bake to the original end. A
 * judged step carries out its decision. Live weights other than the journal's are drift: shown, and the cutover
 * waits for the operator.
 */
public final class CutoverReconciler {

    private CutoverReconciler() {
    }

    /** The plan journaled when the cutover started. */
    public static CutoverPlan plan(List<JournalEntry> lines) {
        return lines.stream().filter(e -> CutoverJournal.START.equals(CutoverJournal.event(e))).findFirst()
                .map(e -> PlanCodec.decode(e.record().facts()))
                .orElseThrow(() -> new IllegalArgumentException("the journal has no start line for this cutover"));
    }

    /**
     * @param lines the cutover's journal lines, oldest first ({@code WriteJournal.operation(id)})
     * @param live  the route's weights in AWS now
     */
    public static Reconciliation reconcile(List<JournalEntry> lines, Weights live) {
        CutoverPlan plan = plan(lines);
        Replay r = new Replay(plan);
        lines.forEach(r::apply);
        List<CutoverEvent> events = lines.stream().map(CutoverReconciler::event).toList();
        Weights base = r.confirmed != null ? r.confirmed : plan.startWeights();
        String found = "AWS has " + live.describe() + ". ";
        Situation situation;
        CutoverCheckpoint checkpoint;
        String explanation;
        switch (r.stage) {
            case LOCK -> {
                situation = Situation.NOT_STARTED;
                checkpoint = r.checkpoint(Stage.LOCK, "");
                explanation = found + "The cutover had not taken its lock yet; resume takes it and starts.";
            }
            case WRITE -> {
                if (r.pending != null && live.sameAs(r.pending.weights)) {
                    situation = Situation.WRITE_APPLIED_UNCONFIRMED;
                    checkpoint = r.checkpoint(Stage.CONFIRM, "");
                    explanation = found + "The write of " + r.what() + " was asked and AWS has it, but its answer"
                            + " was lost; resume reads it back, it is not written again.";
                } else if (r.pending != null ? live.sameAs(r.pending.previous) || r.rollingBack
                        : live.sameAs(base) || live.sameAs(r.requested) || r.rollingBack) {
                    situation = Situation.WRITE_NOT_APPLIED;
                    checkpoint = r.checkpoint(Stage.WRITE, "");
                    explanation = found + "The write of " + r.what() + " had not reached AWS; resume writes it.";
                } else {
                    return drifted(plan, r, live, events, r.pending != null ? r.pending.previous : base);
                }
            }
            case CONFIRM -> {
                if (!live.sameAs(r.requested)) {
                    return drifted(plan, r, live, events, r.requested);
                }
                situation = Situation.WRITTEN_NOT_CONFIRMED;
                checkpoint = r.checkpoint(Stage.CONFIRM, r.changeId);
                explanation = found + "The write of " + r.what() + " was accepted" + (r.changeId.isBlank() ? ""
                        : " (change " + r.changeId + ")") + " but not yet read back; resume reads it back.";
            }
            case BAKE -> {
                if (!live.sameAs(r.requested)) {
                    return drifted(plan, r, live, events, r.requested);
                }
                situation = Situation.MID_BAKE;
                checkpoint = r.checkpoint(Stage.BAKE, r.changeId);
                explanation = found + "Step " + r.step + " was confirmed and baking until " + r.bakeUntil
                        + "; resume bakes to that time, then judges its gates.";
            }
            default -> {
                if (!live.sameAs(r.requested)) {
                    return drifted(plan, r, live, events, r.requested);
                }
                situation = Situation.JUDGED;
                checkpoint = r.checkpoint(r.stage, r.changeId);
                explanation = found + "Step " + r.step + (r.stage == Stage.JUDGE ? " was being judged; resume judges"
                        + " its gates again." : " passed its gates; resume " + checkpoint.describe(plan) + ".");
            }
        }
        return new Reconciliation(plan, situation, checkpoint, live, explanation, r.lockHeld, events);
    }

    private static Reconciliation drifted(CutoverPlan plan, Replay r, Weights live, List<CutoverEvent> events,
            Weights expected) {
        CutoverCheckpoint c = new CutoverCheckpoint(Stage.WRITE, r.step, r.requested, live, "", null,
                r.rollingBack);
        return new Reconciliation(plan, Situation.DRIFTED, c, live, "Someone else changed the weights while the"
                + " console was stopped: the journal expects " + expected.describe() + ", AWS has " + live.describe()
                + ". Resume writes " + (r.rollingBack ? "the rollback" : "step " + r.step) + " over them ("
                + r.requested.describe() + "); roll back writes the starting weights.", r.lockHeld, events);
    }

    /** A journal line as the live view lists it. */
    public static CutoverEvent event(JournalEntry entry) {
        JournalRecord rec = entry.record();
        Map<String, String> evidence = new TreeMap<>();
        rec.facts().forEach((k, v) -> {
            if (!k.startsWith("plan.")) {
                evidence.put(k, v);
            }
        });
        if (!rec.awsRequestId().isBlank()) {
            evidence.put("requestId", rec.awsRequestId());
        }
        String by = rec.fact(CutoverJournal.BY);
        String prefix = switch (rec.phase()) {
            case INTENT -> "Asking: ";
            case FAILED -> "Failed: ";
            default -> "";
        };
        return new CutoverEvent(entry.at(), parseInt(rec.fact(CutoverJournal.STEP)), by.isBlank() ? rec.actor() : by,
                prefix + rec.summary(), evidence);
    }

    private static int parseInt(String s) {
        try {
            return s.isBlank() ? 0 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A write asked with no answer yet. */
    private record Pending(Weights weights, Weights previous) {
    }

    /** The runner's checkpoint, replayed line by line. */
    private static final class Replay {
        private final CutoverPlan plan;
        private Stage stage = Stage.LOCK;
        private int step;
        private Weights requested;
        private Weights confirmed;
        private String changeId = "";
        private Instant bakeUntil;
        private boolean rollingBack;
        private boolean lockHeld;
        private Pending pending;

        Replay(CutoverPlan plan) {
            this.plan = plan;
            this.requested = plan.startWeights();
        }

        void apply(JournalEntry entry) {
            JournalRecord rec = entry.record();
            JournalPhase phase = rec.phase();
            TrafficKind kind = plan.route().kind();
            switch (rec.fact(CutoverJournal.EVENT)) {
                case CutoverJournal.LOCK -> {
                    if (phase == JournalPhase.DONE) {
                        lockHeld = true;
                        stage = Stage.WRITE;
                        step = 1;
                        requested = plan.step(1).weights();
                    }
                }
                case CutoverJournal.UNLOCK -> lockHeld = lockHeld && phase != JournalPhase.DONE;
                case CutoverJournal.WRITE -> {
                    Weights w = Weights.decode(kind, rec.fact(CutoverJournal.WEIGHTS));
                    step = parseInt(rec.fact(CutoverJournal.STEP));
                    rollingBack = CutoverJournal.FOR_ROLLBACK.equals(rec.fact(CutoverJournal.PURPOSE));
                    requested = w;
                    switch (phase) {
                        case INTENT -> {
                            pending = new Pending(w, Weights.decode(kind, rec.fact(CutoverJournal.PREVIOUS)));
                            stage = Stage.WRITE;
                        }
                        case DONE -> {
                            pending = null;
                            changeId = rec.fact(CutoverJournal.CHANGE_ID);
                            stage = Stage.CONFIRM;
                        }
                        case FAILED -> {
                            pending = null;
                            stage = Stage.WRITE;
                        }
                        default -> {
                            pending = null;
                            changeId = "";
                            stage = Stage.CONFIRM;
                        }
                    }
                }
                case CutoverJournal.CONFIRMED -> {
                    confirmed = Weights.decode(kind, rec.fact(CutoverJournal.WEIGHTS));
                    if (!rollingBack) {
                        stage = Stage.BAKE;
                        bakeUntil = Instant.parse(rec.fact(CutoverJournal.BAKE_UNTIL));
                    }
                }
                case CutoverJournal.GATES -> {
                    String verdict = rec.fact(CutoverJournal.VERDICT);
                    switch (rec.fact(CutoverJournal.ACTION)) {
                        case "next" -> stage = Stage.ADVANCE;
                        case "wait" -> stage = Stage.JUDGE;
                        case "rollback" -> rollback();
                        default -> stage = "WAIT".equals(verdict) || "CRITICAL".equals(verdict) ? Stage.JUDGE
                                : Stage.ADVANCE;
                    }
                }
                case CutoverJournal.PROMOTE -> {
                    step = plan.stepCount();
                    requested = plan.last().weights();
                    stage = Stage.WRITE;
                }
                case CutoverJournal.ROLLBACK -> rollback();
                case CutoverJournal.DRIFT -> {
                    confirmed = Weights.decode(kind, rec.fact(CutoverJournal.LIVE));
                    stage = Stage.WRITE;
                }
                default -> {
                }
            }
        }

        private void rollback() {
            rollingBack = true;
            requested = plan.startWeights();
            stage = Stage.WRITE;
            pending = null;
        }

        String what() {
            return rollingBack ? "the rollback" : "step " + step;
        }

        CutoverCheckpoint checkpoint(Stage s, String change) {
            return new CutoverCheckpoint(s, step, requested, confirmed, change, s == Stage.BAKE ? bakeUntil : null,
                    rollingBack);
        }
    }
}
