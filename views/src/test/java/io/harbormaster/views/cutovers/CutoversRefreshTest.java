package io.harbormaster.views.cutovers;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.cutover.CutoverLock;
import io.harbormaster.model.cutover.CutoverService;
import io.harbormaster.model.cutover.GateMetrics;
import io.harbormaster.model.cutover.Route53WeightedRecord;
import io.harbormaster.model.cutover.ShiftWeights;
import io.harbormaster.model.cutover.SideHealth;
import io.harbormaster.model.cutover.WeightedRoute;
import io.harbormaster.model.cutover.WeightedTarget;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.journal.InMemoryWriteJournal;
import io.harbormaster.views.concurrent.QueuedTaskExecutor;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.guard.WriteGuard;
import io.harbormaster.views.metrics.FakeMetrics;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Cutovers list's refresh when refreshes overlap. Entering an environment again (a newer refresh, its session
 * near its end) renews its session and retires the clients an older read is using: that read's answer or failure
 * belongs to a session no longer current and must not reach the page (issue 17's soak). And one refresh reads at a
 * time: two reads of every account at once drained ELB's describe budget in prod (CI, session 9).
 */
class CutoversRefreshTest {

    private static final Route53WeightedRecord API = new Route53WeightedRecord("prod", "Z1", "example.com.",
            "api.example.com.", "A", 60, true, List.of(new WeightedTarget("blue", "blue", "a.elb", 100),
                    new WeightedTarget("green", "green", "b.elb", 0)));

    /** What each read of prod's routes does, in turn. */
    private final Deque<Supplier<List<WeightedRoute>>> reads = new ArrayDeque<>();
    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final CutoverService service = new CutoverService(new CutoverService.Ports(session -> reads.remove().get(),
            port(ShiftWeights.class), port(CutoverLock.class), port(GateMetrics.class),
            (route, candidates) -> List.of(), port(SideHealth.class), null, id -> Fixtures.session(Fixtures.PROD),
            new InMemoryWriteJournal(Fixtures.CLOCK), Fixtures.CLOCK), "alice", "desk", ticker, Duration.ofHours(1));
    private final SimpleObjectProperty<EnvironmentSession> current =
            new SimpleObjectProperty<>(Fixtures.session(Fixtures.PROD));
    private final CutoversViewModel cutovers = new CutoversViewModel((prompt, actor) -> service, executor,
            FXCollections.observableArrayList(Fixtures.PROD), current, MfaPrompt.NONE,
            new WriteGuard(current, request -> true), Fixtures.CLOCK, new FakeMetrics().deps(),
            (period, action) -> () -> { });

    @AfterEach
    void stop() {
        service.close();
        ticker.shutdownNow();
    }

    @Test
    void aReadThatFailsAfterANewerRefreshBeganIsNotShown() {
        reads.add(() -> {
            cutovers.refresh();   // meanwhile: the operator refreshes; prod is entered again, its clients retired
            throw new RejectedExecutionException("the old session's client was closed");
        });
        reads.add(() -> List.of(API));
        cutovers.refresh();

        executor.runNext();
        assertThat(cutovers.environmentProblems()).as("the superseded read's failure").isEmpty();
        assertThat(cutovers.loadingProperty().get()).isEqualTo(1);

        executor.runNext();
        assertThat(cutovers.environmentProblems()).isEmpty();
        assertThat(cutovers.routes()).extracting(RouteRow::route).containsExactly(API);
        assertThat(cutovers.loadingProperty().get()).isZero();
    }

    @Test
    void aRefreshAskedForDuringAnotherReadsOnceItEndsNeverBesideItAndItsFailureIsShown() {
        reads.add(() -> List.of(API));
        reads.add(() -> {
            throw new OperatorException(new Problem(Problem.Kind.ACCESS_DENIED, "Access denied",
                    "alice may not list hosted zones", "Ask for route53:ListHostedZones.", ""));
        });
        cutovers.refresh();
        cutovers.refresh();
        cutovers.refresh();
        assertThat(executor.waiting()).as("reads of prod under way at once").isEqualTo(1);

        executor.runNext();
        assertThat(cutovers.routes()).as("the superseded read's answer").isEmpty();
        assertThat(executor.waiting()).as("the one read more, for the two refreshes asked for").isEqualTo(1);
        assertThat(cutovers.loadingProperty().get()).isEqualTo(1);

        executor.runNext();
        assertThat(executor.waiting()).isZero();
        assertThat(executor.cancelled()).as("reads cut short").isZero();
        assertThat(cutovers.environmentProblems()).containsOnlyKeys("prod");
        assertThat(cutovers.environmentProblems().get("prod")).contains("alice may not list hosted zones");
        assertThat(cutovers.loadingProperty().get()).isZero();
    }

    @Test
    void aRefreshAfterTheReadsEndedReadsAtOnce() {
        reads.add(() -> List.of());
        reads.add(() -> List.of(API));
        cutovers.refresh();
        executor.runNext();
        assertThat(cutovers.loadingProperty().get()).isZero();

        cutovers.refresh();
        assertThat(executor.waiting()).isEqualTo(1);
        executor.runNext();
        assertThat(cutovers.routes()).extracting(RouteRow::route).containsExactly(API);
    }

    /** A port the list never writes through; a lock nobody holds. */
    private static <T> T port(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("holder")) {
                return Optional.empty();
            }
            if (method.getName().equals("holders")) {
                return ((java.util.List<?>) args[1]).stream().map(r -> Optional.empty()).toList();
            }
            throw new AssertionError(type.getSimpleName() + "." + method.getName() + " called by the list");
        }));
    }
}
