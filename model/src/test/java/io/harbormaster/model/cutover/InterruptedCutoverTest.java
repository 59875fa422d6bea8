package io.harbormaster.model.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.cutover.CutoverFakes.FakeLock;
import io.harbormaster.model.cutover.CutoverFakes.FakeMetrics;
import io.harbormaster.model.cutover.CutoverFakes.FakeShift;
import io.harbormaster.model.journal.InMemoryWriteJournal;
import io.harbormaster.model.recovery.InterruptedWrite.Found;
import io.harbormaster.model.recovery.InterruptedWrite.Kind;
import io.harbormaster.model.recovery.InterruptedWrites;
import io.harbormaster.model.testdata.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A cutover a killed console left open, in the restart notice's words, before and after it is restored. */
class InterruptedCutoverTest {

    private final ManualClock clock = CutoverFakes.clock();
    private final InMemoryWriteJournal journal = new InMemoryWriteJournal(clock);
    private final FakeShift aws = new FakeShift(CutoverFakes.apiRecord(100, 0).weights());
    private final CutoverPorts ports = new CutoverPorts(aws, new FakeMetrics().healthy(), new FakeLock(),
            id -> CutoverFakes.session(), journal, clock);

    @Test
    void anOpenCutoverIsToldInTheSameWordsAndUnderWayOnceRestored() {
        CutoverPlan plan = CutoverFakes.plan(new PlanShape.Linear(25), CutoverFakes.gates(NoDataPolicy.FAIL, false));
        CutoverRunner.start(plan, ports, "alice", "laptop-1").tick();
        clock.advance(Duration.ofSeconds(20));
        InterruptedWrites writes = new InterruptedWrites(journal, id -> id);
        clock.advance(Duration.ofSeconds(1));

        assertThat(writes.atStart()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(Kind.CUTOVER);
            assertThat(w.what()).startsWith("Cutover of " + plan.route().displayName() + " in ")
                    .contains("(stopped after: ");
            assertThat(w.found()).isEqualTo(Found.NOT_READ_YET);
            assertThat(w.nextStep()).isEqualTo("Open Cutovers: it is compared with the live weights there, to"
                    + " resume or roll back.");
        });

        Reconciliation rec = CutoverReconciler.reconcile(journal.openOperations(CutoverJournal.KIND).get(0), aws.live);
        CutoverRunner.restore(rec, ports, "alice", "laptop-1");
        assertThat(writes.now()).singleElement().satisfies(w -> {
            assertThat(w.found()).isEqualTo(Found.UNDER_WAY);
            assertThat(w.nextStep()).isEqualTo("Open Cutovers to resume or roll back.");
        });
    }
}
