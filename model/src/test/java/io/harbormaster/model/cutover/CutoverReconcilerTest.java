package io.harbormaster.model.cutover;

import static io.harbormaster.model.cutover.CutoverFakes.runUntilStill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.model.cutover.CutoverCheckpoint.Stage;
import io.harbormaster.model.cutover.CutoverFakes.FakeLock;
import io.harbormaster.model.cutover.CutoverFakes.FakeMetrics;
import io.harbormaster.model.cutover.CutoverFakes.FakeShift;
import io.harbormaster.model.cutover.Reconciliation.Situation;
import io.harbormaster.model.journal.InMemoryWriteJournal;
import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.model.journal.JournalPhase;
import io.harbormaster.model.journal.JournalRecord;
import io.harbormaster.model.testdata.CrashingJournal.Killed;
import io.harbormaster.model.testdata.CrashingJournal;
import io.harbormaster.model.testdata.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A console "killed" at each journal point of step 2 of a 4-step cutover (the journal throws an Error, which the
 * runner does not catch, before or after storing the line), then reconciled against the live weights and resumed:
 * every step is written exactly once and the cutover ends at 100 %.
 */
class CutoverReconcilerTest {

    private static final List<String> STEPS = List.of("blue=75,green=25", "blue=50,green=50", "blue=25,green=75",
            "blue=0,green=100");

    private final ManualClock clock = CutoverFakes.clock();
    private final CrashingJournal journal = new CrashingJournal(new InMemoryWriteJournal(clock));
    private final FakeShift aws = new FakeShift(CutoverFakes.apiRecord(100, 0).weights());
    private final FakeLock lock = new FakeLock();
    private final CutoverPorts ports = new CutoverPorts(aws, new FakeMetrics().healthy(), lock,
            id -> CutoverFakes.session(), journal, clock);
    private final CutoverPlan plan = CutoverFakes.plan(new PlanShape.Linear(25),
            CutoverFakes.gates(NoDataPolicy.FAIL, false));

    private static Predicate<JournalRecord> at(JournalPhase phase, String event, int step) {
        return r -> r.phase() == phase && event.equals(r.fact(CutoverJournal.EVENT))
                && String.valueOf(step).equals(r.fact(CutoverJournal.STEP));
    }

    private Reconciliation killAt(Predicate<JournalRecord> point, boolean afterStoring) {
        journal.crashAt(point, afterStoring);
        CutoverRunner first = CutoverRunner.start(plan, ports, "alice", "laptop-1");
        assertThatThrownBy(() -> runUntilStill(first, clock)).isInstanceOf(Killed.class);
        clock.advance(Duration.ofSeconds(20));   // the console restarts a little later
        List<List<JournalEntry>> open = journal.openOperations(CutoverJournal.KIND);
        assertThat(open).hasSize(1);
        return CutoverReconciler.reconcile(open.get(0), aws.live);
    }

    private CutoverRunner resumeToTheEnd(Reconciliation rec) {
        CutoverRunner again = CutoverRunner.restore(rec, ports, "alice", "laptop-1");
        assertThat(again.state().phase()).isEqualTo(CutoverPhase.PAUSED);
        assertThat(again.tick()).isEmpty();   // waits for the operator
        again.resume("alice");
        runUntilStill(again, clock);
        assertThat(again.state().phase()).isEqualTo(CutoverPhase.SUCCEEDED);
        assertThat(lock.holder).isNull();
        assertThat(journal.openOperations(CutoverJournal.KIND)).isEmpty();
        return again;
    }

    private void everyStepWrittenOnce() {
        assertThat(aws.writes).extracting(Weights::encode).containsExactlyElementsOf(STEPS);
    }

    @Test
    void killedAfterTheIntentBeforeTheCallWritesTheStepOnResume() {
        Reconciliation rec = killAt(at(JournalPhase.INTENT, CutoverJournal.WRITE, 2), true);
        assertThat(rec.situation()).isEqualTo(Situation.WRITE_NOT_APPLIED);
        assertThat(rec.checkpoint().stage()).isEqualTo(Stage.WRITE);
        assertThat(rec.checkpoint().step()).isEqualTo(2);
        assertThat(rec.lockHeld()).isTrue();
        resumeToTheEnd(rec);
        everyStepWrittenOnce();
    }

    @Test
    void killedBeforeTheIntentWasStoredResumesAfterTheJudgedStep() {
        Reconciliation rec = killAt(at(JournalPhase.INTENT, CutoverJournal.WRITE, 2), false);
        assertThat(rec.situation()).isEqualTo(Situation.JUDGED);
        assertThat(rec.checkpoint().stage()).isEqualTo(Stage.ADVANCE);
        assertThat(rec.checkpoint().describe(plan)).isEqualTo("write step 2 of 4");
        resumeToTheEnd(rec);
        everyStepWrittenOnce();
    }

