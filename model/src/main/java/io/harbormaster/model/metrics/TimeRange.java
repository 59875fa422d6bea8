package io.harbormaster.model.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A time range the operator picks: how far back, and whether it rolls forward with the clock (live). The period
 * follows from the span ({@link Periods#forSpan}).
 */
public record TimeRange(String label, Duration span, boolean live) {

    public static final TimeRange LIVE = new TimeRange("Live", Duration.ofHours(1), true);
    public static final TimeRange H1 = new TimeRange("1 h", Duration.ofHours(1), false);
    public static final TimeRange H6 = new TimeRange("6 h", Duration.ofHours(6), false);
    public static final TimeRange H24 = new TimeRange("24 h", Duration.ofHours(24), false);
    public static final TimeRange D7 = new TimeRange("7 d", Duration.ofDays(7), false);
    public static final List<TimeRange> PRESETS = List.of(LIVE, H1, H6, H24, D7);

    public TimeRange {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(span, "span");
        if (span.compareTo(Duration.ofMinutes(1)) < 0 || span.compareTo(Duration.ofDays(455)) > 0) {
            throw new IllegalArgumentException("a time range spans 1 minute to 455 days, was " + span);
        }
    }

    /** The period of each point (standard-resolution metrics). */
    public Duration period() {
        return Periods.forSpan(span);
    }

    /**
     * The window ending now: starting on a period boundary (so points line up between refreshes and with the cache)
     * and ending at {@code now}, its last point still filling.
     */
    public TimeWindow window(Instant now) {
        long p = period().getSeconds();
        long start = Math.floorDiv(now.minus(span).getEpochSecond(), p) * p;
        return new TimeWindow(Instant.ofEpochSecond(start), now);
    }
}
