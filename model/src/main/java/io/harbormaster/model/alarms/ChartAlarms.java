package io.harbormaster.model.alarms;

import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.metrics.ServiceDashboard.ChartMetric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The levels a service's alarms set on its charts. An alarm whose metric (namespace, name and dimensions) and
 * statistic are those a chart draws is a level of that chart, at its threshold in the chart's units: a Sum per
 * period becomes a rate per second, as the chart shows the sum. Not levels, and so not drawn: an alarm on another
 * statistic (a Maximum over an Average chart would read as a level the line never reaches), on metric math, or made
 * by Application Auto Scaling for target tracking (a scaling target, not a warning).
 */
public final class ChartAlarms {

    /**
     * An alarm drawn on a chart.
     *
     * @param value    the threshold in the chart's units
     * @param operator ">", ">=", "<" or "<="
     */
    public record Level(String alarm, double value, String operator, AlarmState state) {
        public Level {
            Objects.requireNonNull(alarm, "alarm");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(state, "state");
        }
    }

    private ChartAlarms() {
    }

    /**
     * @param charts what each chart draws ({@link io.harbormaster.model.metrics.ServiceDashboard#chartMetrics()})
     * @param alarms the environment's alarms (any; those on other metrics are passed over)
     * @return each chart's levels, lowest first; a chart without any is absent
     */
    public static Map<MetricKind, List<Level>> of(List<ChartMetric> charts, List<Alarm> alarms) {
        Map<MetricKind, List<Level>> out = new EnumMap<>(MetricKind.class);
        for (Alarm alarm : alarms) {
            if (alarm.watchedMetric().isEmpty() || ServiceAlarms.scaling(alarm)) {
                continue;
            }
            for (ChartMetric chart : charts) {
                if (!chart.metric().equals(alarm.watchedMetric().get())
                        || !statistic(chart.statistic()).equals(statistic(alarm.statistic()))) {
                    continue;
                }
                double value = alarm.threshold();
                if (chart.perSecond()) {
                    if (alarm.period() == null || alarm.period().isZero() || alarm.period().isNegative()) {
                        continue;
                    }
                    value = value / alarm.period().toSeconds();
                }
                out.computeIfAbsent(chart.chart(), k -> new ArrayList<>())
                        .add(new Level(alarm.name(), value, alarm.operator(), alarm.state()));
            }
        }
        out.replaceAll((k, levels) -> levels.stream().sorted(Comparator.comparingDouble(Level::value)
                .thenComparing(Level::alarm)).toList());
        return out;
    }

    /** "p99", "P99" and "p99.0" are one percentile; "Average" and "average" one statistic. */
    private static String statistic(String statistic) {
        String s = statistic.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("p") && s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
