package io.harbormaster.views.lifecycle;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableValue;
import javafx.scene.Group;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.StrokeLineCap;
import javafx.util.Duration;

/**
 * A busy sign that turns in steps, {@value #STEPS_PER_SECOND} a second: spokes round a circle, fading behind the
 * brightest, as a desktop's activity sign. JavaFX's indeterminate {@code ProgressIndicator} moves at every frame,
 * and while anything in a window moves JavaFX lays out, walks and draws that window at every pulse, 60 a second: the
 * status bar's spinner, turning whenever a background task runs (a fleet refresh every 20 s, metrics, a deploy's
 * polls), made most of the console's pulses (57 a second in a soak, 2026-12-07). This one asks for
 * {@value #STEPS_PER_SECOND}, and none while hidden or not in a showing window.
 */
public final class BusySpinner extends StackPane {

    /** Steps a second: one spoke on each, a turn a second. */
    public static final int STEPS_PER_SECOND = 8;
    private static final int SPOKES = 8;

    private final Group spokes = new Group();
    private final Timeline turning;
    private int step;

    /** @param size its width and height in pixels */
    public BusySpinner(double size) {
        getStyleClass().add("hm-busy-spinner");
        double outer = size / 2 - 1;
        double inner = outer * 0.45;
        for (int i = 0; i < SPOKES; i++) {
            double angle = Math.toRadians(360.0 * i / SPOKES);
            Line spoke = new Line(inner * Math.sin(angle), -inner * Math.cos(angle), outer * Math.sin(angle),
                    -outer * Math.cos(angle));
            spoke.getStyleClass().add("hm-busy-spoke");
            spoke.setStroke(Color.GRAY); // the theme's colour over it where the app's stylesheet is
            spoke.setStrokeWidth(Math.max(1.5, size / 9));
            spoke.setStrokeLineCap(StrokeLineCap.ROUND);
            // the brightest leads (clockwise), the others fade behind it
            spoke.setOpacity(0.25 + 0.75 * (i + 1) / SPOKES);
            spokes.getChildren().add(spoke);
        }
        spokes.setManaged(false);
        getChildren().add(spokes);
        setMinSize(size, size);
        setPrefSize(size, size);
        setMaxSize(size, size);
        turning = new Timeline(new KeyFrame(Duration.millis(1000.0 / STEPS_PER_SECOND), event -> turn()));
        turning.setCycleCount(Animation.INDEFINITE);
        ObservableValue<Boolean> turns = Showing.of(this).flatMap(showing -> showing ? visibleProperty() : null)
                .orElse(false);
        Showing.follow(turns, turning::play, turning::stop);
    }

    /** Steps taken so far, for tests. */
    int steps() {
        return step;
    }

    boolean isTurning() {
        return turning.getStatus() == Animation.Status.RUNNING;
    }

    @Override
    protected void layoutChildren() {
        spokes.setLayoutX(getWidth() / 2);
        spokes.setLayoutY(getHeight() / 2);
    }

    private void turn() {
        step++;
        spokes.setRotate(360.0 * (step % SPOKES) / SPOKES);
    }
}
