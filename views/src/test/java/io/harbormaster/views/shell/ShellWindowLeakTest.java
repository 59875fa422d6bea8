package io.harbormaster.views.shell;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static io.harbormaster.views.fakes.Fixtures.PROD;
import static io.harbormaster.views.fakes.Fixtures.STAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.concurrent.ThreadFamily;
import io.harbormaster.views.concurrent.FxTaskExecutor;
import io.harbormaster.views.fakes.FakeEnterEnvironment;
import io.harbormaster.views.fakes.FakeListClusters;
import io.harbormaster.views.fakes.FakeRegistry;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fakes.InMemoryUiState;
import io.harbormaster.views.fakes.TestShell;
import java.lang.ref.WeakReference;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
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
 * File → Open the sandbox swaps the window's wiring: a new shell goes into the same stage and the old one is
 * closed. Nothing may keep the old one alive then (a clock still ticking on it would, and with it every fleet it
 * cached).
 */
@ExtendWith(ApplicationExtension.class)
class ShellWindowLeakTest {

    private final ThreadFamily threads = new ThreadFamily("leak-test");
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        threads.close();
    }

    private ShellWindow newShell() {
        ShellDependencies deps = TestShell.deps(new FakeRegistry(PROD, DEV, STAGE), new FakeEnterEnvironment(),
                new FakeListClusters().with("dev", Fixtures.devClusters()),
                new FxTaskExecutor(threads.workPool("worker", 2)), new InMemoryUiState(), Fixtures.CLOCK);
        return ShellWindow.show(stage, deps);
    }

    @Test
    void theOldShellIsCollectableOnceTheSandboxReplacesIt(FxRobot robot) throws Exception {
        AtomicReference<WeakReference<ShellWindow>> oldWindow = new AtomicReference<>();
        AtomicReference<WeakReference<Scene>> oldScene = new AtomicReference<>();
        AtomicReference<WeakReference<ShellViewModel>> oldShell = new AtomicReference<>();
        robot.interact(() -> {
            ShellWindow first = newShell();
            first.viewModel().environmentBar().enter(DEV);
            oldWindow.set(new WeakReference<>(first));
            oldScene.set(new WeakReference<>(first.scene()));
            oldShell.set(new WeakReference<>(first.viewModel()));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> oldShell.get().get() != null
                && oldShell.get().get().environmentBar().sessionProperty().get() != null);
        Thread.sleep(1_200); // the clocks tick on the first shell

        robot.interact(() -> {
            oldWindow.get().get().viewModel().close(); // as the app does before it shows the sandbox's
            newShell();
        });
        WaitForAsyncUtils.waitForFxEvents();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && (oldWindow.get().get() != null || oldScene.get().get() != null
                || oldShell.get().get() != null)) {
            System.gc();
            Thread.sleep(100);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(oldScene.get().get()).as("the old scene").isNull();
        assertThat(oldShell.get().get()).as("the old shell's view-model").isNull();
        assertThat(oldWindow.get().get()).as("the old window").isNull();
    }
}
