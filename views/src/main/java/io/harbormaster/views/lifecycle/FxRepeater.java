package io.harbormaster.views.lifecycle;

import java.time.Duration;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;

/** A {@link Repeater} on the JavaFX animation timer, so the action always runs on the UI thread. */
public final class FxRepeater implements Repeater {

    @Override
    public Runnable every(Duration period, Runnable action) {
        Timeline timeline = new Timeline(new KeyFrame(javafx.util.Duration.millis(period.toMillis()),
                event -> action.run()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
        return timeline::stop;
    }
}
