package io.harbormaster.views.palette;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.fakes.FakeFleet;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fleet.Destination;
import io.harbormaster.views.fleet.FleetNavigator;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.fleet.ManualRepeater;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaletteViewModelTest {

    private final List<String> went = new ArrayList<>();
    private final FleetNavigator navigator = destination -> went.add(said(destination));

    private static String said(Destination destination) {
        if (destination instanceof Destination.Service s) {
            return "service " + s.serviceArn();
        }
        if (destination instanceof Destination.Host h) {
            return "host " + h.hostArn();
        }
        if (destination instanceof Destination.Cluster c) {
            return "cluster " + c.clusterArn();
        }
        return destination.toString();
    }
    private final FakeFleet ports = new FakeFleet().with("dev", FleetFixtures.snapshot("dev", Fixtures.NOW));
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final FleetViewModel fleet = new FleetViewModel(ports, ports, executor, new ManualRepeater(),
            Runnable::run, Fixtures.CLOCK);
    private final PaletteViewModel vm = new PaletteViewModel(fleet, navigator, executor);

    @Test
    void findsByPartOfANameNamesThatStartFirst() {
        fleet.sessionProperty().set(Fixtures.session(DEV));
        vm.open();
        vm.queryProperty().set("ED");
        assertThat(vm.results()).extracting(PaletteEntry::label).containsExactly("edge");
        vm.queryProperty().set("e");
        assertThat(vm.results().get(0).label()).isEqualTo("edge");
        assertThat(vm.results()).extracting(PaletteEntry::label).contains("web", "worker");
        vm.queryProperty().set("i-0002");
        assertThat(vm.results()).extracting(PaletteEntry::kind).containsExactly(PaletteEntry.Kind.HOST);
        vm.queryProperty().set("t5");
        assertThat(vm.results()).extracting(PaletteEntry::kind).containsExactly(PaletteEntry.Kind.TASK);
    }

    @Test
    void goingToAServiceOpensItAndCloses() {
        fleet.sessionProperty().set(Fixtures.session(DEV));
        vm.open();
        assertThat(vm.showingProperty().get()).isTrue();
        vm.queryProperty().set("work");
        vm.go(vm.results().get(0));
        assertThat(went).containsExactly("service " + FleetFixtures.WORKER);
        assertThat(vm.showingProperty().get()).isFalse();
        vm.queryProperty().set("t5");
        vm.go(vm.results().get(0));
        assertThat(went).endsWith("host " + FleetFixtures.H2);
    }

    @Test
    void neverMoreThanFifty() {
        assertThat(PaletteViewModel.LIMIT).isEqualTo(50);
        vm.queryProperty().set("anything");
        assertThat(vm.results()).isEmpty();
    }

    @Test
    void clustersAndHostsGoToTheirOwnPagesByArn() {
        fleet.sessionProperty().set(Fixtures.session(DEV));
        vm.open();
        vm.queryProperty().set("web");
        vm.go(vm.results().get(0));
        assertThat(went).containsExactly("cluster " + FleetFixtures.CLUSTER);
        vm.queryProperty().set("i-0001");
        vm.go(vm.results().get(0));
        assertThat(went).endsWith("host " + FleetFixtures.H1);
    }
}
