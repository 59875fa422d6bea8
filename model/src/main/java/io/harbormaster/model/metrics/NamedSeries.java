package io.harbormaster.model.metrics;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A series as a chart draws it: a label ("web", "tg-blue") and points oldest first, fetched or computed. */
public record NamedSeries(String label, List<MetricPoint> points) {

    public NamedSeries {
        Objects.requireNonNull(label, "label");
        points = points.stream().sorted(Comparator.comparing(MetricPoint::at)).toList();
    }

    public Optional<MetricPoint> last() {
        return points.isEmpty() ? Optional.empty() : Optional.of(points.get(points.size() - 1));
    }
}
