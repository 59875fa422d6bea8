package io.harbormaster.model.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** [start, end) to fetch or draw. */
public record TimeWindow(Instant start, Instant end) {

    public TimeWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a window must start before it ends: " + start + " .. " + end);
        }
    }

    public Duration span() {
        return Duration.between(start, end);
    }

    public boolean contains(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }
}
