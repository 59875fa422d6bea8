package io.harbormaster.model.metrics;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** A CloudWatch metric's identity: namespace, name and dimensions (sorted, so equal metrics are equal). */
public record MetricId(String namespace, String name, SortedMap<String, String> dimensions) {

    public MetricId {
        if (namespace == null || namespace.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException("a metric needs a namespace and a name");
        }
        Objects.requireNonNull(dimensions, "dimensions");
        if (dimensions.size() > 30) {
            throw new IllegalArgumentException("CloudWatch allows at most 30 dimensions, got " + dimensions.size());
        }
        dimensions = Collections.unmodifiableSortedMap(new TreeMap<>(dimensions));
    }

    public static MetricId of(String namespace, String name, Map<String, String> dimensions) {
        return new MetricId(namespace, name, new TreeMap<>(dimensions));
    }
}
