package io.harbormaster.model.metrics;

import java.util.Optional;

/**
 * Port: the warning and critical levels an operator set, per environment, scope and metric, kept locally. A scope is
 * a service ({@link #serviceScope}) or {@link #FLEET} for the noise map's per-host levels. Where nothing is set the
 * metric's defaults apply ({@link #thresholds}).
 */
public interface ThresholdSettings {

    /** The scope of per-host levels (noise map, Hosts view). */
    String FLEET = "*";

    /** The scope of one service's levels: "cluster/service", stable across refreshes and ARN formats. */
    static String serviceScope(String clusterName, String serviceName) {
        return clusterName + "/" + serviceName;
    }

    /** What the operator set, if anything. */
    Optional<Thresholds> find(String environmentId, String scope, MetricKind metric);

    void put(String environmentId, String scope, MetricKind metric, Thresholds thresholds);

    /** Back to the defaults. */
    void remove(String environmentId, String scope, MetricKind metric);

    /** What to draw: the operator's levels, else the metric's defaults; empty when neither exists. */
    default Optional<Thresholds> thresholds(String environmentId, String scope, MetricKind metric) {
        return find(environmentId, scope, metric).or(metric::defaultThresholds);
    }
}
