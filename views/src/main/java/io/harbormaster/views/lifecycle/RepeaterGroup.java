package io.harbormaster.views.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.value.ObservableValue;
import javafx.util.Subscription;

/**
 * The repetitions one window started. They pause while the window does not show ({@link #follow}, with
 * {@link Showing#of}) and closing the window (or swapping its wiring for the sandbox's) stops every one of them:
 * a refresh left running on a closed wiring would only fail, again and again, in the log, and keep the wiring
 * alive. UI thread only, like the repetitions themselves.
 */
public final class RepeaterGroup implements Repeater {

    private final Repeater repeater;
    private final List<Repetition> repetitions = new ArrayList<>();
    private boolean closed;
    private boolean paused;

    public RepeaterGroup(Repeater repeater) {
        this.repeater = Objects.requireNonNull(repeater, "repeater");
    }

    @Override
    public Runnable every(Duration period, Runnable action) {
        if (closed) {
            return () -> { };
        }
        Repetition repetition = new Repetition(period, action);
        repetitions.add(repetition);
        if (!paused) {
            repetition.start();
        }
        return () -> {
            repetition.stop();
            repetitions.remove(repetition);
        };
    }

    /**
     * Runs the repetitions only while {@code active} is true (the window shows); they pause meanwhile and go on
     * when it shows again. Releasing the subscription leaves them running.
     */
    public Subscription follow(ObservableValue<Boolean> active) {
        return Showing.follow(active, this::resume, this::pause);
    }

    private void pause() {
        paused = true;
        repetitions.forEach(Repetition::stop);
    }

    private void resume() {
        paused = false;
        if (!closed) {
            repetitions.forEach(Repetition::start);
        }
    }

    /** Stops everything started here and anything asked for later. */
    public void stopAll() {
        closed = true;
        List<Repetition> all = List.copyOf(repetitions);
        repetitions.clear();
        all.forEach(Repetition::stop);
    }

    /** How many repetitions are ticking now; for tests. */
    public int running() {
        return (int) repetitions.stream().filter(Repetition::ticking).count();
    }

    private final class Repetition {
        private final Duration period;
        private final Runnable action;
        private Runnable stop;

        Repetition(Duration period, Runnable action) {
            this.period = period;
            this.action = action;
        }

        void start() {
            if (stop == null) {
                stop = repeater.every(period, action);
            }
        }

        void stop() {
            if (stop != null) {
                stop.run();
                stop = null;
            }
        }

        boolean ticking() {
            return stop != null;
        }
    }
}
