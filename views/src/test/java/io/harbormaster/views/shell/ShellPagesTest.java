package io.harbormaster.views.shell;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static io.harbormaster.views.fakes.Fixtures.STAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.views.actions.Action;
import io.harbormaster.views.clusters.ClustersPage;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.fakes.FakeEnterEnvironment;
import io.harbormaster.views.fakes.FakeListClusters;
import io.harbormaster.views.fakes.FakeRegistry;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fakes.InMemoryUiState;
import io.harbormaster.views.fakes.RecordingDialogs;
import io.harbormaster.views.fakes.TestShell;
import io.harbormaster.views.fleet.Destination;
import io.harbormaster.views.page.Page;
import io.harbormaster.views.page.PageCommand;
import io.harbormaster.views.page.PageContext;
import io.harbormaster.views.page.PageContribution;
import io.harbormaster.views.page.PageView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.material2.Material2AL;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The page contract: a page registered in the list shows up everywhere the shell lists pages (sidebar, View menu,
 * shortcuts), and the shell hands it Ctrl+F, F5, links, its status and its hidden/switched moments, knowing it by
 * nothing but its contribution.
 */
@ExtendWith(ApplicationExtension.class)
class ShellPagesTest {

    private static final Action PROBE_TAB = Action.of("probe-tab", "Probe's tab", Material2AL.BUG_REPORT,
            "Shortcut+Shift+Y", "The probe page on its other tab");

    private final Probe probe = new Probe();
    private final List<PageContribution> pages = List.of(
            ClustersPage.contribution(),
            PageContribution.of("probe", "Probe", Material2AL.BUG_REPORT, "Shortcut+Shift+J",
                    "A page the test registers", probe::build),
            PageContribution.placeholder("later", "Later", Material2AL.ACCESS_TIME, "Shortcut+Shift+G",
                    "Not built yet", "What it will show."));

