package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.app.HarbormasterApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A damaged local database: the operator is told, it is moved aside (never deleted) and the console starts clean. */
class UnreadableStoreJourneyTest {

    @TempDir
    Path home;

    @Test
    void aDamagedDatabaseIsMovedAsideOnRequestAndTheConsoleStarts() throws Exception {
        Path db = home.resolve("sandbox.db");
        Files.createDirectories(home);
        Files.writeString(db, "definitely not SQLite ".repeat(500));
        System.setProperty("harbormaster.home", home.toString());
        FxToolkit.registerPrimaryStage();

        // start() waits in the dialog, so the application is set up from another thread while the robot answers.
        CompletableFuture<HarbormasterApp> started = CompletableFuture.supplyAsync(() -> {
            try {
                return (HarbormasterApp) FxToolkit.setupApplication(HarbormasterApp.class, "--sandbox",
                        "--latency-ms=0");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        FxRobot robot = new FxRobot();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#store-unreadable").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#store-unreadable").query();
        assertThat(pane.getContentText()).contains(db.toString()).contains("not a SQLite database");
        Button moveAside = (Button) pane.getButtonTypes().stream()
                .filter(b -> b.getText().startsWith("Move it aside")).findFirst().map(pane::lookupButton)
                .orElseThrow();
        robot.interact(moveAside::fire);

        HarbormasterApp app = started.get(30, TimeUnit.SECONDS);
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                    () -> robot.lookup("#env-sandbox-dev").tryQuery().isPresent());
            List<Path> aside;
            try (Stream<Path> files = Files.list(home)) {
                aside = files.filter(p -> p.getFileName().toString().startsWith("sandbox.db.unreadable-")).toList();
            }
            assertThat(aside).hasSize(1);
            assertThat(Files.readString(aside.get(0))).startsWith("definitely not SQLite");
            assertThat(Files.size(db)).isPositive();
        } finally {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
    }
}
