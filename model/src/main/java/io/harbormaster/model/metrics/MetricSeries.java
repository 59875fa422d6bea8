package io.harbormaster.model.metrics;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The points of one query, oldest first. */
public record MetricSeries(MetricQuery query, List<MetricPoint> points) {

    public MetricSeries {
        Objects.requireNonNull(query, "query");
        points = points.stream().sorted(Comparator.comparing(MetricPoint::at)).toList();
    }
}
