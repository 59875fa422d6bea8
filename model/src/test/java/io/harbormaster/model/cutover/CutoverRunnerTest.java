package io.harbormaster.model.cutover;

import static io.harbormaster.model.cutover.CutoverFakes.runUntilStill;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.cutover.CutoverFakes.FakeLock;
import io.harbormaster.model.cutover.CutoverFakes.FakeMetrics;
import io.harbormaster.model.cutover.CutoverFakes.FakeShift;
import io.harbormaster.model.journal.InMemoryWriteJournal;
import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.model.journal.JournalPhase;
import io.harbormaster.model.testdata.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CutoverRunnerTest {

    private final ManualClock clock = CutoverFakes.clock();
    private final InMemoryWriteJournal journal = new InMemoryWriteJournal(clock);
    private final FakeShift aws = new FakeShift(CutoverFakes.apiRecord(100, 0).weights());
    private final FakeMetrics metrics = new FakeMetrics().healthy();
    private final FakeLock lock = new FakeLock();
    private final CutoverPorts ports = new CutoverPorts(aws, metrics, lock, id -> CutoverFakes.session(), journal,
            clock);

    private CutoverRunner start(CutoverPlan plan) {
        return CutoverRunner.start(plan, ports, "alice", "laptop-1");
    }

    private List<String> lines() {
        return journal.operation("cut-1").stream().map(e -> e.record().phase() + " "
                + e.record().fact(CutoverJournal.EVENT)).toList();
    }

    @Test
    void fourStepsWithGatesPassingEndAtAHundredPercent() {
        CutoverPlan plan = CutoverFakes.plan(new PlanShape.Linear(25), CutoverFakes.gates(NoDataPolicy.FAIL, false));
        CutoverRunner runner = start(plan);
        runUntilStill(runner, clock);

        assertThat(runner.state().phase()).isEqualTo(CutoverPhase.SUCCEEDED);
        assertThat(aws.writes).extracting(Weights::encode).containsExactly("blue=75,green=25", "blue=50,green=50",
                "blue=25,green=75", "blue=0,green=100");
        assertThat(lock.holder).isNull();
        List<String> step = List.of("INTENT write", "DONE write", "NOTE confirmed", "NOTE gates");
        assertThat(lines()).startsWith("NOTE start", "INTENT lock", "DONE lock");
        assertThat(lines().subList(3, 19)).containsExactlyElementsOf(
                java.util.stream.Stream.of(step, step, step, step).flatMap(List::stream).toList());
        assertThat(lines()).endsWith("INTENT unlock", "DONE unlock", "END end");
        // each step: polled twice while PENDING (2 s, 4 s), then 90 s of bake before the gates
        assertThat(clock.instant()).isEqualTo(CutoverFakes.T0.plus(Duration.ofSeconds(4 * (2 + 4 + 8 + 90))));
        JournalEntry gates = journal.operation("cut-1").stream()
                .filter(e -> CutoverJournal.GATES.equals(CutoverJournal.event(e))).findFirst().orElseThrow();
        assertThat(gates.record().fact(CutoverJournal.EVIDENCE)).contains("5xx rate on green: 0.20%",
                "5 points");
        assertThat(runner.state().history()).isNotEmpty();
    }

    @Test
    void aCriticalGateRollsBackToTheStartingWeightsWithItsEvidence() {
        CutoverPlan plan = CutoverFakes.plan(new PlanShape.Linear(25), CutoverFakes.gates(NoDataPolicy.FAIL, false));
        CutoverRunner runner = start(plan);
        metrics.requestsAnd5xx.put("green", new double[] {1000, 80});
        runUntilStill(runner, clock);

        assertThat(runner.state().phase()).isEqualTo(CutoverPhase.ROLLED_BACK);
        assertThat(aws.writes).extracting(Weights::encode).containsExactly("blue=75,green=25", "blue=100,green=0");
        assertThat(aws.live.encode()).isEqualTo("blue=100,green=0");
        GateDecision d = runner.state().lastDecision().orElseThrow();
        assertThat(d.verdict()).isEqualTo(GateVerdict.CRITICAL);
        assertThat(d.evidence().get(0).value().getAsDouble()).isEqualTo(8.0);
        assertThat(d.evidence().get(0).reason()).contains("8%", "critical > 5");
        assertThat(runner.state().events()).anySatisfy(e -> assertThat(e.what()).contains("CRITICAL → rollback"));
        assertThat(lock.holder).isNull();
    }

    @Test
    void aBusyZoneIsAskedAgainWithBackoffAndNothingIsLost() {
        aws.busyAnswers = 2;
        CutoverRunner runner = start(CutoverFakes.plan(new PlanShape.Canary(5),
                CutoverFakes.gates(NoDataPolicy.FAIL, false)));
        runUntilStill(runner, clock);

        assertThat(runner.state().phase()).isEqualTo(CutoverPhase.SUCCEEDED);
        assertThat(aws.writes).hasSize(2);
        assertThat(lines().subList(3, 8)).containsExactly("INTENT write", "FAILED write", "INTENT write",
                "FAILED write", "INTENT write");
        assertThat(journal.operation("cut-1").get(4).record().fact("code")).isEqualTo("PriorRequestNotComplete");
    }

    @Test
    void pausedAfterEveryStepThenPromotedToAHundred() {
        CutoverRunner runner = start(CutoverFakes.plan(new PlanShape.Custom(List.of(1.0, 5.0, 25.0, 50.0)),
                CutoverFakes.gates(NoDataPolicy.FAIL, true)));
        runUntilStill(runner, clock);
        assertThat(runner.state().phase()).isEqualTo(CutoverPhase.PAUSED);
        assertThat(runner.state().step()).isEqualTo(1);
        assertThat(runner.state().pausedBecause()).contains("passed its gates");
        assertThat(runner.state().resumeDoes()).isEqualTo("write step 2 of 5");

        runner.promote("alice");
        runUntilStill(runner, clock);
        assertThat(runner.state().phase()).isEqualTo(CutoverPhase.SUCCEEDED);
        assertThat(aws.writes).extracting(Weights::encode).containsExactly("blue=99,green=1", "blue=0,green=100");
        assertThat(runner.state().events()).anySatisfy(e -> {
            assertThat(e.by()).isEqualTo("alice");
            assertThat(e.what()).startsWith("Promoted by alice");
        });
    }

    @Test
    void weightsChangedDuringTheBakeAreDetectedAndPause() {
        CutoverRunner runner = start(CutoverFakes.plan(new PlanShape.Linear(50),
                CutoverFakes.gates(NoDataPolicy.FAIL, false)));
        Instant until = null;
        while (runner.state().phase() != CutoverPhase.BAKING) {
            runner.tick().ifPresent(t -> clock.moveTo(t));
        }
        aws.live = WeightsTest.weights(TrafficKind.ROUTE53, "blue", 10, "green", 10);   // someone else's write
        runUntilStill(runner, clock);

        assertThat(runner.state().phase()).isEqualTo(CutoverPhase.PAUSED);
        assertThat(runner.state().pausedBecause()).contains("Someone else changed the weights",
                "expected blue 50 (50.0 %) · green 50 (50.0 %)", "found blue 10");
        assertThat(lines()).contains("NOTE drift");
        runner.resume("alice");
        runUntilStill(runner, clock);
        assertThat(runner.state().phase()).isEqualTo(CutoverPhase.SUCCEEDED);
        assertThat(aws.writes).extracting(Weights::encode).containsExactly("blue=50,green=50", "blue=50,green=50",
                "blue=0,green=100");
    }

    @Test
    void aSecondConsoleIsRefusedByTheLockAndToldWhoHoldsIt() {
        LockHolder bob = new LockHolder("bob", CutoverFakes.T0.minusSeconds(600), "other-cut", "desk-9");
        lock.holder = bob;
        CutoverRunner runner = start(CutoverFakes.plan(new PlanShape.Canary(5),
                CutoverFakes.gates(NoDataPolicy.FAIL, false)));
        runUntilStill(runner, clock);

        assertThat(runner.state().phase()).isEqualTo(CutoverPhase.PAUSED);
        assertThat(runner.state().blockedBy()).contains(bob);
        assertThat(runner.state().pausedBecause()).contains("bob on desk-9");
        assertThat(aws.writes).isEmpty();

        runner.takeOverLock("alice");
        assertThat(lock.holder.who()).isEqualTo("alice");
        runUntilStill(runner, clock);
        assertThat(runner.state().phase()).isEqualTo(CutoverPhase.SUCCEEDED);
    }

    @Test
    void aWarningPausesAndResumeGoesOn() {
        metrics.requestsAnd5xx.put("green", new double[] {1000, 20});   // 2 %: warning, not critical
        CutoverRunner runner = start(CutoverFakes.plan(new PlanShape.Canary(5),
                CutoverFakes.gates(NoDataPolicy.FAIL, false)));
        runUntilStill(runner, clock);
        assertThat(runner.state().phase()).isEqualTo(CutoverPhase.PAUSED);
        assertThat(runner.state().pausedBecause()).contains("WARNING", "2%");
        metrics.healthy();
        runner.resume("alice");
        runUntilStill(runner, clock);
        assertThat(runner.state().phase()).isEqualTo(CutoverPhase.SUCCEEDED);
    }

    @Test
    void noDataWaitsAMinuteAtATimeThenPauses() {
        metrics.noData = true;
        CutoverRunner runner = start(CutoverFakes.plan(new PlanShape.Canary(5),
                CutoverFakes.gates(NoDataPolicy.WAIT, false)));
        runUntilStill(runner, clock);
        assertThat(runner.state().phase()).isEqualTo(CutoverPhase.PAUSED);
        long judged = journal.operation("cut-1").stream()
                .filter(e -> CutoverJournal.GATES.equals(CutoverJournal.event(e))).count();
        assertThat(judged).isEqualTo(4);   // at 0, 1, 2 and 3 minutes; max wait 3 minutes
        assertThat(runner.state().resumeDoes()).isEqualTo("judge the gates of step 1");
    }

    @Test
    void abortStopsWhereItIsAndReleasesTheLock() {
        CutoverRunner runner = start(CutoverFakes.plan(new PlanShape.Linear(25),
                CutoverFakes.gates(NoDataPolicy.FAIL, false)));
        while (runner.state().phase() != CutoverPhase.BAKING) {
            runner.tick().ifPresent(t -> clock.moveTo(t));
        }
        runner.abort("alice");
        assertThat(runner.tick()).isEmpty();
        assertThat(runner.state().phase()).isEqualTo(CutoverPhase.ABORTED);
        assertThat(aws.live.encode()).isEqualTo("blue=75,green=25");
        assertThat(lock.holder).isNull();
        assertThat(journal.openOperations(CutoverJournal.KIND)).isEmpty();
        assertThat(journal.operation("cut-1").get(journal.operation("cut-1").size() - 1).record().phase())
                .isEqualTo(JournalPhase.END);
    }
}
