package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.app.store.LocalStore;
import io.harbormaster.app.store.SqliteUiStateStore;
import java.util.Optional;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The window's size is remembered when the console stops with its window still up (how a test harness, or
 * Platform.exit, ends it): the geometry is written before the store closes, and the next console opens at that size.
 */
class WindowGeometryJourneyTest {

    @RegisterExtension
    static final Journey journey = Journey.of(JourneyOptions.sandbox());

    @Test
    void aResizedWindowOpensAtThatSizeAfterTheConsoleStops() throws Exception {
        Stage stage = journey.onUi(() -> (Stage) journey.app().window().scene().getWindow());
        journey.onUi(() -> {
            stage.setWidth(1111);
            stage.setHeight(733);
            return null;
        });

        journey.close();
        assertThat(remembered("window.width")).contains("1111.0");
        assertThat(remembered("window.height")).contains("733.0");

        assertThat(journey.onUi(stage::getWidth)).as("the harness put its stage back at 1280").isEqualTo(1280.0);
        journey.start(JourneyOptions.sandbox());
        Stage reopened = journey.onUi(() -> (Stage) journey.app().window().scene().getWindow());
        assertThat(journey.onUi(reopened::getWidth)).isEqualTo(1111.0);
        assertThat(journey.onUi(reopened::getHeight)).isEqualTo(733.0);
    }

    /** What the stopped console's store holds, read through a connection of its own. */
    private static Optional<String> remembered(String key) {
        try (LocalStore store = LocalStore.open(journey.home().resolve("sandbox.db"))) {
            return new SqliteUiStateStore(store).get(key);
        } catch (Exception e) {
            throw new IllegalStateException("could not read the UI state", e);
        }
    }
}
