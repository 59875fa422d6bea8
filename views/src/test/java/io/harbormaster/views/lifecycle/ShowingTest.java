package io.harbormaster.views.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A node shows while it is in a scene, the scene in a window, and the window showing: all three, or it does not. */
@ExtendWith(ApplicationExtension.class)
class ShowingTest {

    private final ManualRepeater time = new ManualRepeater();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @Test
    void followsTheSceneTheWindowAndTheWindowShowing(FxRobot robot) {
        Label clock = new Label();
        AtomicInteger ticks = new AtomicInteger();
        AtomicReference<Subscription> ticking = new AtomicReference<>();
        robot.interact(() -> ticking.set(Showing.repeat(clock, time, Duration.ofSeconds(1), ticks::incrementAndGet)));
        time.tick();
        assertThat(ticks).as("not in a scene yet").hasValue(0);

        robot.interact(() -> ((StackPane) stage.getScene().getRoot()).getChildren().add(clock));
        time.tick();
        assertThat(ticks).as("in a showing window").hasValue(1);

        robot.interact(() -> stage.setScene(new Scene(new StackPane(), 200, 100)));
        assertThat(clock.getScene()).as("the old scene keeps its nodes").isNotNull();
        assertThat(time.running()).as("its scene left the window").isFalse();

        robot.interact(() -> stage.setScene(clock.getScene()));
        assertThat(time.running()).isTrue();
        robot.interact(stage::hide);
        assertThat(time.running()).as("the window hidden").isFalse();
        robot.interact(stage::show);
        assertThat(time.running()).isTrue();

        robot.interact(() -> ticking.get().unsubscribe());
        assertThat(time.running()).as("released").isFalse();
        robot.interact(stage::hide);
        robot.interact(stage::show);
        assertThat(time.running()).as("released for good").isFalse();
    }
}
