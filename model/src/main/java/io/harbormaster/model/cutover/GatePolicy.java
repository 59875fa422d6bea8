package io.harbormaster.model.cutover;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The gates of every step and what their verdicts do.
 *
 * @param rules              metric rules judged after each bake
 * @param alarmNames         CloudWatch alarms (in the sides' environments) that must not be in ALARM: one in ALARM
 *                           is critical; INSUFFICIENT_DATA follows {@code noData}
 * @param noData             what a window without data means
 * @param window             how far back from the judgement the metrics are read (≥ 1 minute)
 * @param margin             added to the record's TTL for the shortest allowed bake (clients cache answers)
 * @param rollbackOnCritical a critical verdict rolls back to the starting weights by itself
 * @param pauseOnWarning     a warning pauses for the operator instead of going on
 * @param pauseEveryStep     pause after every step that passed, for a manual promote
 * @param maxWait            how long {@link NoDataPolicy#WAIT} may wait before the cutover pauses
 */
public record GatePolicy(List<GateRule> rules, List<String> alarmNames, NoDataPolicy noData, Duration window,
                         Duration margin, boolean rollbackOnCritical, boolean pauseOnWarning, boolean pauseEveryStep,
                         Duration maxWait) {

    public GatePolicy {
        rules = List.copyOf(rules);
        alarmNames = List.copyOf(alarmNames);
        Objects.requireNonNull(noData, "noData");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(margin, "margin");
        Objects.requireNonNull(maxWait, "maxWait");
        if (window.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("a gate window must be at least a minute (CloudWatch's ALB period)");
        }
        if (margin.isNegative() || maxWait.isNegative()) {
            throw new IllegalArgumentException("margin and wait cannot be negative");
        }
    }

    /**
     * Sensible defaults: target 5xx warn 1 % / critical 5 %, p99 warn 500 ms / critical 1500 ms, healthy hosts warn
     * below 2 / critical below 1, on the target side; no data fails; 5-minute window; 30 s margin; roll back on
     * critical, pause on warning.
     */
    public static GatePolicy standard() {
        return new GatePolicy(List.of(
                new GateRule(GateMetric.FIVE_XX_RATE, GateRule.Scope.TARGET, 1, 5),
                new GateRule(GateMetric.P99_LATENCY, GateRule.Scope.TARGET, 500, 1500),
                new GateRule(GateMetric.HEALTHY_HOSTS, GateRule.Scope.TARGET, 2, 1)),
                List.of(), NoDataPolicy.FAIL, Duration.ofMinutes(5), Duration.ofSeconds(30), true, true, false,
                Duration.ofMinutes(10));
    }

    /** The shortest bake a step may have for a route: its cache TTL plus the margin. */
    public Duration minimumBake(WeightedRoute route) {
        return route.cacheTtl().plus(margin);
    }
}
