package io.harbormaster.model.metrics;

import java.util.Optional;

/**
 * What a chart or the noise map shows, with its default warning and critical levels (the seed's monitoring
 * convention). The {@link #key()} is stable text, for settings and the local store.
 */
public enum MetricKind {
    CPU_UTILIZATION("cpu", "CPU utilisation", "%", new Thresholds(70, 90, true)),
    MEMORY_UTILIZATION("memory", "Memory utilisation", "%", new Thresholds(80, 95, true)),
    CPU_RESERVATION("cpu-reservation", "CPU reservation", "%", new Thresholds(80, 95, true)),
    MEMORY_RESERVATION("memory-reservation", "Memory reservation", "%", new Thresholds(85, 95, true)),
    TASK_COUNT("tasks", "Tasks", "tasks", null),
    REQUEST_COUNT("requests", "Requests", "req/s", null),
    REQUEST_RATE("request-rate", "Request rate", "req/s", null),
    TARGET_5XX_COUNT("5xx", "5xx responses", "5xx/s", null),
    ERROR_RATE_5XX("5xx-rate", "5xx rate", "%", new Thresholds(1, 5, true)),
    LATENCY_P50("latency-p50", "Latency p50", "s", new Thresholds(0.25, 0.5, true)),
    LATENCY_P99("latency-p99", "Latency p99", "s", new Thresholds(0.5, 1.0, true)),
    HEALTHY_HOSTS("healthy-hosts", "Healthy hosts", "targets", new Thresholds(1, 0, false));

    private final String key;
    private final String label;
    private final String unit;
    private final Thresholds defaults;

    MetricKind(String key, String label, String unit, Thresholds defaults) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.defaults = defaults;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /**
     * The levels used until an operator sets their own; empty where no level makes sense without knowing the
     * service (request and task counts): a chart then draws no lines, and the noise map scales to the data.
     */
    public Optional<Thresholds> defaultThresholds() {
        return Optional.ofNullable(defaults);
    }

    public static Optional<MetricKind> ofKey(String key) {
        for (MetricKind k : values()) {
            if (k.key.equals(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
