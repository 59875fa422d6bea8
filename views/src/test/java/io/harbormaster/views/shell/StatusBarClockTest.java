package io.harbormaster.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.environment.EnvironmentSession;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The status bar's one-second clock runs while its scene is in a window, and stops when the scene is swapped out. */
@ExtendWith(ApplicationExtension.class)
class StatusBarClockTest {

    private final AtomicInteger reads = new AtomicInteger();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Clock counting = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                reads.incrementAndGet();
                return Instant.parse("2026-11-22T14:00:00Z");
            }
        };
        StatusBarViewModel viewModel = new StatusBarViewModel(new SimpleObjectProperty<EnvironmentSession>(),
                new SimpleObjectProperty<Instant>(), new SimpleBooleanProperty(true),
                FXCollections.observableArrayList(), counting);
        stage.setScene(new Scene(new StackPane(new StatusBar(viewModel)), 800, 40));
        stage.show();
    }

    @Test
    void ticksWhileShownAndStopsOnceItsSceneLeavesTheWindow(FxRobot robot) throws Exception {
        int before = reads.get();
        // a tick a second, however late a loaded machine runs it: what counts is that it ticks at all
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> reads.get() > before);

        robot.interact(() -> stage.setScene(new Scene(new StackPane(), 800, 40)));
        int swapped = reads.get();
        Thread.sleep(2_200);
        assertThat(reads.get()).as("no tick once swapped out").isEqualTo(swapped);
    }
}
