package io.harbormaster.views.shared.metrics;

import java.util.Objects;

/** Style classes of the metrics, noise map and logs pages; metrics.css holds their rules. */
public final class MetricsStyles {

    private MetricsStyles() {
    }

    public static String stylesheet() {
        return Objects.requireNonNull(MetricsStyles.class.getResource("/io/harbormaster/views/shared/metrics/metrics.css"),
                "metrics.css missing from the views jar").toExternalForm();
    }

    public static final String CHART = "hm-chart";
    public static final String CHART_TIP = "hm-chart-tip";
    public static final String CHART_GRID = "hm-chart-grid";
    public static final String TOOLBAR = "hm-metrics-toolbar";
    public static final String ALARM_CHIP = "hm-alarm-chip";
    public static final String ALARM_OK = "hm-alarm-ok";
    public static final String ALARM_FIRING = "hm-alarm-firing";
    public static final String ALARM_UNKNOWN = "hm-alarm-unknown";
    public static final String NOISE_CANVAS = "hm-noise-canvas";
    public static final String NOISE_SIDE = "hm-noise-side";
    /** The noise map's side list while it lists stranded capacity: a line more a host. */
    public static final String NOISE_SIDE_PACKING = "hm-noise-side-packing";
    public static final String LEGEND = "hm-noise-legend";
    public static final String DETAIL = "hm-detail";
    public static final String DETAIL_TITLE = "hm-detail-title";
    public static final String LOG_LINE = "hm-log-line";
    public static final String LOG_TIME = "hm-log-time";
    public static final String LOG_TEXT = "hm-log-text";
    public static final String LOG_MATCH = "hm-log-match";
    public static final String LOG_LEVEL_ERROR = "hm-log-level-error";
    public static final String LOG_LEVEL_WARN = "hm-log-level-warn";
    public static final String LOG_LEVEL_INFO = "hm-log-level-info";
    public static final String NOTICE = "hm-notice";
}
