package io.harbormaster.model.metrics;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One series to fetch: a metric, a statistic and a period.
 *
 * @param id        unique within one fetch; CloudWatch's rule: starts with a lower-case letter, then letters,
 *                  digits and underscores
 * @param statistic Average, Sum, Minimum, Maximum, SampleCount, or a percentile such as p50, p99, p99.9
 * @param period    a multiple of 60 s, or 1, 5, 10 or 30 s for high-resolution metrics
 */
public record MetricQuery(String id, MetricId metric, String statistic, Duration period) {

    private static final Pattern ID = Pattern.compile("[a-z][a-zA-Z0-9_]{0,254}");
    private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,2}(\\.\\d{1,2})?|100)");
    private static final Set<String> STATISTICS = Set.of("Average", "Sum", "Minimum", "Maximum", "SampleCount");
    private static final Set<Long> HIGH_RESOLUTION = Set.of(1L, 5L, 10L, 30L);

    public MetricQuery {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("query id must start with a lower-case letter and hold only letters,"
                    + " digits and underscores, was '" + id + "'");
        }
        Objects.requireNonNull(metric, "metric");
        if (statistic == null || !(STATISTICS.contains(statistic) || PERCENTILE.matcher(statistic).matches())) {
            throw new IllegalArgumentException("unknown statistic '" + statistic + "'");
        }
        Objects.requireNonNull(period, "period");
        long seconds = period.getSeconds();
        if (period.getNano() != 0 || seconds <= 0 || !(seconds % 60 == 0 || HIGH_RESOLUTION.contains(seconds))) {
            throw new IllegalArgumentException("period must be 1, 5, 10, 30 s or a multiple of 60 s, was " + period);
        }
    }
}
