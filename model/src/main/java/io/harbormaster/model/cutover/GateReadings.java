package io.harbormaster.model.cutover;

import io.harbormaster.model.metrics.MetricPoint;
import java.util.List;
import java.util.Map;

/**
 * What {@link GateMetrics} read for one side over a window, as raw one-minute CloudWatch points (the gate
 * evaluator turns them into the gates' values), and the named alarms' states (OK, ALARM, INSUFFICIENT_DATA).
 */
public record GateReadings(Map<Series, List<MetricPoint>> series, Map<String, String> alarmStates) {

    /** The AWS/ApplicationELB series a gate needs. */
    public enum Series {
        /** RequestCount, Sum per minute. */
        REQUESTS,
        /** HTTPCode_Target_5XX_Count, Sum per minute. */
        TARGET_5XX,
        /** TargetResponseTime, p99 per minute, in seconds as CloudWatch gives it. */
        RESPONSE_TIME_P99,
        /** HealthyHostCount, Minimum per minute. */
        HEALTHY_HOSTS
    }

    public GateReadings {
        series = Map.copyOf(series);
        alarmStates = Map.copyOf(alarmStates);
    }

    public List<MetricPoint> of(Series s) {
        return series.getOrDefault(s, List.of());
    }
}
