package io.harbormaster.model.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.harbormaster.model.cutover.GateReadings.Series;
import io.harbormaster.model.metrics.MetricPoint;
import io.harbormaster.model.metrics.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateEvaluatorTest {

    private static final Instant NOW = CutoverFakes.T0;
    private static final TimeWindow WINDOW = new TimeWindow(NOW.minus(Duration.ofMinutes(3)), NOW);
    private static final GateRule FIVE_XX = new GateRule(GateMetric.FIVE_XX_RATE, GateRule.Scope.TARGET, 1, 5);

    /** One point per minute of the window, oldest first. */
    private static List<MetricPoint> minutes(double... values) {
        List<MetricPoint> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new MetricPoint(WINDOW.start().plus(Duration.ofMinutes(i)), values[i]));
        }
        return out;
    }

    private static GateReadings readings(Series s1, List<MetricPoint> p1, Series s2, List<MetricPoint> p2) {
        return new GateReadings(Map.of(s1, p1, s2, p2), Map.of());
    }

    @Test
    void theFiveXxRateIsErrorsOverRequestsAcrossTheWindow() {
        // 1 + 2 + 3 = 6 errors in 300 requests: 2 % — above the warning (1), below critical (5).
        GateEvidence e = GateEvaluator.judge(FIVE_XX, "green", readings(Series.REQUESTS, minutes(100, 100, 100),
                Series.TARGET_5XX, minutes(1, 2, 3)), WINDOW, NoDataPolicy.FAIL);
        assertThat(e.verdict()).isEqualTo(GateVerdict.WARNING);
        assertThat(e.value().getAsDouble()).isCloseTo(2.0, within(1e-9));
        assertThat(e.dataPoints()).isEqualTo(3);
        assertThat(e.windowStart()).isEqualTo(WINDOW.start());
        assertThat(e.reason()).contains("5xx rate on green: 2%", "3 points", "critical > 5");
    }

    @Test
    void aCriticalRate() {
        GateEvidence e = GateEvaluator.judge(FIVE_XX, "green", readings(Series.REQUESTS, minutes(100, 100, 100),
                Series.TARGET_5XX, minutes(10, 10, 10)), WINDOW, NoDataPolicy.PASS);
        assertThat(e.verdict()).isEqualTo(GateVerdict.CRITICAL);
        assertThat(e.value().getAsDouble()).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void noDataFollowsTheChosenPolicy() {
        GateReadings empty = new GateReadings(Map.of(), Map.of());
        assertThat(GateEvaluator.judge(FIVE_XX, "green", empty, WINDOW, NoDataPolicy.FAIL).verdict())
                .isEqualTo(GateVerdict.CRITICAL);
        assertThat(GateEvaluator.judge(FIVE_XX, "green", empty, WINDOW, NoDataPolicy.PASS).verdict())
                .isEqualTo(GateVerdict.PASS);
        GateEvidence wait = GateEvaluator.judge(FIVE_XX, "green", empty, WINDOW, NoDataPolicy.WAIT);
        assertThat(wait.verdict()).isEqualTo(GateVerdict.WAIT);
        assertThat(wait.value()).isEmpty();
        assertThat(wait.reason()).contains("no data", "0 points", "no data = WAIT");
    }

    @Test
    void noTrafficIsNoDataNotAZeroErrorRate() {
        GateEvidence e = GateEvaluator.judge(FIVE_XX, "green", readings(Series.REQUESTS, minutes(0, 0, 0),
                Series.TARGET_5XX, minutes(0, 0, 0)), WINDOW, NoDataPolicy.FAIL);
        assertThat(e.value()).isEmpty();
        assertThat(e.dataPoints()).isEqualTo(3);
        assertThat(e.verdict()).isEqualTo(GateVerdict.CRITICAL);
    }

    @Test
    void latencyIsTheWorstMinutesP99InMilliseconds() {
        GateRule p99 = new GateRule(GateMetric.P99_LATENCY, GateRule.Scope.TARGET, 500, 1500);
        GateReadings calm = new GateReadings(Map.of(Series.RESPONSE_TIME_P99, minutes(0.2, 0.45, 0.3)), Map.of());
        assertThat(GateEvaluator.judge(p99, "green", calm, WINDOW, NoDataPolicy.FAIL).value().getAsDouble())
                .isCloseTo(450, within(1e-9));
        GateReadings slow = new GateReadings(Map.of(Series.RESPONSE_TIME_P99, minutes(0.2, 0.6)), Map.of());
        assertThat(GateEvaluator.judge(p99, "green", slow, WINDOW, NoDataPolicy.FAIL).verdict())
                .isEqualTo(GateVerdict.WARNING);
    }

    @Test
    void healthyHostsIsTheLowestMinuteAndLowerIsWorse() {
        GateRule hosts = new GateRule(GateMetric.HEALTHY_HOSTS, GateRule.Scope.TARGET, 2, 1);
        GateReadings r = new GateReadings(Map.of(Series.HEALTHY_HOSTS, minutes(3, 1, 3)), Map.of());
        GateEvidence e = GateEvaluator.judge(hosts, "green", r, WINDOW, NoDataPolicy.FAIL);
        assertThat(e.value().getAsDouble()).isEqualTo(1.0);
        assertThat(e.verdict()).isEqualTo(GateVerdict.WARNING);   // 1 < 2, not < 1
        GateReadings none = new GateReadings(Map.of(Series.HEALTHY_HOSTS, minutes(0, 0)), Map.of());
        assertThat(GateEvaluator.judge(hosts, "green", none, WINDOW, NoDataPolicy.FAIL).verdict())
                .isEqualTo(GateVerdict.CRITICAL);
    }

    @Test
    void levelsInTheWrongOrderForTheGatesDirectionAreRefusedSayingWhichWayIsBad() {
        assertThatThrownBy(() -> new GateRule(GateMetric.HEALTHY_HOSTS, GateRule.Scope.TARGET, 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("healthy hosts: lower is worse, so the warning level must be at or above the critical"
                        + " level (warning 1, critical 2)");
        assertThatThrownBy(() -> new GateRule(GateMetric.P99_LATENCY, GateRule.Scope.TARGET, 1500, 500.5))
                .hasMessage("p99 latency: higher is worse, so the warning level must be at or below the critical"
                        + " level (warning 1500, critical 500.5)");
    }

    @Test
    void pointsOutsideTheWindowAreNotJudged() {
        List<MetricPoint> requests = List.of(new MetricPoint(WINDOW.start().minusSeconds(60), 100),
                new MetricPoint(WINDOW.start(), 100));
        List<MetricPoint> errors = List.of(new MetricPoint(WINDOW.start().minusSeconds(60), 100),
                new MetricPoint(WINDOW.start(), 0));
        GateEvidence e = GateEvaluator.judge(FIVE_XX, "green", readings(Series.REQUESTS, requests, Series.TARGET_5XX,
                errors), WINDOW, NoDataPolicy.FAIL);
        assertThat(e.value().getAsDouble()).isZero();
        assertThat(e.dataPoints()).isEqualTo(1);
    }

    @Test
    void theDecisionIsTheWorstGateIncludingAlarms() {
        GatePolicy policy = new GatePolicy(List.of(FIVE_XX, new GateRule(GateMetric.REQUEST_COUNT,
                GateRule.Scope.SOURCE, 10, 1)), List.of("api-green-5xx", "missing"), NoDataPolicy.WAIT,
                Duration.ofMinutes(3), Duration.ofSeconds(30), true, true, false, Duration.ofMinutes(5));
        CutoverPlan plan = CutoverFakes.plan(new PlanShape.Canary(5), policy);
        GateReadings green = new GateReadings(Map.of(Series.REQUESTS, minutes(100, 100), Series.TARGET_5XX,
                minutes(0, 0)), Map.of("api-green-5xx", "OK"));
        GateReadings blue = new GateReadings(Map.of(Series.REQUESTS, minutes(50, 70)), Map.of());
        GateDecision d = GateEvaluator.evaluate(1, NOW, plan, WINDOW, Map.of("green", green, "blue", blue));
        assertThat(d.evidence()).extracting(GateEvidence::verdict).containsExactly(GateVerdict.PASS,
                GateVerdict.PASS, GateVerdict.PASS, GateVerdict.WAIT);
        assertThat(d.verdict()).isEqualTo(GateVerdict.WAIT);
        assertThat(d.evidence().get(1).value().getAsDouble()).isEqualTo(60.0);   // mean of 50 and 70 on blue

        GateReadings alarming = new GateReadings(green.series(), Map.of("api-green-5xx", "ALARM"));
        GateDecision bad = GateEvaluator.evaluate(1, NOW, plan, WINDOW, Map.of("green", alarming, "blue", blue));
        assertThat(bad.verdict()).isEqualTo(GateVerdict.CRITICAL);
        assertThat(bad.decisive()).extracting(GateEvidence::subject).containsExactly("alarm api-green-5xx");
    }
}
