package io.harbormaster.views.shared.metrics;

import io.harbormaster.model.alarms.ListAlarms;
import io.harbormaster.model.logs.SearchLogs;
import io.harbormaster.model.metrics.FetchMetrics;
import io.harbormaster.model.metrics.LoadBalancersOfTargetGroups;
import io.harbormaster.model.metrics.MetricHistory;
import io.harbormaster.model.metrics.ThresholdSettings;
import io.harbormaster.model.settings.UiStateStore;
import java.time.Clock;
import java.util.Objects;

/**
 * What the Metrics page (service dashboard, noise map, alarms, logs) needs from the app, wired by hand there.
 *
 * @param clock      what "now" is for metric windows: the sandbox's clock when the console runs on one, so a
 *                   sandbox moved forward by hand shows its newest minutes
 * @param uiState    where the recently viewed services are remembered, for their cached history when offline
 */
public record MetricsDependencies(FetchMetrics fetchMetrics, MetricHistory history, ThresholdSettings thresholds,
                                  LoadBalancersOfTargetGroups loadBalancers, ListAlarms alarms, SearchLogs logs,
                                  Clock clock,
                                  UiStateStore uiState) {

    public MetricsDependencies {
        Objects.requireNonNull(fetchMetrics, "fetchMetrics");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(loadBalancers, "loadBalancers");
        Objects.requireNonNull(alarms, "alarms");
        Objects.requireNonNull(logs, "logs");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(uiState, "uiState");
    }
}
