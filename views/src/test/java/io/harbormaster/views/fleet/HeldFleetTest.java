package io.harbormaster.views.fleet;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.concurrent.QueuedTaskExecutor;
import io.harbormaster.views.fakes.FakeEnterEnvironment;
import io.harbormaster.views.fakes.FakeFleet;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fakes.MovableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one policy every page holding another environment's fleet follows: when it is old, when it is retried. */
class HeldFleetTest {

    private final MovableClock clock = new MovableClock();
    private final FakeFleet ports = new FakeFleet().with("dev", FleetFixtures.snapshot("dev", clock.instant()));
    private final FakeEnterEnvironment enter = new FakeEnterEnvironment();
    private final List<Problem> failures = new ArrayList<>();

    private HeldFleet held(io.harbormaster.views.concurrent.TaskExecutor executor) {
        return new HeldFleet(DEV, new FleetReads(enter, MfaPrompt.NONE, ports, ports, executor, clock));
    }

    private static Problem problem(Problem.Kind kind) {
        return new Problem(kind, kind.name(), "it failed", "", "");
    }

    @Test
    void aLoadEntersAndHoldsTheFleetWhichAgesAfterTheRefreshPeriod() {
        HeldFleet fleet = held(new CurrentThreadTaskExecutor());
        List<Integer> derived = new ArrayList<>();
        fleet.load("Loading dev", HeldFleet.Listening.NONE, (session, snapshot) -> snapshot.services().size(),
                read -> derived.add(read.derived()), failures::add);
        assertThat(enter.entered).containsExactly("dev");
        assertThat(derived).containsExactly(3);
        assertThat(fleet.held()).isTrue();
        assertThat(fleet.isOld()).isFalse();
        clock.advance(FleetViewModel.REFRESH_EVERY.minusSeconds(1));
        assertThat(fleet.isOld()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(fleet.isOld()).isTrue();
    }

    @Test
    void aFailedRefreshKeepsTheSnapshotAndAPassingFailureIsRetriedOnItsOwn() {
        HeldFleet fleet = held(new CurrentThreadTaskExecutor());
        fleet.load("Loading dev", HeldFleet.Listening.NONE, (s, f) -> f, r -> { }, failures::add);
        FleetSnapshot first = fleet.snapshot();

        ports.failingRefresh(new OperatorException(problem(Problem.Kind.THROTTLED)));
        fleet.refresh("Refreshing dev", false, (s, f) -> f, r -> { }, failures::add);
        assertThat(fleet.snapshot()).isSameAs(first);
        assertThat(fleet.refreshProblem().kind()).isEqualTo(Problem.Kind.THROTTLED);
        assertThat(fleet.failedAt()).isEqualTo(clock.instant());
        assertThat(fleet.worthRetrying()).isTrue();
        assertThat(enter.entered).as("the session of the load, no new sign-in").containsExactly("dev");

        ports.failingRefresh(new OperatorException(problem(Problem.Kind.ACCESS_DENIED)));
        fleet.refresh("Refreshing dev", true, (s, f) -> f, r -> { }, failures::add);
        assertThat(fleet.worthRetrying()).as("waits for the operator").isFalse();
        assertThat(enter.entered).as("asked: entered again").containsExactly("dev", "dev");
        assertThat(failures).extracting(Problem::kind).containsExactly(Problem.Kind.THROTTLED,
                Problem.Kind.ACCESS_DENIED);
    }

    @Test
    void aLoadWithASessionEnteredElsewhereEntersNothingAndShowsItsProgress() {
        HeldFleet fleet = held(new CurrentThreadTaskExecutor());
        List<Object> heard = new ArrayList<>();
        HeldFleet.Listening listening = new HeldFleet.Listening() {
            @Override
            public io.harbormaster.model.fleet.FleetLoadListener listenerFor(
                    io.harbormaster.model.environment.EnvironmentSession session,
                    java.util.function.BooleanSupplier stillWanted) {
                throw new AssertionError("the listener with the task's progress is asked for");
            }

            @Override
            public io.harbormaster.model.fleet.FleetLoadListener listenerFor(
                    io.harbormaster.model.environment.EnvironmentSession session,
                    java.util.function.BooleanSupplier stillWanted,
                    io.harbormaster.views.concurrent.BackgroundTask.Progress progress) {
                heard.add(progress);
                return io.harbormaster.model.fleet.FleetLoadListener.NONE;
            }
        };
        fleet.load(io.harbormaster.views.fakes.Fixtures.session(DEV), "Loading dev", listening, (s, f) -> f,
                r -> { }, failures::add);
        assertThat(enter.entered).isEmpty();
        assertThat(heard).hasSize(1);
        assertThat(fleet.session()).isEqualTo(io.harbormaster.views.fakes.Fixtures.session(DEV));
        assertThat(fleet.held()).isTrue();
    }

    @Test
    void droppingCancelsTheReadInFlightAndForgetsTheFleet() {
        QueuedTaskExecutor queued = new QueuedTaskExecutor();
        HeldFleet fleet = held(queued);
        List<Object> delivered = new ArrayList<>();
        fleet.load("Loading dev", HeldFleet.Listening.NONE, (s, f) -> f, delivered::add, delivered::add);
        assertThat(fleet.inFlight()).isTrue();
        fleet.drop();
        assertThat(queued.cancelled()).isEqualTo(1);
        queued.runAll();
        assertThat(delivered).isEmpty();
        assertThat(fleet.held()).isFalse();
        assertThat(ports.loads).as("never read").isEmpty();
    }
}
