package io.harbormaster.app.journey;

import io.harbormaster.app.HarbormasterApp;
import io.harbormaster.views.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real application (sandbox included) in the test JVM, headless, with a private data directory. */
final class AppHarness implements AutoCloseable {

    final HarbormasterApp app;
    final FxRobot robot = new FxRobot();
    final Path home;

    private AppHarness(HarbormasterApp app, Path home) {
        this.app = app;
        this.home = home;
    }

    static AppHarness start(Path home, String... args) throws Exception {
        System.setProperty("harbormaster.home", home.toString());
        FxToolkit.registerPrimaryStage();
        HarbormasterApp app = (HarbormasterApp) FxToolkit.setupApplication(HarbormasterApp.class, args);
        WaitForAsyncUtils.waitForFxEvents();
        return new AppHarness(app, home);
    }

    /** Clicks the environment's toggle once the bar has it (it fills in the background after start). */
    void enter(String environmentId) {
        String toggle = "#env-" + environmentId;
        waitUntil("the environment bar offers " + environmentId, () -> exists(toggle));
        robot.clickOn(toggle);
    }

    <T extends Node> T lookup(String query) {
        return robot.lookup(query).query();
    }

    boolean exists(String query) {
        return robot.lookup(query).tryQuery().isPresent();
    }

    void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Saves the main window under target/screenshots for a person to look at. */
    Path screenshot(String name) throws Exception {
        Path dir = Path.of(System.getProperty("harbormaster.test.output", "target"), "screenshots");
        Files.createDirectories(dir);
        Path png = dir.resolve(name + ".png");
        WaitForAsyncUtils.asyncFx(() -> {
            Snapshots.save(app.window().scene(), png);
            return null;
        }).get(10, TimeUnit.SECONDS);
        return png;
    }

    @Override
    public void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }
}
