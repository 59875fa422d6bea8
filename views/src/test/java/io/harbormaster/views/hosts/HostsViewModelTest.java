package io.harbormaster.views.hosts;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.packing.Stranding;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.fakes.FakeFleet;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.lifecycle.ManualRepeater;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostsViewModelTest {

    private final FakeFleet ports = new FakeFleet().with("dev", FleetFixtures.snapshot("dev", Fixtures.NOW));
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final FleetViewModel fleet = new FleetViewModel(ports, ports, executor, new ManualRepeater(),
            Runnable::run, Fixtures.CLOCK);
    private final HostsViewModel vm = new HostsViewModel(fleet, executor);

    @Test
    void laysOutEveryHostWithItsTasksByService() {
        fleet.sessionProperty().set(Fixtures.session(DEV));
        HostLayout layout = vm.layoutProperty().get();
        assertThat(layout.size()).isEqualTo(2);
        HostCell h1 = layout.cell(layout.indexOf(FleetFixtures.H1));
        assertThat(h1.taskCount()).isEqualTo(3);
        assertThat(h1.usedCpu()).isEqualTo(256 + 512 + 1024);
        assertThat(vm.services()).extracting(HostsViewModel.ServiceChoice::name).containsExactly("api", "edge", "worker");
        assertThat(vm.summaryProperty().get()).startsWith("2 hosts · 5 tasks");
    }

    @Test
    void measuredUseIsReadOnlyWhileShownAndAskedFor() {
        io.harbormaster.views.metrics.FakeMetrics metrics = new io.harbormaster.views.metrics.FakeMetrics();
        metrics.cloudWatch = (q, at) -> q.metric().name().startsWith("CPU") ? 12.0 : 64.0;
        vm.measureWith(metrics, io.harbormaster.model.metrics.HostMetricSource.SANDBOX, Fixtures.CLOCK);
        fleet.sessionProperty().set(Fixtures.session(DEV));

        vm.showMeasuredProperty().set(true);
        assertThat(metrics.fetches).as("the page is hidden").isEmpty();
        vm.activeProperty().set(true);
        assertThat(metrics.fetches).as("CPU and memory, every host in one call each").hasSize(2)
                .allSatisfy(call -> assertThat(call).hasSize(2));
        MeasuredUse.Use h1 = vm.measuredProperty().get().get(FleetFixtures.H1);
        assertThat(h1.cpu()).isEqualTo(12.0);
        assertThat(h1.memory()).isEqualTo(64.0);
        assertThat(vm.measuredProperty().get()).containsOnlyKeys(FleetFixtures.H1, FleetFixtures.H2);

        vm.showMeasuredProperty().set(false);
        assertThat(vm.measuredProperty().get()).isEmpty();
        vm.activeProperty().set(false);
        vm.showMeasuredProperty().set(true);
        assertThat(metrics.fetches).as("nothing read while hidden").hasSize(2);
    }

    @Test
    void highlightingAServiceLightsUpExactlyItsHosts() {
        fleet.sessionProperty().set(Fixtures.session(DEV));
        vm.highlight(FleetFixtures.WORKER);
        assertThat(vm.highlightedHostsProperty().get()).isEqualTo(Set.of(FleetFixtures.H1));
        HostLayout layout = vm.layoutProperty().get();
        assertThat(vm.highlightedCellsProperty().get().cardinality()).isEqualTo(1);
        assertThat(vm.highlightedCellsProperty().get().get(layout.indexOf(FleetFixtures.H1))).isTrue();
        vm.highlight(FleetFixtures.API);
        assertThat(vm.highlightedHostsProperty().get()).isEqualTo(Set.of(FleetFixtures.H1, FleetFixtures.H2));
        vm.groupingProperty().set(HostLayout.Grouping.ZONE);
        assertThat(vm.layoutProperty().get().groups()).hasSize(2);
        assertThat(vm.highlightedCellsProperty().get().cardinality()).as("kept across a new layout").isEqualTo(2);
        vm.highlight(null);
        assertThat(vm.highlightedHostsProperty().get()).isEmpty();
        assertThat(vm.highlightedCellsProperty().get()).isNull();
    }

    @Test
    void theTooltipNamesServiceTaskAndReservation() {
        fleet.sessionProperty().set(Fixtures.session(DEV));
        HostLayout layout = vm.layoutProperty().get();
        int h2 = layout.indexOf(FleetFixtures.H2);
        HostCell cell = layout.cell(h2);
        int edgeTask = cell.task(0).group().equals("service:edge") ? 0 : 1;
        String text = vm.describe(new HostLayout.Hit(h2, HostLayout.Bar.CPU, edgeTask));
        assertThat(text).startsWith("edge\ntask t5").contains("1024 CPU units · 1024 MiB · host ports 80")
                .contains("on i-0002 (m5.large, us-east-1b)");
        String host = vm.describe(new HostLayout.Hit(h2, HostLayout.Bar.NONE, -1));
        assertThat(host).startsWith("i-0002 · m5.large · us-east-1b").contains("CPU 1,280 of 2,048 units reserved");
    }

    @Test
    void nothingIsLaidOutUntilHostsAreIn() {
        assertThat(vm.layoutProperty().get()).isNull();
        assertThat(vm.summaryProperty().get()).startsWith("Choose an environment");
        assertThat(Stranding.NONE).isNotNull();
    }
}
