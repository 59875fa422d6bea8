package io.harbormaster.views.allenv;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static io.harbormaster.views.fakes.Fixtures.PROD;
import static io.harbormaster.views.fakes.Fixtures.STAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.fakes.FakeEnterEnvironment;
import io.harbormaster.views.fakes.FakeFleet;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fakes.RecordingDialogs;
import io.harbormaster.views.services.ServiceRow;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class AllEnvironmentsViewModelTest {

    private final ObservableList<Environment> environments = FXCollections.observableArrayList(DEV, STAGE, PROD);
    private final SimpleObjectProperty<EnvironmentSession> current = new SimpleObjectProperty<>();
    private final FakeEnterEnvironment enter = new FakeEnterEnvironment();
    private final FakeFleet fleets = new FakeFleet()
            .with("dev", FleetFixtures.snapshot("dev", Fixtures.NOW))
            .with("stage", FleetFixtures.snapshot("stage", Fixtures.NOW));
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final AllEnvironmentsViewModel vm = new AllEnvironmentsViewModel(environments, List.of(current), enter,
            fleets, (who, serial) -> java.util.Optional.empty(), new CurrentThreadTaskExecutor(), dialogs, Runnable::run);

    private EnvironmentChoice choice(Environment environment) {
        return vm.choices().stream().filter(c -> c.environment().equals(environment)).findFirst().orElseThrow();
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
    void loadsEachTickedEnvironmentAndTagsItsRowsProblemsFirst() {
        current.set(Fixtures.session(DEV));
        current.set(Fixtures.session(STAGE));
        vm.load();
        assertThat(enter.entered).containsExactlyInAnyOrder("dev", "stage");
        assertThat(vm.rows()).extracting(r -> r.environment().id()).contains("dev", "stage");
        assertThat(vm.rows().get(0).needsAttention()).isTrue();
        for (int i = 1; i < vm.rows().size(); i++) {
            assertThat(vm.rows().get(i - 1).attention()).isLessThanOrEqualTo(vm.rows().get(i).attention());
        }
        assertThat(choice(DEV).statusProperty().get()).endsWith("services");
        assertThat(vm.loadingProperty().get()).isZero();
        assertThat(vm.summaryProperty().get()).contains("in 2 environments");
    }

    @Test
    void anEnvironmentThatCannotBeEnteredIsReportedAndTheOthersStillShow() {
        enter.deny(STAGE);
        choice(DEV).chosenProperty().set(true);
        choice(STAGE).chosenProperty().set(true);
        vm.load();
        assertThat(vm.rows()).extracting(ServiceRow::environment).extracting(t -> t.id()).containsOnly("dev");
        assertThat(choice(STAGE).statusProperty().get()).isEqualTo("not loaded");
        assertThat(dialogs.problems).hasSize(1);
    }
}
