package io.harbormaster.model.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts as a chart shows them. CloudWatch sums a count per period, and the period grows with the range (1 min on
 * Live, 5 min on 24 h, 30 min on 7 d), so the same traffic would read as 300, 1,500 or 9,000 "requests": a rate per
 * second reads the same whatever the range. The newest period is still filling until it ends, so its sum is a
 * fraction of a full one — drawn, it reads as an outage — and is left out until complete.
 */
public final class Rates {

    private Rates() {
    }

    /** Each period's sum divided by the period's seconds. */
    public static List<MetricPoint> perSecond(List<MetricPoint> sums, Duration period) {
        double seconds = Math.max(1, period.getSeconds());
        return sums.stream().map(p -> new MetricPoint(p.at(), p.value() / seconds)).toList();
    }

    /** Whether the period starting at {@code at} is over at {@code now}. */
    public static boolean complete(Instant at, Duration period, Instant now) {
        return !at.plus(period).isAfter(now);
    }

    /** The points whose period is over at {@code now}. */
    public static List<MetricPoint> completeOnly(List<MetricPoint> points, Duration period, Instant now) {
        return points.stream().filter(p -> complete(p.at(), period, now)).toList();
    }

    /**
     * A count CloudWatch publishes only when it is not zero (ALB's HTTPCode metrics): 0 in every period that had
     * requests but no point of its own, so "no 5xx" is a line at zero while a period without any data stays a gap.
     */
    public static List<MetricPoint> zeroWhereServed(List<MetricPoint> counts, List<MetricPoint> requests) {
        Map<Instant, Double> byTime = new HashMap<>();
        counts.forEach(p -> byTime.put(p.at(), p.value()));
        List<MetricPoint> out = new ArrayList<>(counts);
        for (MetricPoint r : requests) {
            if (r.value() > 0 && !byTime.containsKey(r.at())) {
                out.add(new MetricPoint(r.at(), 0));
            }
        }
        return new NamedSeries("", out).points();
    }
}
