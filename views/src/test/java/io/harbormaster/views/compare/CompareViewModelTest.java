package io.harbormaster.views.compare;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static io.harbormaster.views.fakes.Fixtures.PROD;
import static io.harbormaster.views.fakes.Fixtures.STAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.compare.ComparedLine;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.fakes.FakeEnterEnvironment;
import io.harbormaster.views.fakes.FakeFleet;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fakes.MovableClock;
import io.harbormaster.views.fakes.RecordingDialogs;
import io.harbormaster.views.fleet.FleetReads;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.lifecycle.ManualRepeater;
import java.time.Duration;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class CompareViewModelTest {

    private final ObservableList<Environment> environments = FXCollections.observableArrayList(DEV, STAGE, PROD);
    private final FakeEnterEnvironment enter = new FakeEnterEnvironment();
    private final MovableClock clock = new MovableClock();
    private final FakeFleet ports = new FakeFleet()
            .with("dev", FleetFixtures.snapshot("dev", Fixtures.NOW))
            .with("stage", FleetFixtures.snapshot("stage", Fixtures.NOW))
            .refreshingTo(previous -> FleetFixtures.snapshot(previous.environmentId(), clock.instant()));
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final ManualRepeater repeater = new ManualRepeater();
    private final FleetViewModel fleet = new FleetViewModel(ports, ports, executor, repeater, Runnable::run, clock);
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final CompareViewModel vm = new CompareViewModel(fleet, environments,
            new FleetReads(enter, MfaPrompt.NONE, ports, ports, executor, clock), dialogs);

    private void inDevOnTheComparePage() {
        fleet.sessionProperty().set(Fixtures.session(DEV));
        fleet.activeProperty().set(true);
        vm.activeProperty().set(true);
    }

    @Test
    void theCurrentEnvironmentIsNotOfferedAndAServiceWaitsForTheOther() {
        inDevOnTheComparePage();
        assertThat(vm.otherChoices()).containsExactly(STAGE, PROD);
        vm.compareService("api");
        assertThat(vm.lines()).isEmpty();
        assertThat(vm.messageProperty().get()).contains("Pick the environment");
    }

    @Test
    void comparesWithTheOtherEnvironmentsServiceOfTheSameNameAndSaysHowOldEachSideIs() {
        inDevOnTheComparePage();
        vm.compareService("api");
        vm.compareWith(STAGE);
        assertThat(vm.lines()).extracting(ComparedLine::label).contains("Desired count", "Image", "Strategy");
        assertThat(vm.summaryProperty().get()).isEqualTo("No differences.");
        assertThat(vm.rightTagProperty().get().name()).isEqualTo("stage");
        assertThat(vm.leftHeadingProperty().get()).isEqualTo("dev · as of 14:02:11");
        assertThat(vm.rightHeadingProperty().get()).isEqualTo("stage · as of 14:02:11");
        assertThat(vm.stalenessProperty().get()).isEmpty();
        assertThat(enter.entered).containsExactly("stage");
        assertThat(ports.loads).containsExactly("dev", "stage");

        clock.advance(Duration.ofSeconds(5));
        vm.compareService("worker");
        assertThat(vm.lines()).isNotEmpty();
        assertThat(ports.loads).as("stage read 5 s ago is fresh enough").containsExactly("dev", "stage");
        assertThat(ports.refreshes).isEmpty();
    }

    @Test
    void anOtherSideOlderThanTheRefreshIntervalIsRefreshedIncrementallyBeforeComparing() {
        inDevOnTheComparePage();
        vm.compareService("api");
        vm.compareWith(STAGE);
        vm.activeProperty().set(false); // so the live fleet's own refresh does not start a comparison by itself

        clock.advance(FleetViewModel.REFRESH_EVERY.plusSeconds(1));
        vm.compareService("worker");
        assertThat(ports.refreshes).containsExactly("stage");
        assertThat(ports.loads).as("no second full load").containsExactly("dev", "stage");
        assertThat(vm.rightHeadingProperty().get()).isEqualTo("stage · as of 14:02:32");
        assertThat(vm.leftHeadingProperty().get()).as("dev is the live fleet's, not refreshed yet")
                .isEqualTo("dev · as of 14:02:11");
    }

    @Test
    void refreshReadsTheOtherSideAgainAtOnceAndKeepsTheLinesMeanwhile() {
        inDevOnTheComparePage();
        vm.compareService("api");
        vm.compareWith(STAGE);
        int shown = vm.lines().size();
        clock.advance(Duration.ofSeconds(3));
        vm.refresh();
        assertThat(ports.refreshes).containsExactly("stage");
        assertThat(vm.lines()).hasSize(shown);
        assertThat(vm.rightHeadingProperty().get()).isEqualTo("stage · as of 14:02:14");
    }

    @Test
    void whileShowingANewLiveSnapshotIsComparedAgainAndAnOldOtherSideToppedUp() {
        inDevOnTheComparePage();
        vm.compareService("api");
        vm.compareWith(STAGE);

        clock.advance(FleetViewModel.REFRESH_EVERY);
        repeater.tick(); // the live fleet refreshes dev
        assertThat(vm.leftHeadingProperty().get()).isEqualTo("dev · as of 14:02:31");
        assertThat(vm.rightHeadingProperty().get()).isEqualTo("stage · as of 14:02:31");
        assertThat(ports.refreshes).containsExactly("dev", "stage");

        vm.activeProperty().set(false); // another page: nothing is read for Compare
        clock.advance(FleetViewModel.REFRESH_EVERY);
        fleet.refresh();
        assertThat(ports.refreshes).containsExactly("dev", "stage", "dev");
        vm.activeProperty().set(true); // back: compared again, the other side topped up
        assertThat(ports.refreshes).containsExactly("dev", "stage", "dev", "stage");
        assertThat(vm.leftHeadingProperty().get()).isEqualTo("dev · as of 14:02:51");
        assertThat(vm.rightHeadingProperty().get()).isEqualTo("stage · as of 14:02:51");
    }

    @Test
    void aFollowUpComparesWhatIsShownNotWhatIsHalfTypedInTheField() {
        inDevOnTheComparePage();
        vm.compareService("api");
        vm.compareWith(STAGE);
        vm.serviceNameProperty().set("wor");
        clock.advance(FleetViewModel.REFRESH_EVERY);
        repeater.tick();
        assertThat(vm.lines()).isNotEmpty();
        assertThat(vm.lines()).anyMatch(l -> l.left() != null && l.left().contains("api"));
    }

    @Test
    void aFailedRefreshKeepsTheOlderSideSaysSoAndWaitsForTheOperatorWhenRetryingCannotHelp() {
        inDevOnTheComparePage();
        vm.compareService("api");
        vm.compareWith(STAGE);
        ports.failingRefresh(new OperatorException(new Problem(Problem.Kind.CREDENTIALS_EXPIRED, "Session expired",
                "The stage session has expired.", "Select stage again.", "")));

        clock.advance(FleetViewModel.REFRESH_EVERY.plusSeconds(1));
        vm.compareService("worker");
        assertThat(vm.lines()).as("compared with what was read before").isNotEmpty();
        assertThat(vm.rightHeadingProperty().get()).isEqualTo("stage · as of 14:02:11");
        assertThat(vm.stalenessProperty().get()).startsWith("Could not refresh stage at 14:02:32: Session expired")
                .contains("as of 14:02:11").contains("press Refresh");
        assertThat(ports.refreshes).containsExactly("stage");

        vm.activeProperty().set(false);
        vm.activeProperty().set(true); // the page shows again: compared again, stage not retried on its own
        assertThat(ports.refreshes).containsExactly("stage");
        assertThat(vm.lines()).isNotEmpty();
        assertThat(vm.stalenessProperty().get()).contains("Session expired");

        ports.failingRefresh(null);
        vm.refresh(); // the operator asks
        assertThat(ports.refreshes).containsExactly("stage", "stage");
        assertThat(vm.stalenessProperty().get()).isEmpty();
        assertThat(vm.rightHeadingProperty().get()).isEqualTo("stage · as of 14:02:32");
    }

    @Test
    void anOtherEnvironmentThatCannotBeEnteredIsShownAsAProblem() {
        enter.deny(STAGE);
        inDevOnTheComparePage();
        vm.compareService("api");
        vm.compareWith(STAGE);
        assertThat(vm.lines()).isEmpty();
        assertThat(vm.messageProperty().get()).startsWith("Could not load stage: Role not trusted");
        assertThat(dialogs.problems).hasSize(1);
    }

    @Test
    void askingTwiceWhileTheOtherSideLoadsLoadsItOnce() {
        io.harbormaster.views.concurrent.QueuedTaskExecutor queued = new io.harbormaster.views.concurrent.QueuedTaskExecutor();
        FleetViewModel live = new FleetViewModel(ports, ports, queued, repeater, Runnable::run, clock);
        CompareViewModel page = new CompareViewModel(live, environments,
                new FleetReads(enter, MfaPrompt.NONE, ports, ports, queued, clock), dialogs);
        live.sessionProperty().set(Fixtures.session(DEV));
        queued.runAll();
        page.serviceNameProperty().set("api");
        page.compareWith(STAGE);
        page.compare();
        assertThat(page.busyProperty().get()).isTrue();
        queued.runAll();
        assertThat(ports.loads).containsExactly("dev", "stage");
        assertThat(page.lines()).isNotEmpty();
        assertThat(page.busyProperty().get()).isFalse();
    }

    @Test
    void leavingThePageStopsTheOtherSidesLoadAndComingBackLoadsItAgain() {
        io.harbormaster.views.concurrent.QueuedTaskExecutor queued = new io.harbormaster.views.concurrent.QueuedTaskExecutor();
        FleetViewModel live = new FleetViewModel(ports, ports, queued, repeater, Runnable::run, clock);
        CompareViewModel page = new CompareViewModel(live, environments,
                new FleetReads(enter, MfaPrompt.NONE, ports, ports, queued, clock), dialogs);
        live.sessionProperty().set(Fixtures.session(DEV));
        queued.runAll();
        page.activeProperty().set(true);
        page.serviceNameProperty().set("api");
        page.compareWith(STAGE);

        page.activeProperty().set(false);
        page.hidden();
        queued.runAll();
        assertThat(queued.cancelled()).isEqualTo(1);
        assertThat(ports.loads).containsExactly("dev");
        assertThat(page.busyProperty().get()).isFalse();

        page.activeProperty().set(true);
        assertThat(page.busyProperty().get()).isTrue();
        queued.runAll();
        assertThat(ports.loads).containsExactly("dev", "stage");
        assertThat(page.lines()).isNotEmpty();
    }

    @Test
    void anUnknownServiceSaysSo() {
        inDevOnTheComparePage();
        vm.compareService("nope");
        vm.compareWith(STAGE);
        assertThat(vm.lines()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("There is no service nope in dev.");
    }
}
