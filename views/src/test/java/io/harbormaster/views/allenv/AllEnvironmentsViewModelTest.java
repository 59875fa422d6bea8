package io.harbormaster.views.allenv;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static io.harbormaster.views.fakes.Fixtures.PROD;
import static io.harbormaster.views.fakes.Fixtures.STAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.views.allenv.EnvironmentChoice.State;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.fakes.FakeEnterEnvironment;
import io.harbormaster.views.fakes.FakeFleet;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fakes.MovableClock;
import io.harbormaster.views.fakes.RecordingDialogs;
import io.harbormaster.views.fleet.FleetReads;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.lifecycle.ManualRepeater;
import io.harbormaster.views.shared.services.ServiceRow;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class AllEnvironmentsViewModelTest {

    private final ObservableList<Environment> environments = FXCollections.observableArrayList(DEV, STAGE, PROD);
    private final SimpleObjectProperty<EnvironmentSession> current = new SimpleObjectProperty<>();
    private final FakeEnterEnvironment enter = new FakeEnterEnvironment();
    private final MovableClock clock = new MovableClock();
    private final FakeFleet fleets = new FakeFleet()
            .with("dev", FleetFixtures.snapshot("dev", Fixtures.NOW))
            .with("stage", FleetFixtures.snapshot("stage", Fixtures.NOW))
            .refreshingTo(previous -> FleetFixtures.snapshot(previous.environmentId(), clock.instant()));
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final ManualRepeater repeater = new ManualRepeater();
    /** The MFA prompt is cancelled: an environment that needs a code cannot be entered. */
    private final AllEnvironmentsViewModel vm = new AllEnvironmentsViewModel(environments, List.of(current),
            new FleetReads(enter, (who, serial) -> Optional.empty(), fleets, fleets, new CurrentThreadTaskExecutor(),
                    clock), dialogs, Runnable::run, repeater);

    private EnvironmentChoice choice(Environment environment) {
        return vm.choices().stream().filter(c -> c.environment().equals(environment)).findFirst().orElseThrow();
    }

    private void devAndStageLoadedOnThePage() {
        current.set(Fixtures.session(DEV));
        current.set(Fixtures.session(STAGE));
        vm.activeProperty().set(true);
        vm.load();
    }

    private static OperatorException problem(Problem.Kind kind, String title) {
        return new OperatorException(new Problem(kind, title, title + " in stage.", "Try again later.", ""));
    }

    @Test
    void environmentsEnteredThisRunAreTickedByDefault() {
        current.set(Fixtures.session(DEV));
        current.set(Fixtures.session(STAGE));
        assertThat(choice(DEV).chosenProperty().get()).isTrue();
        assertThat(choice(STAGE).chosenProperty().get()).isTrue();
        assertThat(choice(PROD).chosenProperty().get()).isFalse();
    }

    @Test
    void loadsEachTickedEnvironmentAndTagsItsRowsProblemsFirstEachSayingHowOld() {
        devAndStageLoadedOnThePage();
        assertThat(enter.entered).containsExactlyInAnyOrder("dev", "stage");
        assertThat(vm.rows()).extracting(r -> r.environment().id()).contains("dev", "stage");
        assertThat(vm.rows().get(0).needsAttention()).isTrue();
        for (int i = 1; i < vm.rows().size(); i++) {
            assertThat(vm.rows().get(i - 1).attention()).isLessThanOrEqualTo(vm.rows().get(i).attention());
        }
        assertThat(choice(DEV).statusProperty().get()).isEqualTo("3 services · as of 14:02:11");
        assertThat(choice(DEV).stateProperty().get()).isEqualTo(State.LOADED);
        assertThat(choice(DEV).asOfProperty().get()).isEqualTo(Fixtures.NOW);
        assertThat(choice(PROD).stateProperty().get()).isEqualTo(State.IDLE);
        assertThat(vm.loadingProperty().get()).isZero();
        assertThat(vm.summaryProperty().get()).isEqualTo("6 services in 2 environments · 2 need attention");
    }

    @Test
    void leavingThePageStopsItsLoadsAndComingBackLoadsThemAgain() {
        io.harbormaster.views.concurrent.QueuedTaskExecutor queued =
                new io.harbormaster.views.concurrent.QueuedTaskExecutor();
        AllEnvironmentsViewModel page = new AllEnvironmentsViewModel(environments, List.of(current),
                new FleetReads(enter, (who, serial) -> Optional.empty(), fleets, fleets, queued, clock), dialogs,
                Runnable::run, repeater);
        current.set(Fixtures.session(DEV));
        current.set(Fixtures.session(STAGE));
        page.activeProperty().set(true);
        page.load();
        assertThat(queued.waiting()).isEqualTo(2);

        page.activeProperty().set(false);
        page.hidden();
        queued.runAll();
        assertThat(queued.cancelled()).isEqualTo(2);
        assertThat(enter.entered).isEmpty();
        assertThat(page.loadingProperty().get()).isZero();

        page.activeProperty().set(true);
        queued.runAll();
        assertThat(enter.entered).containsExactlyInAnyOrder("dev", "stage");
        assertThat(page.choices()).filteredOn(c -> c.chosenProperty().get())
                .extracting(c -> c.stateProperty().get()).containsOnly(State.LOADED);
    }

    @Test
    void filtersByTextOverNameClusterImageAndEnvironmentAndByNeedingAttention() {
        devAndStageLoadedOnThePage();
        vm.filterProperty().set(" STAGE ");
        assertThat(vm.rows()).extracting(r -> r.environment().id()).containsOnly("stage").hasSize(3);
        vm.filterProperty().set("worker");
        assertThat(vm.rows()).extracting(ServiceRow::name).containsExactly("worker", "worker");
        vm.filterProperty().set("1.4.2");
        assertThat(vm.rows()).extracting(ServiceRow::name).containsExactly("api", "api");
        vm.filterProperty().set("web");
        assertThat(vm.rows()).hasSize(6);
        assertThat(vm.summaryProperty().get()).startsWith("6 services");

        vm.filterProperty().set("dev");
        vm.problemsOnlyProperty().set(true);
        assertThat(vm.rows()).extracting(r -> r.environment().id() + "/" + r.name()).containsExactly("dev/edge");
        assertThat(vm.summaryProperty().get()).isEqualTo("1 of 6 services in 2 environments · 2 need attention");
        vm.filterProperty().set("nothing-like-this");
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.placeholderProperty().get())
                .isEqualTo("No service matches “nothing-like-this” among those needing attention.");
        assertThat(vm.allRows()).hasSize(6);
    }

    @Test
    void whileShowingEveryEnvironmentHeldIsRefreshedIncrementallyEachInterval() {
        devAndStageLoadedOnThePage();
        assertThat(vm.polling()).isTrue();
        assertThat(repeater.period).isEqualTo(FleetViewModel.REFRESH_EVERY);

        clock.advance(FleetViewModel.REFRESH_EVERY);
        repeater.tick();
        assertThat(fleets.refreshes).containsExactlyInAnyOrder("dev", "stage");
        assertThat(fleets.loads).as("no full loads after the first").containsExactlyInAnyOrder("dev", "stage");
        assertThat(enter.entered).as("refreshed with the session of the load: no new sign-in")
                .containsExactlyInAnyOrder("dev", "stage");
        assertThat(choice(STAGE).statusProperty().get()).isEqualTo("3 services · as of 14:02:31");

        vm.activeProperty().set(false);
        assertThat(vm.polling()).as("a hidden page polls nothing").isFalse();
        clock.advance(FleetViewModel.REFRESH_EVERY.multipliedBy(3));
        repeater.tick();
        assertThat(fleets.refreshes).hasSize(2);

        vm.activeProperty().set(true); // back after a minute: the old ones at once
        assertThat(fleets.refreshes).hasSize(4);
        assertThat(choice(DEV).statusProperty().get()).isEqualTo("3 services · as of 14:03:31");
    }

    @Test
    void loadRefreshesTheEnvironmentsHeldAndLoadsOnlyTheOthers() {
        devAndStageLoadedOnThePage();
        choice(PROD).chosenProperty().set(true); // ticked after a load, on the page: loaded at once
        assertThat(fleets.loads).containsExactlyInAnyOrder("dev", "stage", "prod");
        clock.advance(Duration.ofSeconds(5));
        vm.load();
        assertThat(fleets.loads).hasSize(3);
        assertThat(fleets.refreshes).containsExactlyInAnyOrder("dev", "stage", "prod");

        choice(DEV).chosenProperty().set(false);
        assertThat(vm.allRows()).extracting(r -> r.environment().id()).doesNotContain("dev");
        assertThat(choice(DEV).statusProperty().get()).isEmpty();
    }

    @Test
    void anEnvironmentThatCannotBeEnteredStaysListedWithItsReasonAndIsNotRetriedInALoop() {
        enter.deny(STAGE);
        enter.requireMfa(PROD);
        choice(DEV).chosenProperty().set(true);
        choice(STAGE).chosenProperty().set(true);
        choice(PROD).chosenProperty().set(true);
        vm.activeProperty().set(true);
        vm.load();
        assertThat(vm.allRows()).extracting(ServiceRow::environment).extracting(t -> t.id()).containsOnly("dev");
        assertThat(choice(STAGE).stateProperty().get()).isEqualTo(State.FAILED);
        assertThat(choice(STAGE).statusProperty().get()).isEqualTo("not loaded: Role not trusted");
        assertThat(choice(STAGE).problemProperty().get().message()).contains("is not trusted by role");
        assertThat(choice(PROD).statusProperty().get()).as("MFA cancelled").isEqualTo("not loaded: MFA code needed");
        assertThat(dialogs.problems).hasSize(2);

        for (int i = 0; i < 3; i++) {
            clock.advance(FleetViewModel.REFRESH_EVERY);
            repeater.tick();
        }
        vm.activeProperty().set(false);
        vm.activeProperty().set(true);
        assertThat(enter.entered).as("only the operator's Load tries them again")
                .containsExactlyInAnyOrder("dev", "stage", "prod");
        assertThat(dialogs.problems).hasSize(2);
        assertThat(choice(STAGE).statusProperty().get()).isEqualTo("not loaded: Role not trusted");

        vm.load();
        assertThat(enter.entered).filteredOn("stage"::equals).hasSize(2);
    }

    @Test
    void environmentsFailingAlikeOnOneLoadRaiseOneDialogAndEachSaysWhyInItsLine() {
        enter.requireMfa(STAGE);
        enter.requireMfa(PROD);
        choice(STAGE).chosenProperty().set(true);
        choice(PROD).chosenProperty().set(true);
        vm.activeProperty().set(true);

        vm.load();

        assertThat(choice(STAGE).statusProperty().get()).isEqualTo("not loaded: MFA code needed");
        assertThat(choice(PROD).statusProperty().get()).isEqualTo("not loaded: MFA code needed");
        assertThat(dialogs.problems).as("one MFA cancel, one dialog").hasSize(1);

        vm.load();
        assertThat(dialogs.problems).as("a new Load tells again, once").hasSize(2);
    }

    @Test
    void aFailedRefreshKeepsTheRowsSaysHowOldAndRetriesOnlyWhatARetryCanCure() {
        devAndStageLoadedOnThePage();
        fleets.failingRefresh(problem(Problem.Kind.NETWORK, "Network unreachable"));
        clock.advance(FleetViewModel.REFRESH_EVERY);
        repeater.tick();
        assertThat(vm.allRows()).hasSize(6);
        assertThat(choice(STAGE).stateProperty().get()).isEqualTo(State.STALE);
        assertThat(choice(STAGE).statusProperty().get())
                .isEqualTo("3 services · as of 14:02:11 · refresh failed at 14:02:31: Network unreachable");
        assertThat(dialogs.problems).as("a background refresh does not pop dialogs").isEmpty();
        assertThat(vm.stalenessProperty().get().lines()).as("the page's stale marking, one line an environment")
                .hasSize(2).anyMatch(l -> l.equals("Could not refresh stage at 14:02:31: Network unreachable — "
                        + "Network unreachable in stage. Showing stage as of 14:02:11; it is retried every 20 s."));

        fleets.failingRefresh(problem(Problem.Kind.CREDENTIALS_EXPIRED, "Session expired"));
        repeater.tick(); // a network failure is tried again…
        assertThat(fleets.refreshes).hasSize(4);
        assertThat(choice(STAGE).statusProperty().get()).endsWith("Session expired — press Load to try again");
        assertThat(vm.stalenessProperty().get()).contains("Session expired in stage. Try again later. Showing stage as of"
                + " 14:02:11; press Load to try again.");
        repeater.tick(); // …an expired session is not
        repeater.tick();
        assertThat(fleets.refreshes).hasSize(4);

        fleets.failingRefresh(null);
        vm.load();
        assertThat(fleets.refreshes).hasSize(6);
        assertThat(choice(STAGE).stateProperty().get()).isEqualTo(State.LOADED);
        assertThat(choice(STAGE).statusProperty().get()).isEqualTo("3 services · as of 14:02:31");
        assertThat(vm.stalenessProperty().get()).as("one good refresh clears the marking").isEmpty();
    }
}
