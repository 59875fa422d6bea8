package io.harbormaster.model.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.metrics.MetricPoint;
import io.harbormaster.model.metrics.Thresholds;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live view's charts: a gate's metric minute by minute, in the units of its levels. */
class GateSeriesTest {

    private static final Instant M0 = CutoverFakes.T0;
    private static final Instant M1 = M0.plusSeconds(60);
    private static final Instant M2 = M0.plusSeconds(120);

    private final GateReadings readings = new GateReadings(Map.of(
            GateReadings.Series.REQUESTS, List.of(new MetricPoint(M0, 1000), new MetricPoint(M1, 0),
                    new MetricPoint(M2, 400)),
            GateReadings.Series.TARGET_5XX, List.of(new MetricPoint(M0, 20), new MetricPoint(M2, 100)),
            GateReadings.Series.RESPONSE_TIME_P99, List.of(new MetricPoint(M0, 0.25)),
            GateReadings.Series.HEALTHY_HOSTS, List.of(new MetricPoint(M0, 3), new MetricPoint(M1, 2))), Map.of());

    @Test
    void theFiveXxRateOfAMinuteIsItsErrorsOverItsRequestsAndAMinuteWithoutRequestsHasNone() {
        assertThat(GateSeries.of(GateMetric.FIVE_XX_RATE, readings)).containsExactly(new MetricPoint(M0, 2.0),
                new MetricPoint(M2, 25.0));
    }

    @Test
    void latencyIsInMillisecondsAndTheCountsAsCloudWatchGaveThem() {
        assertThat(GateSeries.of(GateMetric.P99_LATENCY, readings)).containsExactly(new MetricPoint(M0, 250.0));
        assertThat(GateSeries.of(GateMetric.HEALTHY_HOSTS, readings)).hasSize(2);
        assertThat(GateSeries.of(GateMetric.REQUEST_COUNT, readings)).extracting(MetricPoint::value)
                .containsExactly(1000.0, 0.0, 400.0);
        assertThat(GateSeries.of(GateMetric.FIVE_XX_RATE, new GateReadings(Map.of(), Map.of()))).isEmpty();
    }

    @Test
    void theLinesAreTheGatesLevelsAndAMetricNoGateWatchesHasNone() {
        GatePolicy gates = new GatePolicy(List.of(new GateRule(GateMetric.FIVE_XX_RATE, GateRule.Scope.BOTH, 1, 5),
                new GateRule(GateMetric.HEALTHY_HOSTS, GateRule.Scope.TARGET, 2, 1)), List.of(), NoDataPolicy.FAIL,
                java.time.Duration.ofMinutes(5), java.time.Duration.ofSeconds(30), true, true, false,
                java.time.Duration.ofMinutes(5));
        assertThat(GateSeries.levels(gates, GateMetric.FIVE_XX_RATE)).contains(new Thresholds(1, 5, true));
        assertThat(GateSeries.levels(gates, GateMetric.HEALTHY_HOSTS)).contains(new Thresholds(2, 1, false));
        assertThat(GateSeries.levels(gates, GateMetric.P99_LATENCY)).isEmpty();
        assertThat(GateSeries.judgedOn(gates, GateMetric.FIVE_XX_RATE)).isEqualTo("both");
        assertThat(GateSeries.judgedOn(gates, GateMetric.REQUEST_COUNT)).isEmpty();
    }
}
