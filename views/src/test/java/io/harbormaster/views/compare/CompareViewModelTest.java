package io.harbormaster.views.compare;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static io.harbormaster.views.fakes.Fixtures.PROD;
import static io.harbormaster.views.fakes.Fixtures.STAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.compare.ComparedLine;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.fakes.FakeEnterEnvironment;
import io.harbormaster.views.fakes.FakeFleet;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fakes.RecordingDialogs;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.fleet.ManualRepeater;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class CompareViewModelTest {

    private final ObservableList<Environment> environments = FXCollections.observableArrayList(DEV, STAGE, PROD);
    private final FakeEnterEnvironment enter = new FakeEnterEnvironment();
    private final FakeFleet ports = new FakeFleet()
            .with("dev", FleetFixtures.snapshot("dev", Fixtures.NOW))
            .with("stage", FleetFixtures.snapshot("stage", Fixtures.NOW));
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final FleetViewModel fleet = new FleetViewModel(ports, ports, executor, new ManualRepeater(),
            Runnable::run, Fixtures.CLOCK);
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final CompareViewModel vm = new CompareViewModel(fleet, environments, enter, ports, MfaPrompt.NONE,
            executor, dialogs);

    @Test
    void theCurrentEnvironmentIsNotOfferedAndAServiceWaitsForTheOther() {
        fleet.sessionProperty().set(Fixtures.session(DEV));
        fleet.activeProperty().set(true);
        assertThat(vm.otherChoices()).containsExactly(STAGE, PROD);
        vm.compareService("api");
        assertThat(vm.lines()).isEmpty();
        assertThat(vm.messageProperty().get()).contains("Pick the environment");
    }

    @Test
    void comparesWithTheOtherEnvironmentsServiceOfTheSameNameAndKeepsItsFleet() {
        fleet.sessionProperty().set(Fixtures.session(DEV));
        fleet.activeProperty().set(true);
        vm.compareService("api");
        vm.compareWith(STAGE);
        assertThat(vm.lines()).isNotEmpty();
        assertThat(vm.lines()).extracting(ComparedLine::label).contains("Desired count", "Image", "Strategy");
        assertThat(vm.summaryProperty().get()).isEqualTo("No differences.");
        assertThat(vm.rightTagProperty().get().name()).isEqualTo("stage");
        assertThat(enter.entered).containsExactly("stage");

        vm.compareService("worker");
        assertThat(vm.lines()).isNotEmpty();
        assertThat(enter.entered).as("stage's fleet is kept for the run").containsExactly("stage");
    }

    @Test
    void anUnknownServiceSaysSo() {
        fleet.sessionProperty().set(Fixtures.session(DEV));
        fleet.activeProperty().set(true);
        vm.compareService("nope");
        vm.compareWith(STAGE);
        assertThat(vm.lines()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("There is no service nope in dev.");
    }
}
