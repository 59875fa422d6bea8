package io.harbormaster.model.cutover;

import io.harbormaster.model.metrics.MetricPoint;
import io.harbormaster.model.metrics.Thresholds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A gate's metric minute by minute, for the live view's charts: the same CloudWatch points the gate judges, in the
 * same units as its levels. The 5xx rate of a minute is its target 5xx ÷ its requests; a minute without requests
 * has no rate (no point), as the gate counts it — zero traffic is not a zero error rate.
 */
public final class GateSeries {

    private GateSeries() {
    }

    public static List<MetricPoint> of(GateMetric metric, GateReadings readings) {
        return switch (metric) {
            case FIVE_XX_RATE -> fiveXxRate(readings);
            case P99_LATENCY -> readings.of(GateReadings.Series.RESPONSE_TIME_P99).stream()
                    .map(p -> new MetricPoint(p.at(), p.value() * 1000)).toList();
            case HEALTHY_HOSTS -> readings.of(GateReadings.Series.HEALTHY_HOSTS);
            case REQUEST_COUNT -> readings.of(GateReadings.Series.REQUESTS);
        };
    }

    private static List<MetricPoint> fiveXxRate(GateReadings readings) {
        Map<Instant, Double> errors = new HashMap<>();
        readings.of(GateReadings.Series.TARGET_5XX).forEach(p -> errors.merge(p.at(), p.value(), Double::sum));
        List<MetricPoint> out = new ArrayList<>();
        for (MetricPoint requests : readings.of(GateReadings.Series.REQUESTS)) {
            if (requests.value() > 0) {
                out.add(new MetricPoint(requests.at(), 100 * errors.getOrDefault(requests.at(), 0.0)
                        / requests.value()));
            }
        }
        return out;
    }

    /**
     * The levels the plan's gates hold the metric to, drawn as the chart's warning and critical lines: the first
     * rule on that metric (rules on one metric for different sides share a chart); empty when no gate watches it.
     */
    public static Optional<Thresholds> levels(GatePolicy gates, GateMetric metric) {
        return gates.rules().stream().filter(r -> r.metric() == metric).findFirst()
                .map(r -> new Thresholds(r.warning(), r.critical(), metric.higherIsWorse()));
    }

    /** Which sides the plan's gates judge the metric on ("target", "both"…), blank when none. */
    public static String judgedOn(GatePolicy gates, GateMetric metric) {
        return gates.rules().stream().filter(r -> r.metric() == metric).map(r -> r.scope().name().toLowerCase(
                java.util.Locale.ROOT)).distinct().reduce((a, b) -> a + ", " + b).orElse("");
    }
}
