package io.harbormaster.views.palette;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.actions.Action;
import io.harbormaster.views.actions.ActionSpec;
import io.harbormaster.views.actions.Command;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.fakes.FakeFleet;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.lifecycle.ManualRepeater;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.material2.Material2AL;

/** The window's declared actions in the palette: found by their words, run on Enter, or listed with why not. */
class PaletteActionsTest {

    private static final Action DEPLOY = Action.of("deploy", "Deploy…", Material2AL.CLOUD_UPLOAD, "Shortcut+D",
            "Roll out a new image or revision to a service");
    private static final Action ABOUT = Action.of("about", "About", Material2AL.INFO, "F1", "Version and log file");

    private final List<String> ran = new ArrayList<>();
    private final StringProperty deployRefused = new SimpleStringProperty("");
    private final FakeFleet ports = new FakeFleet().with("dev", FleetFixtures.snapshot("dev", Fixtures.NOW));
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final FleetViewModel fleet = new FleetViewModel(ports, ports, executor, new ManualRepeater(),
            Runnable::run, Fixtures.CLOCK);
    private final PaletteViewModel vm = new PaletteViewModel(fleet, destination -> ran.add("went"), executor);

    PaletteActionsTest() {
        Map<ActionSpec, Command> declared = new LinkedHashMap<>();
        declared.put(DEPLOY, Command.unless(() -> ran.add("deploy"), deployRefused));
        declared.put(ABOUT, Command.always(() -> ran.add("about")));
        vm.offerActions(List.copyOf(declared.keySet()), declared::get);
    }

    @Test
    void anActionIsFoundByItsWordsShowsItsShortcutAndRunsOnGo() {
        vm.open();
        vm.queryProperty().set("depl");
        assertThat(vm.results()).extracting(PaletteEntry::kind, PaletteEntry::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PaletteEntry.Kind.ACTION, "Deploy…"));
        PaletteEntry deploy = vm.results().get(0);
        assertThat(deploy.detail()).isEqualTo(DEPLOY.key().getDisplayText());
        assertThat(deploy.unavailable()).isFalse();

        vm.go(deploy);
        assertThat(ran).containsExactly("deploy");
        assertThat(vm.showingProperty().get()).isFalse();

        vm.open();
        vm.queryProperty().set("log file");
        assertThat(vm.results()).extracting(PaletteEntry::label).as("its description matches too")
                .containsExactly("About");
    }

    @Test
    void anActionThatMayNotRunNowIsListedWithTheReasonAndGoDoesNothing() {
        deployRefused.set("prod is read-only: role readonly cannot change anything");
        vm.open();
        vm.queryProperty().set("deploy");
        PaletteEntry deploy = vm.results().get(0);
        assertThat(deploy.unavailable()).isTrue();
        assertThat(deploy.detail()).isEqualTo("Not available: prod is read-only: role readonly cannot change anything");

        vm.go(deploy);
        assertThat(ran).isEmpty();
        assertThat(vm.showingProperty().get()).as("left open, the reason in sight").isTrue();

        deployRefused.set("");
        vm.queryProperty().set("deplo");
        assertThat(vm.results().get(0).unavailable()).as("read again on every search").isFalse();
    }
}
