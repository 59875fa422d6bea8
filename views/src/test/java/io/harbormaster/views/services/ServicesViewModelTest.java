package io.harbormaster.views.services;

import io.harbormaster.views.shared.services.ServiceRow;
import static io.harbormaster.views.fakes.Fixtures.DEV;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.SecretNames;
import io.harbormaster.model.fleet.ServiceAttention;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.fakes.FakeFleet;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.fleet.ManualRepeater;
import org.junit.jupiter.api.Test;

class ServicesViewModelTest {

    private final FakeFleet ports = new FakeFleet().with("dev", FleetFixtures.snapshot("dev", Fixtures.NOW));
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final FleetViewModel fleet = new FleetViewModel(ports, ports, executor, new ManualRepeater(),
            Runnable::run, Fixtures.CLOCK);
    private final ServicesViewModel vm = new ServicesViewModel(fleet, executor);

    @Test
    void anUnplaceableServiceComesFirstWithEcsReason() {
        fleet.sessionProperty().set(Fixtures.session(DEV));
        assertThat(vm.rows()).extracting(ServiceRow::name).containsExactly("edge", "api", "worker");
        ServiceRow edge = vm.rows().get(0);
        assertThat(edge.attention()).isEqualTo(ServiceAttention.Level.UNPLACEABLE);
        assertThat(edge.reason()).isEqualTo(FleetFixtures.UNPLACEABLE);
        assertThat(edge.imageTags()).isEqualTo("4.2.0");
        assertThat(edge.revision()).isEqualTo(1);
        assertThat(edge.environment().name()).isEqualTo("dev");
        assertThat(vm.summaryProperty().get()).isEqualTo("3 services · 1 need attention");
    }

    @Test
    void filtersByTextAndByAttention() {
        fleet.sessionProperty().set(Fixtures.session(DEV));
        vm.filterProperty().set("WORK");
        assertThat(vm.rows()).extracting(ServiceRow::name).containsExactly("worker");
        vm.filterProperty().set("");
        vm.problemsOnlyProperty().set(true);
        assertThat(vm.rows()).extracting(ServiceRow::name).containsExactly("edge");
        assertThat(vm.summaryProperty().get()).startsWith("1 of 3 services");
    }

    @Test
    void selectingShowsTheDetailWithSecretsMasked() {
        fleet.sessionProperty().set(Fixtures.session(DEV));
        vm.filterProperty().set("edge");
        vm.select(FleetFixtures.API);
        assertThat(vm.filterProperty().get()).as("a filter hiding the selection is cleared").isEmpty();
        ServiceDetail d = vm.detailProperty().get();
        assertThat(d.service().name()).isEqualTo("api");
        assertThat(d.containers().get(0).environment()).containsExactly("DB_PASSWORD=" + SecretNames.MASK,
                "LOG_LEVEL=info");
        assertThat(d.tasks()).extracting(ServiceDetail.TaskRow::host).containsExactly("i-0001", "i-0002");
        assertThat(d.placementStrategy()).isEqualTo("spread(instanceId)");
        assertThat(d.containers().get(0).ports()).isEqualTo("dynamic→8080/tcp");
    }

    @Test
    void theSelectionSurvivesARefresh() {
        fleet.sessionProperty().set(Fixtures.session(DEV));
        vm.select(FleetFixtures.WORKER);
        fleet.activeProperty().set(true);
        ports.refreshingTo(previous -> FleetFixtures.snapshot("dev", Fixtures.NOW.plusSeconds(20)));
        fleet.refresh();
        assertThat(vm.selectedProperty().get()).isEqualTo(FleetFixtures.WORKER);
        assertThat(vm.detailProperty().get().service().name()).isEqualTo("worker");
    }

    @Test
    void saysWhatIsGoingOnWhenEmpty() {
        assertThat(vm.placeholderProperty().get()).startsWith("Choose an environment");
        fleet.sessionProperty().set(Fixtures.session(DEV));
        vm.filterProperty().set("nothing-like-this");
        assertThat(vm.placeholderProperty().get()).isEqualTo("No service matches “nothing-like-this”.");
    }
}
