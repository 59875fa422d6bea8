package io.harbormaster.views.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A repeater whose time moves only when a test says so. */
public final class ManualRepeater implements Repeater {

    private final List<Runnable> running = new ArrayList<>();
    public Duration period;

    @Override
    public Runnable every(Duration period, Runnable action) {
        this.period = period;
        running.add(action);
        return () -> running.remove(action);
    }

    /** Fires every running repetition once. */
    public void tick() {
        List.copyOf(running).forEach(Runnable::run);
    }

    public boolean running() {
        return !running.isEmpty();
    }
}