    private ShellDependencies deps() {
        return TestShell.deps(new FakeRegistry(DEV, STAGE), new FakeEnterEnvironment(),
                new FakeListClusters().with("dev", Fixtures.devClusters()), new CurrentThreadTaskExecutor(),
                new InMemoryUiState(), Fixtures.CLOCK, pages);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aRegisteredPageAppearsInTheSidebarTheViewMenuAndTheShortcuts(FxRobot robot) {
        AtomicReference<ShellWindow> window = new AtomicReference<>();
        robot.interact(() -> window.set(ShellWindow.show(new Stage(), deps())));
        assertThat(robot.lookup("#navigation").queryAs(VBox.class).getChildren()).extracting(Node::getId)
                .containsExactly("nav-clusters", "nav-probe", "nav-later");
        ToggleButton probeButton = robot.lookup("#nav-probe").queryAs(ToggleButton.class);
        assertThat(probeButton.getTooltip()).as("made when the pointer first comes over it").isNull();
        robot.moveTo(probeButton);
        until(robot, () -> probeButton.getTooltip() != null);
        assertThat(probeButton.getTooltip().getText()).startsWith("Probe  (").endsWith("A page the test registers");
        Menu view = robot.lookup("#menu-bar").queryAs(MenuBar.class).getMenus().get(1);
        assertThat(view.getItems()).extracting(MenuItem::getId).startsWith("menu-nav-clusters", "menu-nav-probe",
                "menu-nav-later", "menu-probe-tab");
        assertThat(probe.views).as("a page's view is built when it first shows").isZero();

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.J);
        until(robot, () -> shown(robot, "#content #probe-view"));
        assertThat(robot.lookup("#nav-probe").queryAs(ToggleButton.class).isSelected()).isTrue();
        robot.push(KeyCode.CONTROL, KeyCode.F);
        until(robot, () -> robot.lookup("#probe-filter").queryAs(TextField.class).isFocused());

        robot.clickOn("#nav-clusters");
        until(robot, () -> shown(robot, "#content #clusters-table"));
        assertThat(probe.calls).containsExactly("hidden");
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Y);
        until(robot, () -> shown(robot, "#content #probe-view"));
        assertThat(probe.calls).containsExactly("hidden", "tab");
        assertThat(probe.views).as("built once, kept").isEqualTo(1);

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.G);
        until(robot, () -> shown(robot, "#content #placeholder-later"));

        assertThat(robot.lookup("#palette").tryQuery()).as("the palette is built the first time it opens").isEmpty();
        robot.push(KeyCode.CONTROL, KeyCode.K);
        until(robot, () -> robot.lookup("#palette-search").tryQuery().map(Node::isFocused).orElse(false));
        robot.push(KeyCode.ESCAPE);
        until(robot, () -> !window.get().viewModel().palette().showingProperty().get());
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.J);
        until(robot, () -> shown(robot, "#content #probe-view"));
        List<Node> layers = robot.lookup("#content").queryAs(StackPane.class).getChildren();
        assertThat(layers).extracting(Node::getId).as("kept above whichever page shows").endsWith("palette");
        List<Node> pages = layers.subList(0, layers.size() - 1);
        assertThat(pages).as("every page built is kept in the window, not taken out and styled afresh")
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(pages).filteredOn(Node::isVisible).as("one shows, in its stale-banner frame; the others are"
                + " hidden and not laid out by the content area").singleElement()
                .matches(page -> page.lookup("#probe-view") != null && page.isManaged());
        assertThat(pages).filteredOn(page -> !page.isVisible()).allMatch(page -> !page.isManaged());

        // A hidden page keeps no keyboard: its field that had the focus loses it, and typing goes elsewhere.
        robot.push(KeyCode.CONTROL, KeyCode.F);
        TextField filter = robot.lookup("#probe-filter").queryAs(TextField.class);
        until(robot, filter::isFocused);
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.G);
        until(robot, () -> shown(robot, "#content #placeholder-later"));
        until(robot, () -> !filter.isFocused());
        robot.write("typed");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(filter.getText()).as("nothing typed into the hidden page").isEmpty();
    }

    @Test
    void theShellHandsThePageItsLinksRefreshStatusAndMoments(FxRobot robot) {
        robot.interact(() -> {
            ShellViewModel shell = new ShellViewModel(deps(), new RecordingDialogs(), MfaPrompt.NONE);
            shell.start();
            assertThat(shell.pageProperty().get()).as("the first page in the list opens").isEqualTo("clusters");
            assertThat(probe.context.shown().get()).isFalse();

            shell.go(new Destination.Host("host-7"));
            assertThat(shell.pageProperty().get()).isEqualTo("probe");
            assertThat(probe.context.shown().get()).isTrue();
            assertThat(probe.calls).containsExactly("open host-7");

            shell.go(new Destination.Service("nobody-shows-this"));
            assertThat(shell.pageProperty().get()).as("a link no page accepts goes nowhere").isEqualTo("probe");

            shell.environmentBar().enter(DEV);
            assertThat(probe.calls).endsWith("switched");
            assertThat(shell.statusBar().refreshedProperty().get()).isEqualTo("not loaded yet");
            probe.asOf.set(Fixtures.NOW);
            assertThat(shell.statusBar().refreshedProperty().get()).isEqualTo("as of 14:02:11");
            assertThat(shell.canRefreshProperty().get()).isTrue();
            shell.refresh();
            assertThat(probe.calls).endsWith("refresh");
            assertThat(shell.fleet().activeProperty().get()).as("the probe shows no fleet").isFalse();

            shell.navigate("later");
            assertThat(probe.calls).endsWith("hidden");
            assertThat(shell.canRefreshProperty().get()).as("nothing to refresh on a placeholder").isFalse();
            assertThat(shell.statusBar().refreshedProperty().get()).isEqualTo("no data on this page");
            assertThat(shell.page(Probe.class)).isSameAs(probe);
            assertThatThrownBy(() -> shell.navigate("nowhere")).isInstanceOf(IllegalArgumentException.class);
        });
    }

    @Test
    void twoPagesCannotShareAnIdOrAShortcut(FxRobot robot) {
        PageContribution clusters = pages.get(0);
        assertThatThrownBy(() -> TestShell.deps(new FakeRegistry(DEV), new FakeEnterEnvironment(),
                new FakeListClusters(), new CurrentThreadTaskExecutor(), new InMemoryUiState(), Fixtures.CLOCK,
                List.of(clusters, clusters))).hasMessageContaining("share an id");

        PageContribution sameKey = PageContribution.of("copy", "Copy", Material2AL.BUG_REPORT, "Shortcut+Shift+J",
                "Takes the probe's shortcut", probe::build);
        ShellDependencies clashing = TestShell.deps(new FakeRegistry(DEV), new FakeEnterEnvironment(),
                new FakeListClusters(), new CurrentThreadTaskExecutor(), new InMemoryUiState(), Fixtures.CLOCK,
                List.of(pages.get(1), sameKey));
        AtomicReference<Throwable> failed = new AtomicReference<>();
        robot.interact(() -> {
            try {
                ShellWindow.show(new Stage(), clashing);
            } catch (IllegalArgumentException e) {
                failed.set(e);
            }
        });
        assertThat(failed.get()).hasMessageContaining("nav-copy").hasMessageContaining("clashes with nav-probe");
    }

    /** A node of the page that shows: pages hidden stay in the window. */
    private static boolean shown(FxRobot robot, String query) {
        return robot.lookup(query).match(ShellPagesTest::treeVisible).tryQuery().isPresent();
    }

    static boolean treeVisible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static void until(FxRobot robot, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS));
        } catch (java.util.concurrent.TimeoutException timedOut) {
            throw new AssertionError("condition not met within 10 s", timedOut);
        }
    }

    /** A page that records what the shell asks of it. */
    static final class Probe implements Page {
        final List<String> calls = new ArrayList<>();
        final SimpleObjectProperty<Instant> asOf = new SimpleObjectProperty<>();
        PageContext context;
        int views;

        Page build(PageContext given) {
            context = given;
            return this;
        }

        @Override
        public PageView createView() {
            views++;
            TextField filter = new TextField();
            filter.setId("probe-filter");
            VBox view = new VBox(new TextField("elsewhere"), filter);
            view.setId("probe-view");
            return new PageView(view, filter::requestFocus);
        }

        @Override
        public ObservableValue<Instant> lastRefreshed() {
            return asOf;
        }

        @Override
        public void refresh() {
            calls.add("refresh");
        }

        @Override
        public boolean accepts(Destination destination) {
            return destination instanceof Destination.Host;
        }

        @Override
        public void open(Destination destination) {
            calls.add("open " + ((Destination.Host) destination).hostArn());
        }

        @Override
        public List<PageCommand> commands() {
            return List.of(new PageCommand(PROBE_TAB, () -> calls.add("tab")));
        }

        @Override
        public void hidden() {
            calls.add("hidden");
        }

        @Override
        public void environmentSwitched() {
            calls.add("switched");
        }
    }
}
