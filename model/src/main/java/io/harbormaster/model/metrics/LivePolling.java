package io.harbormaster.model.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * When to poll live metrics, and whether at all: every 60 s (or a high-resolution metric's own period) while
 * something on screen shows a live range, never otherwise. Knows no scheduler; a caller asks {@link #delay} after
 * each poll and when viewers come and go. Not thread-safe: use it from one thread (the FX thread).
 */
public final class LivePolling {

    private final Map<String, Duration> viewers = new HashMap<>();
    private Instant lastPoll;

    /** A viewer (a chart, the noise map) shows live data at the given metric resolution. */
    public void show(String viewer, Duration resolution) {
        viewers.put(Objects.requireNonNull(viewer, "viewer"), Periods.live(resolution));
    }

    /** The viewer is hidden or no longer on a live range. */
    public void hide(String viewer) {
        viewers.remove(viewer);
    }

    public boolean active() {
        return !viewers.isEmpty();
    }

    /** The shortest interval any visible viewer needs; empty when paused. */
    public Optional<Duration> interval() {
        return viewers.values().stream().min(Duration::compareTo);
    }

    public void polled(Instant at) {
        lastPoll = at;
    }

    /** How long until the next poll: zero when one is due (or none was made yet); empty when paused. */
    public Optional<Duration> delay(Instant now) {
        return interval().map(every -> {
            if (lastPoll == null) {
                return Duration.ZERO;
            }
            Duration left = Duration.between(now, lastPoll.plus(every));
            return left.isNegative() ? Duration.ZERO : left;
        });
    }

    public boolean due(Instant now) {
        return delay(now).map(Duration::isZero).orElse(false);
    }
}
