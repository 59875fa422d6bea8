package io.harbormaster.model.metrics;

import java.time.Instant;
import java.util.Objects;

/** One data point: the statistic over the period starting at {@code at}. */
public record MetricPoint(Instant at, double value) {

    public MetricPoint {
        Objects.requireNonNull(at, "at");
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("a data point cannot be NaN");
        }
    }
}
