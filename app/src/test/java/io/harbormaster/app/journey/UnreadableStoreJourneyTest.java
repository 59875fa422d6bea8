package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.app.HarbormasterApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A damaged local database: the operator is told, it is moved aside (never deleted) and the console starts clean. */
class UnreadableStoreJourneyTest {

    @RegisterExtension
    final Journey journey = Journey.startedByTest();

    @Test
    void aDamagedDatabaseIsMovedAsideOnRequestAndTheConsoleStarts() throws Exception {
        Path db = journey.home().resolve("sandbox.db");
        // start() waits in the dialog, so the console is set up from another thread while the robot answers.
        CompletableFuture<HarbormasterApp> starting = journey.startInBackground(JourneyOptions.sandbox()
                .seeded(home -> Files.writeString(db, "definitely not SQLite ".repeat(500))));
        journey.waitUntil("the damaged store is reported", Duration.ofSeconds(30),
                () -> journey.exists("#store-unreadable"));
        DialogPane pane = journey.lookup("#store-unreadable");
        assertThat(pane.getContentText()).contains(db.toString()).contains("not a SQLite database");
        Button moveAside = (Button) pane.getButtonTypes().stream()
                .filter(b -> b.getText().startsWith("Move it aside")).findFirst().map(pane::lookupButton)
                .orElseThrow();
        journey.robot().interact(moveAside::fire);

        journey.awaitStarted(starting);
        journey.awaitOffered("sandbox-dev");
        List<Path> aside;
        try (Stream<Path> files = Files.list(journey.home())) {
            aside = files.filter(p -> p.getFileName().toString().startsWith("sandbox.db.unreadable-")).toList();
        }
        assertThat(aside).hasSize(1);
        assertThat(Files.readString(aside.get(0))).startsWith("definitely not SQLite");
        assertThat(Files.size(db)).isPositive();
        javafx.scene.control.Label told = journey.lookup("#restart-notice-line-0");
        assertThat(journey.onUi(() -> told.getText())).as("said on screen where it went, after the dialog")
                .contains("moved to " + aside.get(0)).contains("nothing deleted");
        journey.screenshot("store-moved-aside-notice");
    }
}
