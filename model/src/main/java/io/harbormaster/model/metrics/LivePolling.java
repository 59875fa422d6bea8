package io.harbormaster.model.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * When to poll live metrics, and whether at all: every 60 s of the metrics clock (or a high-resolution metric's own
 * period) while something on screen shows a live range, never otherwise; and what a poll fetches ({@link #topUp}).
 * Time is the clock's, not the wall's: a sandbox running at ×60 is polled every sandbox minute, a second of wall
 * time, so its live chart moves a minute at a time instead of jumping an hour. Knows no scheduler; a caller asks
 * {@link #due} on a short tick. Not thread-safe: use it from one thread (the FX thread).
 */
public final class LivePolling {

    private final Map<String, Duration> viewers = new HashMap<>();
    private Instant lastPoll;
    private Instant coveredTo;

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

    /** A fetch answered up to {@code end}: the next top-up need not reach further back than that. */
    public void covered(Instant end) {
        if (coveredTo == null || end.isAfter(coveredTo)) {
            coveredTo = end;
        }
    }

    /**
     * What a poll at {@code now} fetches: the last {@code overlap} (CloudWatch fills the newest periods in late),
     * and everything since the last answer when the clock moved further than that between polls — a sandbox clock at
     * ×60 moves an hour a minute, and the hour between must not become a gap. Starts on a period boundary, never
     * before {@code notBefore} (the window shown).
     */
    public TimeWindow topUp(Instant now, Duration overlap, Duration period, Instant notBefore) {
        Instant from = now.minus(overlap);
        if (coveredTo != null && coveredTo.minus(overlap).isBefore(from)) {
            from = coveredTo.minus(overlap);
        }
        if (from.isBefore(notBefore)) {
            from = notBefore;
        }
        long p = Math.max(1, period.getSeconds());
        Instant start = Instant.ofEpochSecond(Math.floorDiv(from.getEpochSecond(), p) * p);
        return new TimeWindow(start.isBefore(now) ? start : now.minus(period), now);
    }
}
