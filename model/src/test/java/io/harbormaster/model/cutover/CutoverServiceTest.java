package io.harbormaster.model.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.cutover.CutoverFakes.FakeLock;
import io.harbormaster.model.cutover.CutoverFakes.FakeMetrics;
import io.harbormaster.model.cutover.CutoverFakes.FakeShift;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.journal.InMemoryWriteJournal;
import io.harbormaster.model.testdata.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CutoverServiceTest {

    private final ManualClock clock = CutoverFakes.clock();
    private final InMemoryWriteJournal journal = new InMemoryWriteJournal(clock);
    private final FakeShift aws = new FakeShift(CutoverFakes.apiRecord(100, 0).weights());
    private final FakeLock lock = new FakeLock();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

    private CutoverService service() {
        return service(() -> "laptop-1");
    }

    private CutoverService service(Supplier<String> machine) {
        FindWeightedTargets find = session -> List.of(CutoverFakes.apiRecord(100, 0));
        ResolveSides resolve = (route, candidates) -> CutoverFakes.sides();
        SideHealth health = (session, side) -> new SideHealth.Counts(3, 3, 1);
        CutoverSessions sessions = id -> {
            EnvironmentSession s = CutoverFakes.session();
            return s;
        };
        return new CutoverService(new CutoverService.Ports(find, aws, lock, new FakeMetrics().healthy(), resolve,
                health, null, sessions, journal, clock), "alice", machine, ticker, Duration.ofMillis(5));
    }

    @AfterEach
    void stop() {
        ticker.shutdownNow();
    }

    /** Moves the manual clock a few seconds at a time while the driver ticks in real time. */
    private void waitFor(CutoverRunner runner, CutoverPhase phase) throws InterruptedException {
        for (int i = 0; i < 4000 && runner.state().phase() != phase; i++) {
            synchronized (clock) {
                clock.advance(Duration.ofSeconds(2));
            }
            TimeUnit.MILLISECONDS.sleep(2);
        }
        assertThat(runner.state().phase()).isEqualTo(phase);
    }

    @Test
    void theDriverRunsAStartedCutoverToTheEnd() throws Exception {
        try (CutoverService service = service()) {
            WeightedRoute route = service.find("prod").get(0);
            CutoverPlan plan = CutoverPlanner.plan("cut-1", route, "blue", "green", new PlanShape.Canary(5),
                    Duration.ofSeconds(90), CutoverFakes.gates(NoDataPolicy.FAIL, false), service.resolve(route,
                            List.of("prod")));
            assertThat(service.preflight(plan)).extracting(PreflightCheck::name).contains("Capacity");
            CutoverRunner runner = service.start(plan);
            waitFor(runner, CutoverPhase.SUCCEEDED);
            assertThat(aws.live.encode()).isEqualTo("blue=0,green=100");
            assertThat(service.lockHolder(route)).isEmpty();
        }
    }

    @Test
    void anOpenCutoverOfAnEarlierRunIsReconciledAndRestoredPaused() throws Exception {
        CutoverPlan plan = CutoverFakes.plan(new PlanShape.Linear(50), CutoverFakes.gates(NoDataPolicy.FAIL, false));
        CutoverRunner crashed = CutoverRunner.start(plan, new CutoverPorts(aws, new FakeMetrics().healthy(), lock,
                id -> CutoverFakes.session(), journal, clock), "alice", "laptop-1");
        while (crashed.state().phase() != CutoverPhase.BAKING) {
            crashed.tick().ifPresent(t -> clock.moveTo(t));
        }
        try (CutoverService service = service()) {
            List<Reconciliation> open = service.reconcileOpen();
            assertThat(open).hasSize(1);
            assertThat(open.get(0).situation()).isEqualTo(Reconciliation.Situation.MID_BAKE);
            CutoverRunner restored = service.restore(open.get(0));
            assertThat(service.reconcileOpen()).isEmpty();   // already back under the driver
            assertThat(restored.state().phase()).isEqualTo(CutoverPhase.PAUSED);
            restored.resume("alice");
            waitFor(restored, CutoverPhase.SUCCEEDED);
            assertThat(aws.writes).extracting(Weights::encode).containsExactly("blue=50,green=50",
                    "blue=0,green=100");
        }
    }

    /** The host name may wait for DNS: it is asked for when a cutover starts, not when the page first builds the service. */
    @Test
    void theMachineNameIsAskedForWhenACutoverStartsNotWhenTheServiceIsMade() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        try (CutoverService service = service(() -> {
            asked.incrementAndGet();
            return "laptop-2";
        })) {
            WeightedRoute route = service.find("prod").get(0);
            assertThat(asked).hasValue(0);
            CutoverPlan plan = CutoverPlanner.plan("cut-2", route, "blue", "green", new PlanShape.Linear(50),
                    Duration.ofSeconds(90), CutoverFakes.gates(NoDataPolicy.FAIL, false), service.resolve(route,
                            List.of("prod")));
            service.start(plan);
            assertThat(asked).hasValue(1);
            for (int i = 0; i < 2000 && lock.holder == null; i++) {
                TimeUnit.MILLISECONDS.sleep(2);
            }
            assertThat(lock.holder).extracting(LockHolder::machine).isEqualTo("laptop-2");
        }
    }
}
