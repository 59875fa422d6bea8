package io.harbormaster.views.shell;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static io.harbormaster.views.fakes.Fixtures.PROD;
import static io.harbormaster.views.fakes.Fixtures.STAGE;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.harbormaster.model.concurrent.ThreadFamily;
import io.harbormaster.model.settings.UiStateStore;
import io.harbormaster.views.concurrent.FxTaskExecutor;
import io.harbormaster.views.environment.EnvironmentBar;
import io.harbormaster.views.environment.EnvironmentBarViewModel;
import io.harbormaster.views.fakes.FakeEnterEnvironment;
import io.harbormaster.views.fakes.FakeListClusters;
import io.harbormaster.views.fakes.FakeRegistry;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fakes.InMemoryUiState;
import io.harbormaster.views.theme.ThemeManager;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The UI state lives on disk in the app: the window reads it before it is built, never on the UI thread. */
@ExtendWith(ApplicationExtension.class)
class ShellWindowPrepareTest {

    /** UI state that notes every key read on the UI thread. */
    private static final class WatchedUiState implements UiStateStore {
        final List<String> readOnUiThread = new CopyOnWriteArrayList<>();
        private final InMemoryUiState values = new InMemoryUiState();

        @Override
        public Optional<String> get(String key) {
            if (Platform.isFxApplicationThread()) {
                readOnUiThread.add(key);
            }
            return values.get(key);
        }

        @Override
        public void put(String key, String value) {
            values.put(key, value);
        }
    }

    private final WatchedUiState uiState = new WatchedUiState();
    private final ExecutorService pool = new ThreadFamily("prepare-test").workPool("worker", 2);
    private Stage stage;
    private ShellWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
        if (window != null) {
            WaitForAsyncUtils.asyncFx(() -> window.theme().modeProperty().set(ThemeManager.Mode.LIGHT))
                    .get(5, TimeUnit.SECONDS);
        }
        pool.shutdownNow();
    }

    @Test
    void theWindowRestoresWhatWasReadBeforeItWithoutReadingOnTheUiThread() throws Exception {
        uiState.put(ShellWindow.X, "40");
        uiState.put(ShellWindow.Y, "30");
        uiState.put(ShellWindow.WIDTH, "1100");
        uiState.put(ShellWindow.HEIGHT, "700");
        uiState.put(ThemeManager.KEY, "dark");
        uiState.put(EnvironmentBarViewModel.LAST_KEY, "stage");
        ShellDependencies deps = io.harbormaster.views.fakes.TestShell.deps(new FakeRegistry(DEV, STAGE, PROD),
                new FakeEnterEnvironment(), new FakeListClusters(), new FxTaskExecutor(pool), uiState,
                Fixtures.CLOCK);

        WaitForAsyncUtils.asyncFx(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()))
                .get(5, TimeUnit.SECONDS);
        ThemeManager.preloadDefault(); // as the app's init does, while the store is read
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Application.getUserAgentStylesheet()).as("the default theme loaded before the window")
                .isEqualTo(new PrimerLight().getUserAgentStylesheet());

        ShellWindow.Prepared prepared = ShellWindow.prepare(deps);
        window = WaitForAsyncUtils.asyncFx(() -> ShellWindow.show(stage, prepared)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.scene().getFocusOwner() != null
                && EnvironmentBar.idOf(STAGE).equals(window.scene().getFocusOwner().getId()));

        assertThat(stage.getX()).isEqualTo(40);
        assertThat(stage.getWidth()).isEqualTo(1100);
        assertThat(stage.getHeight()).isEqualTo(700);
        assertThat(window.theme().mode()).isEqualTo(ThemeManager.Mode.DARK);
        assertThat(Application.getUserAgentStylesheet()).as("the remembered theme wins over the preloaded one")
                .isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertThat(uiState.readOnUiThread).isEmpty();
    }
}
