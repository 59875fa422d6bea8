package io.harbormaster.sandbox.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the living fleet measures, at any sandbox time past or present: the numbers CloudWatch serves. Implemented
 * by the traffic model (requests flowing through Route 53 weights, ALB forward weights, target groups and tasks,
 * and the CPU/memory that load causes); read by the CloudWatch module. Registered as a {@link World} component.
 * Values are a deterministic function of the sandbox's state history, the seed and the time asked about, so the
 * same question always gets the same answer.
 */
public interface Telemetry {

    /** Every metric that exists now in the account and region (what ListMetrics lists). */
    List<MetricKey> metrics(String account, String region);

    /**
     * The statistic of one metric over [start, start + period).
     *
     * @param statistic Average, Sum, Minimum, Maximum, SampleCount, or a percentile like p50 / p99 / p99.9
     * @return empty when the metric has no data in that window (e.g. before the service existed)
     */
    OptionalDouble sample(String account, String region, MetricKey metric, Instant start, Duration period,
            String statistic);

    /** A metric's identity as CloudWatch has it: namespace, name and dimensions (sorted, so equal keys are equal). */
    record MetricKey(String namespace, String name, SortedMap<String, String> dimensions) {

        public MetricKey {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(name, "name");
            dimensions = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(dimensions));
        }

        public static MetricKey of(String namespace, String name, Map<String, String> dimensions) {
            return new MetricKey(namespace, name, new TreeMap<>(dimensions));
        }
    }
}
