package io.harbormaster.model.cutover;

import io.harbormaster.model.metrics.MetricPoint;
import io.harbormaster.model.metrics.TimeWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Judges a step's gates from what was read on each side, keeping the evidence of every judgement.
 *
 * <p>Values over the window: 5xx rate = Σ target 5xx ÷ Σ requests (a window with no requests has no data — zero
 * traffic must not pass as a zero error rate); p99 latency = the worst minute's p99; healthy hosts = the lowest
 * minute; requests/min = the mean of the minutes. An alarm in ALARM is critical, OK passes, INSUFFICIENT_DATA or
 * missing follows the no-data policy.
 */
public final class GateEvaluator {

    private GateEvaluator() {
    }

    /**
     * @param readings what was read per side id (the from and to targets)
     */
    public static GateDecision evaluate(int step, Instant at, CutoverPlan plan, TimeWindow window,
            Map<String, GateReadings> readings) {
        GatePolicy policy = plan.gates();
        List<GateEvidence> evidence = new ArrayList<>();
        for (GateRule rule : policy.rules()) {
            for (String side : sides(rule.scope(), plan)) {
                GateReadings r = readings.getOrDefault(side, new GateReadings(Map.of(), Map.of()));
                evidence.add(judge(rule, side, r, window, policy.noData()));
            }
        }
        GateReadings target = readings.getOrDefault(plan.toId(), new GateReadings(Map.of(), Map.of()));
        for (String alarm : policy.alarmNames()) {
            evidence.add(alarm(alarm, plan.toId(), target.alarmStates().get(alarm), window, policy.noData()));
        }
        GateVerdict verdict = evidence.stream().map(GateEvidence::verdict).reduce(GateVerdict.PASS,
                GateVerdict::worse);
        return new GateDecision(step, at, verdict, evidence);
    }

    static GateEvidence judge(GateRule rule, String side, GateReadings r, TimeWindow window, NoDataPolicy noData) {
        OptionalDouble value;
        int points;
        switch (rule.metric()) {
            case FIVE_XX_RATE -> {
                List<MetricPoint> requests = in(r.of(GateReadings.Series.REQUESTS), window);
                double total = requests.stream().mapToDouble(MetricPoint::value).sum();
                double errors = in(r.of(GateReadings.Series.TARGET_5XX), window).stream()
                        .mapToDouble(MetricPoint::value).sum();
                points = requests.size();
                value = total > 0 ? OptionalDouble.of(100.0 * errors / total) : OptionalDouble.empty();
            }
            case P99_LATENCY -> {
                List<MetricPoint> p = in(r.of(GateReadings.Series.RESPONSE_TIME_P99), window);
                points = p.size();
                value = p.stream().mapToDouble(x -> x.value() * 1000).max();
            }
            case HEALTHY_HOSTS -> {
                List<MetricPoint> p = in(r.of(GateReadings.Series.HEALTHY_HOSTS), window);
                points = p.size();
                value = p.stream().mapToDouble(MetricPoint::value).min();
            }
            case REQUEST_COUNT -> {
                List<MetricPoint> p = in(r.of(GateReadings.Series.REQUESTS), window);
                points = p.size();
                value = p.stream().mapToDouble(MetricPoint::value).average();
            }
            default -> throw new IllegalStateException(rule.metric().name());
        }
        String levels = String.format(Locale.ROOT, "warning %s %s, critical %s %s",
                rule.metric().higherIsWorse() ? ">" : "<", num(rule.warning()),
                rule.metric().higherIsWorse() ? ">" : "<", num(rule.critical()));
        if (value.isEmpty()) {
            GateVerdict v = noDataVerdict(noData);
            return new GateEvidence(rule.metric().label(), side, value, rule.warning(), rule.critical(),
                    window.start(), window.end(), points, v, String.format(Locale.ROOT,
                            "%s on %s: no data in %s–%s (%d points); no data = %s → %s", rule.metric().label(), side,
                            window.start(), window.end(), points, noData, v));
        }
        GateVerdict v = rule.judge(value.getAsDouble());
        return new GateEvidence(rule.metric().label(), side, value, rule.warning(), rule.critical(), window.start(),
                window.end(), points, v, String.format(Locale.ROOT, "%s on %s: %s%s over %d points (%s) → %s",
                        rule.metric().label(), side, num(value.getAsDouble()), rule.metric().unit(), points, levels,
                        v));
    }

    static GateEvidence alarm(String name, String side, String state, TimeWindow window, NoDataPolicy noData) {
        GateVerdict v;
        if ("ALARM".equals(state)) {
            v = GateVerdict.CRITICAL;
        } else if ("OK".equals(state)) {
            v = GateVerdict.PASS;
        } else {
            v = noDataVerdict(noData);
        }
        String shown = state == null ? "not found" : state;
        return new GateEvidence("alarm " + name, side, OptionalDouble.empty(), Double.NaN, Double.NaN, window.start(),
                window.end(), state == null ? 0 : 1, v, "alarm " + name + " is " + shown + " → " + v);
    }

    private static GateVerdict noDataVerdict(NoDataPolicy noData) {
        return switch (noData) {
            case FAIL -> GateVerdict.CRITICAL;
            case PASS -> GateVerdict.PASS;
            case WAIT -> GateVerdict.WAIT;
        };
    }

    private static List<String> sides(GateRule.Scope scope, CutoverPlan plan) {
        return switch (scope) {
            case TARGET -> List.of(plan.toId());
            case SOURCE -> List.of(plan.fromId());
            case BOTH -> List.of(plan.toId(), plan.fromId());
        };
    }

    private static List<MetricPoint> in(List<MetricPoint> points, TimeWindow window) {
        return points.stream().filter(p -> window.contains(p.at())).toList();
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
