package io.harbormaster.views.shell;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static io.harbormaster.views.fakes.Fixtures.PROD;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.concurrent.ThreadFamily;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.views.actions.ActionSpec;
import io.harbormaster.views.actions.ShortcutsDialog;
import io.harbormaster.views.actions.StandardAction;
import io.harbormaster.views.concurrent.FxTaskExecutor;
import io.harbormaster.views.fakes.FakeEnterEnvironment;
import io.harbormaster.views.fakes.FakeListClusters;
import io.harbormaster.views.fakes.FakeRegistry;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fakes.InMemoryUiState;
import io.harbormaster.views.fakes.TestShell;
import io.harbormaster.views.guard.GuardFixtures;
import io.harbormaster.views.palette.PaletteEntry;
import io.harbormaster.views.palette.PaletteViewModel;
import io.harbormaster.views.theme.ThemeManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every declared action (the shell's, each page's, each page's commands) is reachable three ways: its shortcut on
 * the scene, a menu item showing that shortcut, and an entry of the Go to… palette; and the three run one command.
 */
@ExtendWith(ApplicationExtension.class)
class DeclaredActionsTest {

    /** An environment flagged read-only: no write action may run there. */
    private static final Environment AUDIT = GuardFixtures.readOnlyFlag(Fixtures.env("audit", "audit",
            "666666666666", "#6a1b9a", false, 4));

    private final ExecutorService pool = new ThreadFamily("test-worker").workPool("worker", 2);
    private ShellWindow window;

    @Start
    void start(Stage stage) {
        window = ShellWindow.show(stage, TestShell.deps(new FakeRegistry(DEV, PROD, AUDIT), new FakeEnterEnvironment(),
                new FakeListClusters(), new FxTaskExecutor(pool), new InMemoryUiState(), Fixtures.CLOCK));
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        pool.shutdownNow();
    }

    @Test
    void everyDeclaredActionHasItsShortcutAMenuItemAndAPaletteEntry(FxRobot robot) {
        List<ActionSpec> declared = window.actions();
        assertThat(declared).as("every shell action is bound").contains(StandardAction.values());
        assertThat(declared).as("pages and their commands too").hasSizeGreaterThan(StandardAction.values().length
                + window.viewModel().contributions().size() - 1);
        List<MenuItem> items = menuItems(robot.lookup("#menu-bar").queryAs(MenuBar.class));
        PaletteViewModel palette = window.viewModel().palette();

        for (ActionSpec action : declared) {
            assertThat(window.scene().getAccelerators()).as(action.id() + "'s shortcut").containsKey(action.key());
            Optional<MenuItem> item = items.stream().filter(i -> ("menu-" + action.id()).equals(i.getId())).findFirst();
            assertThat(item).as(action.id() + " in a menu").isPresent();
            assertThat(item.get().getAccelerator()).as(action.id() + "'s menu item shows its shortcut")
                    .isEqualTo(action.key());
            robot.interact(() -> palette.queryProperty().set(action.text()));
            assertThat(palette.results()).as(action.id() + " in the palette")
                    .anyMatch(e -> e.kind() == PaletteEntry.Kind.ACTION && e.arn().equals(action.id()));
        }
    }

    @Test
    void scaleServiceIsInTheViewMenuWithItsShortcut(FxRobot robot) {
        List<MenuItem> items = menuItems(robot.lookup("#menu-bar").queryAs(MenuBar.class));
        assertThat(items).filteredOn(i -> "menu-scale-service".equals(i.getId())).singleElement()
                .satisfies(i -> assertThat(i.getAccelerator().getDisplayText()).isEqualTo("Ctrl+Shift+K"));
    }

    @Test
    void inAReadOnlyEnvironmentScaleServiceIsDisabledInTheMenuAndThePaletteWithTheReason(FxRobot robot)
            throws Exception {
        robot.interact(() -> window.viewModel().environmentBar().enter(AUDIT));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.viewModel().environmentBar().session() != null);
        WaitForAsyncUtils.waitForFxEvents();

        MenuItem scale = menuItems(robot.lookup("#menu-bar").queryAs(MenuBar.class)).stream()
                .filter(i -> "menu-scale-service".equals(i.getId())).findFirst().orElseThrow();
        assertThat(scale.isDisable()).isTrue();
        PaletteViewModel palette = window.viewModel().palette();
        robot.interact(() -> palette.queryProperty().set(StandardAction.SCALE_SERVICE.text()));
        assertThat(palette.results()).filteredOn(e -> e.arn().equals(StandardAction.SCALE_SERVICE.id()))
                .singleElement().satisfies(e -> {
                    assertThat(e.unavailable()).isTrue();
                    assertThat(e.detail()).contains("Read-only environment");
                });
    }

    @Test
    void theShortcutTheMenuAndThePaletteRunTheSameCommand(FxRobot robot) {
        ThemeManager theme = window.theme();
        ThemeManager.Mode first = theme.mode();
        robot.interact(() -> window.scene().getAccelerators().get(StandardAction.TOGGLE_THEME.key()).run());
        assertThat(theme.mode()).as("by its shortcut").isEqualTo(first.other());

        MenuItem item = menuItems(robot.lookup("#menu-bar").queryAs(MenuBar.class)).stream()
                .filter(i -> "menu-toggle-theme".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(item::fire);
        assertThat(theme.mode()).as("from its menu").isEqualTo(first);

        PaletteViewModel palette = window.viewModel().palette();
        robot.interact(() -> {
            palette.open();
            palette.queryProperty().set("light/dark");
        });
        PaletteEntry entry = palette.results().get(0);
        assertThat(entry.arn()).isEqualTo(StandardAction.TOGGLE_THEME.id());
        robot.interact(() -> palette.go(entry));
        assertThat(theme.mode()).as("from the palette").isEqualTo(first.other());
        assertThat(palette.showingProperty().get()).as("the palette closes").isFalse();
    }

    @Test
    void theShortcutListIsMadeFromTheDeclaredActions() {
        List<ShortcutsDialog.Shortcut> lines = ShortcutsDialog.lines(window.actions());
        assertThat(lines).hasSize(window.actions().size() + 1);
        assertThat(lines).contains(new ShortcutsDialog.Shortcut("Ctrl+Shift+K", "Scale service…",
                StandardAction.SCALE_SERVICE.description()));
        assertThat(lines.get(lines.size() - 1).keys()).isEqualTo("Ctrl+1 … Ctrl+9");
    }

    private static List<MenuItem> menuItems(MenuBar bar) {
        List<MenuItem> all = new ArrayList<>();
        for (Menu menu : bar.getMenus()) {
            collect(menu, all);
        }
        return all;
    }

    private static void collect(Menu menu, List<MenuItem> into) {
        for (MenuItem item : menu.getItems()) {
            into.add(item);
            if (item instanceof Menu sub) {
                collect(sub, into);
            }
        }
    }
}
