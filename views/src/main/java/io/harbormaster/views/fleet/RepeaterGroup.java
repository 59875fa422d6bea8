package io.harbormaster.views.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The repetitions one window started, so that closing the window (or swapping its wiring for the sandbox's) stops
 * every one of them: a refresh left running on a closed wiring would only fail, again and again, in the log.
 * UI thread only, like the repetitions themselves.
 */
public final class RepeaterGroup implements Repeater {

    private final Repeater repeater;
    private final List<Runnable> running = new ArrayList<>();
    private boolean closed;

    public RepeaterGroup(Repeater repeater) {
        this.repeater = Objects.requireNonNull(repeater, "repeater");
    }

    @Override
    public Runnable every(Duration period, Runnable action) {
        if (closed) {
            return () -> { };
        }
        Runnable stop = repeater.every(period, action);
        running.add(stop);
        return () -> {
            stop.run();
            running.remove(stop);
        };
    }

    /** Stops everything started here and anything asked for later. */
    public void stopAll() {
        closed = true;
        List<Runnable> stops = List.copyOf(running);
        running.clear();
        stops.forEach(Runnable::run);
    }

    /** How many repetitions run now; for tests. */
    public int running() {
        return running.size();
    }
}
