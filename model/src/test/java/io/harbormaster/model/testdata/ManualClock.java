package io.harbormaster.model.testdata;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** A UTC clock that moves only when the test says so (safe to read from the code's own threads). */
public final class ManualClock extends UtcClock {

    private final AtomicReference<Instant> now;

    public ManualClock(Instant start) {
        this(new AtomicReference<>(start));
    }

    private ManualClock(AtomicReference<Instant> now) {
        super(now::get);
        this.now = now;
    }

    public void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    /** Moves to a moment, never backwards: a runner asking for an earlier time gets the clock as it is. */
    public void moveTo(Instant at) {
        now.updateAndGet(t -> at.isAfter(t) ? at : t);
    }
}