    @Test
    void killedAfterTheWriteBeforeItsAnswerWasStoredReadsItBackInsteadOfWritingAgain() {
        Reconciliation rec = killAt(at(JournalPhase.DONE, CutoverJournal.WRITE, 2), false);
        assertThat(rec.situation()).isEqualTo(Situation.WRITE_APPLIED_UNCONFIRMED);
        assertThat(rec.checkpoint().stage()).isEqualTo(Stage.CONFIRM);
        assertThat(rec.checkpoint().changeId()).isEmpty();
        resumeToTheEnd(rec);
        everyStepWrittenOnce();
    }

    @Test
    void killedAfterTheWriteWasAcceptedReadsBackItsChange() {
        Reconciliation rec = killAt(at(JournalPhase.DONE, CutoverJournal.WRITE, 2), true);
        assertThat(rec.situation()).isEqualTo(Situation.WRITTEN_NOT_CONFIRMED);
        assertThat(rec.checkpoint().changeId()).isEqualTo("C2");
        resumeToTheEnd(rec);
        everyStepWrittenOnce();
    }

    @Test
    void killedMidBakeBakesToTheOriginalEnd() {
        Reconciliation rec = killAt(at(JournalPhase.NOTE, CutoverJournal.CONFIRMED, 2), true);
        assertThat(rec.situation()).isEqualTo(Situation.MID_BAKE);
        Instant bakeUntil = rec.checkpoint().bakeUntil();
        JournalEntry confirmed = rec.plan() == null ? null : journal.inner().operation("cut-1").stream()
                .filter(e -> CutoverJournal.CONFIRMED.equals(CutoverJournal.event(e))).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(bakeUntil).isEqualTo(confirmed.at().plus(plan.step(2).bake()));

        CutoverRunner again = CutoverRunner.restore(rec, ports, "alice", "laptop-1");
        again.resume("alice");
        assertThat(again.state().nextActionAt()).isEqualTo(bakeUntil);
        runUntilStill(again, clock);
        assertThat(again.state().phase()).isEqualTo(CutoverPhase.SUCCEEDED);
        everyStepWrittenOnce();
    }

    @Test
    void weightsChangedWhileTheConsoleWasDownAreShownAndTheCutoverWaits() {
        Reconciliation clean = killAt(at(JournalPhase.NOTE, CutoverJournal.CONFIRMED, 2), true);
        aws.live = WeightsTest.weights(TrafficKind.ROUTE53, "blue", 100, "green", 0);   // someone rolled it back
        Reconciliation rec = CutoverReconciler.reconcile(journal.openOperations(CutoverJournal.KIND).get(0),
                aws.live);
        assertThat(clean.situation()).isEqualTo(Situation.MID_BAKE);
        assertThat(rec.situation()).isEqualTo(Situation.DRIFTED);
        assertThat(rec.explanation()).contains("expects blue 50 (50.0 %) · green 50 (50.0 %)",
                "AWS has blue 100 (100.0 %) · green 0 (0.0 %)");

        CutoverRunner again = CutoverRunner.restore(rec, ports, "alice", "laptop-1");
        assertThat(again.state().pausedBecause()).contains("Someone else changed the weights");
        again.resume("alice");
        runUntilStill(again, clock);
        assertThat(again.state().phase()).isEqualTo(CutoverPhase.SUCCEEDED);
        assertThat(aws.writes).extracting(Weights::encode).containsExactly("blue=75,green=25", "blue=50,green=50",
                "blue=50,green=50", "blue=25,green=75", "blue=0,green=100");
    }

    @Test
    void killedBeforeTheLockResumesByTakingIt() {
        Reconciliation rec = killAt(at(JournalPhase.INTENT, CutoverJournal.LOCK, 0).or(r -> r.phase()
                == JournalPhase.INTENT && CutoverJournal.LOCK.equals(r.fact(CutoverJournal.EVENT))), false);
        assertThat(rec.situation()).isEqualTo(Situation.NOT_STARTED);
        resumeToTheEnd(rec);
        everyStepWrittenOnce();
    }

    @Test
    void theRestoredRunnerCanRollBackInstead() {
        Reconciliation rec = killAt(at(JournalPhase.NOTE, CutoverJournal.CONFIRMED, 3), true);
        CutoverRunner again = CutoverRunner.restore(rec, ports, "alice", "laptop-1");
        again.rollBack("alice", "not today");
        runUntilStill(again, clock);
        assertThat(again.state().phase()).isEqualTo(CutoverPhase.ROLLED_BACK);
        assertThat(aws.live.encode()).isEqualTo("blue=100,green=0");
        assertThat(lock.holder).isNull();
    }

    @Test
    void thePlanSurvivesTheJournal() {
        CutoverRunner.start(plan, ports, "alice", "laptop-1");
        assertThat(CutoverReconciler.plan(journal.operation("cut-1"))).isEqualTo(plan);
    }
}
