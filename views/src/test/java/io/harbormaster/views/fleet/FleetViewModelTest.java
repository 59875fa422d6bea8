package io.harbormaster.views.fleet;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static io.harbormaster.views.fakes.Fixtures.STAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.concurrent.QueuedTaskExecutor;
import io.harbormaster.views.concurrent.RunningTask;
import io.harbormaster.views.fakes.FakeFleet;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fakes.MovableClock;
import io.harbormaster.views.lifecycle.ManualRepeater;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetViewModelTest {

    private final MovableClock clock = new MovableClock();
    private final FakeFleet ports = new FakeFleet()
            .with("dev", FleetFixtures.snapshot("dev", Fixtures.NOW))
            .with("stage", FleetFixtures.snapshot("stage", Fixtures.NOW));
    private final ManualRepeater repeater = new ManualRepeater();
    private final FleetViewModel vm = new FleetViewModel(ports, ports, new CurrentThreadTaskExecutor(), repeater,
            Runnable::run, clock);

    @Test
    void entersLoadTheWholeFleetAndServicesComeFirst() {
        List<Boolean> seen = new ArrayList<>();
        vm.dataProperty().addListener((obs, old, now) -> seen.add(now == null ? null : now.complete()));
        vm.sessionProperty().set(Fixtures.session(DEV));
        assertThat(seen).containsExactly(false, true);
        assertThat(vm.stateProperty().get()).isEqualTo(FleetViewModel.State.LOADED);
        assertThat(vm.data().snapshot().services()).hasSize(3);
        assertThat(vm.data().packing().hosts()).hasSize(2);
        assertThat(vm.asOfProperty().get()).isEqualTo(Fixtures.NOW);
        assertThat(ports.loads).containsExactly("dev");
    }

    @Test
    void pollsOnlyWhileAFleetPageShows() {
        vm.sessionProperty().set(Fixtures.session(DEV));
        assertThat(repeater.running()).isFalse();
        vm.activeProperty().set(true);
        assertThat(repeater.running()).isTrue();
        assertThat(repeater.period).isEqualTo(FleetViewModel.REFRESH_EVERY);
        repeater.tick();
        assertThat(ports.refreshes).containsExactly("dev");
        vm.activeProperty().set(false);
        assertThat(repeater.running()).isFalse();
        repeater.tick();
        assertThat(ports.refreshes).containsExactly("dev");
    }

    @Test
    void aRefreshSwapsTheSnapshotWhole() {
        Instant later = Fixtures.NOW.plusSeconds(20);
        ports.refreshingTo(previous -> FleetFixtures.snapshot("dev", later));
        vm.sessionProperty().set(Fixtures.session(DEV));
        vm.activeProperty().set(true);
        FleetData before = vm.data();
        repeater.tick();
        assertThat(vm.data()).isNotSameAs(before);
        assertThat(vm.asOfProperty().get()).isEqualTo(later);
        assertThat(vm.stalenessProperty().get()).isEmpty();
    }

    @Test
    void aFailedRefreshKeepsTheLastSnapshotAndSaysSo() {
        vm.sessionProperty().set(Fixtures.session(DEV));
        vm.activeProperty().set(true);
        FleetData before = vm.data();
        ports.failingRefresh(new OperatorException(new Problem(Problem.Kind.NETWORK, "Network unreachable",
                "ecs.eu-west-1.amazonaws.com did not answer", "", "")));
        clock.advance(java.time.Duration.ofSeconds(25));
        repeater.tick();
        assertThat(vm.data()).isSameAs(before);
        assertThat(vm.stalenessProperty().get()).contains("Could not refresh dev at 14:02:36").contains("Network unreachable")
                .contains("as of 14:02:11");
        ports.failingRefresh(null);
        repeater.tick();
        assertThat(vm.stalenessProperty().get()).isEmpty();
    }

    @Test
    void aRefreshThatCannotSucceedByRetryingWaitsForF5() {
        vm.sessionProperty().set(Fixtures.session(DEV));
        vm.activeProperty().set(true);
        ports.failingRefresh(new OperatorException(new Problem(Problem.Kind.ACCESS_DENIED, "Access denied",
                "not allowed to ecs:DescribeServices", "", "")));
        repeater.tick();
        assertThat(ports.refreshes).containsExactly("dev");
        assertThat(vm.stalenessProperty().get()).contains("Access denied").endsWith("press F5 to try again.");

        repeater.tick();
        clock.advance(FleetViewModel.REFRESH_EVERY);
        vm.activeProperty().set(false);
        vm.activeProperty().set(true);
        assertThat(ports.refreshes).as("neither the next round nor coming back tries again").containsExactly("dev");

        ports.failingRefresh(null);
        vm.refresh(); // F5
        assertThat(ports.refreshes).containsExactly("dev", "dev");
        assertThat(vm.stalenessProperty().get()).isEmpty();
    }

    @Test
    void missingPartsAreNamed() {
        ports.with("dev", FleetFixtures.snapshot("dev", Fixtures.NOW, List.of(FleetFixtures.denied("tasks of cluster web"))));
        vm.sessionProperty().set(Fixtures.session(DEV));
        assertThat(vm.missingProperty().get()).isEqualTo(
                "Not shown: tasks of cluster web (Access denied). Everything else is current.");
    }

    @Test
    void aFailedLoadIsAStateNotADialog() {
        ports.failingLoad(new OperatorException(new Problem(Problem.Kind.ACCESS_DENIED, "Access denied", "no", "", "")));
        vm.sessionProperty().set(Fixtures.session(DEV));
        assertThat(vm.stateProperty().get()).isEqualTo(FleetViewModel.State.FAILED);
        assertThat(vm.loadProblemProperty().get().title()).isEqualTo("Access denied");
        assertThat(vm.data()).isNull();
    }

    @Test
    void anotherEnvironmentReplacesTheFleetAndStopsPolling() {
        vm.sessionProperty().set(Fixtures.session(DEV));
        vm.activeProperty().set(true);
        vm.sessionProperty().set(Fixtures.session(STAGE));
        assertThat(vm.data().snapshot().environmentId()).isEqualTo("stage");
        assertThat(ports.loads).containsExactly("dev", "stage");
        assertThat(repeater.running()).isTrue();
        vm.sessionProperty().set(null);
        assertThat(vm.data()).isNull();
        assertThat(repeater.running()).isFalse();
        assertThat(vm.stateProperty().get()).isEqualTo(FleetViewModel.State.NO_SESSION);
    }

    @Test
    void switchingEnvironmentCancelsThePreviousLoadSoItNeverReachesAws() {
        QueuedTaskExecutor queued = new QueuedTaskExecutor();
        FleetViewModel slow = new FleetViewModel(ports, ports, queued, repeater, Runnable::run, clock);
        slow.sessionProperty().set(Fixtures.session(DEV));
        slow.sessionProperty().set(Fixtures.session(STAGE));
        assertThat(queued.cancelled()).isEqualTo(1);
        assertThat(queued.runningTasks()).extracting(RunningTask::title).containsExactly("Loading stage");
        queued.runAll();
        assertThat(ports.loads).containsExactly("stage");
        assertThat(slow.data().snapshot().environmentId()).isEqualTo("stage");
    }

    @Test
    void switchingBackShowsTheKeptFleetAtOnceAndOnlyTopsItUp() {
        vm.sessionProperty().set(Fixtures.session(DEV));
        vm.sessionProperty().set(Fixtures.session(STAGE));
        vm.sessionProperty().set(Fixtures.session(DEV));
        assertThat(vm.stateProperty().get()).isEqualTo(FleetViewModel.State.LOADED);
        assertThat(vm.data().snapshot().environmentId()).isEqualTo("dev");
        assertThat(ports.loads).containsExactly("dev", "stage");
        assertThat(ports.refreshes).containsExactly("dev");
    }

    @Test
    void comingBackToAnOldFleetRefreshesAtOnce() {
        vm.sessionProperty().set(Fixtures.session(DEV));
        clock.advance(java.time.Duration.ofSeconds(300));
        vm.activeProperty().set(true);
        assertThat(ports.refreshes).containsExactly("dev");
    }

    @Test
    void describesNothingMissingAsEmpty() {
        assertThat(FleetViewModel.describeMissing(List.of())).isEmpty();
        assertThat(FleetSnapshot.empty("x", "r", Fixtures.NOW).problems()).isEmpty();
        assertThat(Map.of()).isEmpty();
    }
}
