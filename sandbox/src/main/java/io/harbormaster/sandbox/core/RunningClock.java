package io.harbormaster.sandbox.core;

import io.harbormaster.sandbox.SandboxClock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A clock that runs at {@code speed} sandbox seconds per real second from a start instant, and can be moved forward
 * by hand. After a manual advance it asks its listener (the world) to run the events that fell due.
 */
public final class RunningClock implements SandboxClock {

    private final LongSupplier nanoTime;
    private Instant base;
    private long baseNanos;
    private double speed;
    private volatile Consumer<Instant> onAdvance = t -> { };

    public RunningClock(Instant start, double speed, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.base = start;
        this.baseNanos = nanoTime.getAsLong();
        this.speed = speed;
    }

    public void onAdvance(Consumer<Instant> listener) {
        this.onAdvance = listener;
    }

    @Override
    public synchronized Instant now() {
        if (speed == 0) {
            return base;
        }
        long elapsed = nanoTime.getAsLong() - baseNanos;
        return base.plusNanos((long) (elapsed * speed));
    }

    @Override
    public void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("the sandbox clock only moves forward");
        }
        Instant target;
        synchronized (this) {
            target = now().plus(d);
            base = target;
            baseNanos = nanoTime.getAsLong();
        }
        onAdvance.accept(target);
    }

    @Override
    public synchronized void setSpeed(double speed) {
        if (speed < 0 || Double.isNaN(speed) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a finite number >= 0");
        }
        base = now();
        baseNanos = nanoTime.getAsLong();
        this.speed = speed;
    }

    public synchronized double speed() {
        return speed;
    }
}
