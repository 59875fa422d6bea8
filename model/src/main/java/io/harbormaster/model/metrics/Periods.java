package io.harbormaster.model.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Choosing a period: one minute while a series stays short, coarser as the span grows, so a series keeps to about
 * {@value #TARGET_POINTS} points (never more than {@value #MAX_POINTS}) and respects what CloudWatch still keeps at
 * each age (1-minute data for 15 days, 5-minute for 63, hourly beyond).
 */
public final class Periods {

    /** Points a chart needs to look smooth: a wide chart is a few hundred pixels of data. */
    public static final int TARGET_POINTS = 360;
    public static final int MAX_POINTS = 1_440;

    private static final List<Long> LADDER = List.of(60L, 120L, 300L, 600L, 900L, 1_800L, 3_600L, 10_800L,
            21_600L, 43_200L, 86_400L);

    private Periods() {
    }

    /** 1 min up to 6 h, 5 min for 24 h, 30 min for 7 d. */
    public static Duration forSpan(Duration span) {
        long seconds = Math.max(1, span.getSeconds());
        for (long p : LADDER) {
            if (ceilDiv(seconds, p) <= TARGET_POINTS) {
                return Duration.ofSeconds(p);
            }
        }
        long day = 86_400L;
        return Duration.ofSeconds(ceilDiv(ceilDiv(seconds, TARGET_POINTS), day) * day);
    }

    /** The period for a window that may reach back past CloudWatch's retention of fine-grained data. */
    public static Duration forWindow(TimeWindow window, Instant now) {
        long p = forSpan(window.span()).getSeconds();
        long ageDays = Duration.between(window.start(), now).toDays();
        long floor = ageDays >= 63 ? 3_600 : ageDays >= 15 ? 300 : 60;
        return Duration.ofSeconds(Math.max(p, floor));
    }

    /** The live polling period: a minute, or the metric's own resolution when it is high-resolution (1–30 s). */
    public static Duration live(Duration metricResolution) {
        long s = metricResolution.getSeconds();
        return s >= 1 && s < 60 ? metricResolution : Duration.ofMinutes(1);
    }

    /** Points one series of {@code period} has over {@code span}, counting a partly filled last one. */
    public static long points(Duration span, Duration period) {
        return ceilDiv(Math.max(0, span.getSeconds()), Math.max(1, period.getSeconds()));
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
