package io.harbormaster.views.shell;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static io.harbormaster.views.fakes.Fixtures.PROD;
import static io.harbormaster.views.fakes.Fixtures.STAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.environment.EnvironmentBar;
import io.harbormaster.views.environment.EnvironmentBarViewModel;
import io.harbormaster.views.fakes.FakeEnterEnvironment;
import io.harbormaster.views.fakes.FakeListClusters;
import io.harbormaster.views.fakes.FakeRegistry;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fakes.InMemoryUiState;
import io.harbormaster.views.theme.ThemeManager;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What the shell remembers between runs: geometry, theme, last environment (focused, never entered). */
@ExtendWith(ApplicationExtension.class)
class ShellWindowGeometryTest {

    private final InMemoryUiState uiState = new InMemoryUiState();
    private final FakeEnterEnvironment enter = new FakeEnterEnvironment();
    private Stage stage;
    private ShellWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        uiState.put(ShellWindow.X, "40");
        uiState.put(ShellWindow.Y, "30");
        uiState.put(ShellWindow.WIDTH, "1100");
        uiState.put(ShellWindow.HEIGHT, "700");
        uiState.put(ThemeManager.KEY, "dark");
        uiState.put(EnvironmentBarViewModel.LAST_KEY, "stage");
        ShellDependencies deps = io.harbormaster.views.fakes.TestShell.deps(new FakeRegistry(DEV, STAGE, PROD), enter,
                new FakeListClusters(), new CurrentThreadTaskExecutor(), uiState, Fixtures.CLOCK);
        window = ShellWindow.show(stage, deps);
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.asyncFx(() -> window.theme().modeProperty().set(ThemeManager.Mode.LIGHT))
                .get(5, TimeUnit.SECONDS);
    }

    @Test
    void restoresWhatItRemembersWithoutEnteringAnything(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getX()).isEqualTo(40);
        assertThat(stage.getY()).isEqualTo(30);
        assertThat(stage.getWidth()).isEqualTo(1100);
        assertThat(stage.getHeight()).isEqualTo(700);
        assertThat(window.theme().mode()).isEqualTo(ThemeManager.Mode.DARK);
        assertThat(enter.entered).as("the last environment is focused, not entered").isEmpty();
        assertThat(window.scene().getFocusOwner()).isNotNull()
                .extracting(node -> node.getId()).isEqualTo(EnvironmentBar.idOf(STAGE));

        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(enter.entered).as("Space on the focused environment enters it").containsExactly("stage");
    }

    @Test
    void ctrlQClosesTheWindowAndRemembersItsGeometry(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setX(60);
            stage.setWidth(1200);
        }).get(5, TimeUnit.SECONDS);
        robot.push(KeyCode.CONTROL, KeyCode.Q);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isFalse();
        assertThat(uiState.get(ShellWindow.X)).contains("60.0");
        assertThat(uiState.get(ShellWindow.WIDTH)).contains("1200.0");
    }
}
