package io.harbormaster.sandbox.cloudwatch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbormaster.sandbox.core.JsonService;
import io.harbormaster.sandbox.core.Telemetry.MetricKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A metric alarm: its configuration, its state, and the evaluation CloudWatch runs every minute — the last
 * EvaluationPeriods periods that have ended, M of N (DatapointsToAlarm) breaching for ALARM, missing data treated
 * as TreatMissingData says — with reasons and history written as AWS writes them.
 */
final class Alarm {

    static final String OK = "OK";
    static final String ALARM = "ALARM";
    static final String INSUFFICIENT = "INSUFFICIENT_DATA";

    private static final DateTimeFormatter REASON_TIME = DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    // Configuration
    final String name;
    String description;
    boolean actionsEnabled = true;
    List<String> okActions = List.of();
    List<String> alarmActions = List.of();
    List<String> insufficientDataActions = List.of();
    MetricKey metric;
    Stat stat;
    boolean extendedStatistic;
    int period;
    String unit;
    int evaluationPeriods;
    int datapointsToAlarm;
    double threshold;
    String comparison;
    String treatMissingData = "missing";
    Instant configurationUpdated;

    // State
    String state = INSUFFICIENT;
    String stateReason = "Unchecked: Initial alarm creation";
    String stateReasonData;
    Instant stateUpdated;
    Instant stateTransitioned;

    Alarm(String name) {
        this.name = name;
    }

    /**
     * One state the evaluation arrived at.
     *
     * @param datapoints the values present in the evaluated periods, newest first (what an Auto Scaling action sees)
     */
    record Evaluation(String state, java.util.function.Supplier<String> why,
            java.util.function.Supplier<ObjectNode> data, List<Double> datapoints) {

        /**
         * CloudWatch's words for the state: made only when the alarm moves to it (an alarm is evaluated every
         * minute and mostly stays where it is; writing its reason each time was most of an evaluation's cost).
         */
        String reason() {
            return why.get();
        }

        ObjectNode reasonData() {
            return data.get();
        }
    }

    Evaluation evaluate(Metrics metrics, CloudWatchRegion region, Instant at) {
        long p = period;
        long end = Math.floorDiv(at.getEpochSecond(), p) * p;
        List<Instant> starts = new ArrayList<>();
        List<OptionalDouble> values = new ArrayList<>();
        // Newest first, as AWS lists recent datapoints.
        for (int k = 1; k <= evaluationPeriods; k++) {
            Instant start = Instant.ofEpochSecond(end - k * p);
            starts.add(start);
            values.add(metrics.alarmValue(region, metric, unit, start, Duration.ofSeconds(p), stat, at));
        }
        int present = 0;
        int breaching = 0;
        int missing = 0;
        for (OptionalDouble v : values) {
            if (v.isPresent()) {
                present++;
                if (breaches(v.getAsDouble())) {
                    breaching++;
                }
            } else {
                missing++;
            }
        }
        if ("breaching".equals(treatMissingData)) {
            breaching += missing;
        }
        java.util.function.Supplier<ObjectNode> data = () -> reasonData(at, starts, values);
        List<Double> datapoints = values.stream().filter(OptionalDouble::isPresent).map(OptionalDouble::getAsDouble)
                .toList();
        if (breaching >= datapointsToAlarm) {
            int crossed = breaching;
            String from = state;
            return new Evaluation(ALARM, () -> "Threshold Crossed: " + crossed + " out of the last " + evaluationPeriods
                    + " datapoints " + listed(starts, values) + " " + (crossed == 1 ? "was " : "were ") + phrase()
                    + " the threshold (" + threshold + ") (minimum " + datapointsToAlarm + " datapoint"
                    + (datapointsToAlarm == 1 ? "" : "s") + " for " + from + " -> ALARM transition).", data, datapoints);
        }
        boolean decided = present > 0 || "notBreaching".equals(treatMissingData) || "breaching".equals(treatMissingData);
        if (decided) {
            int considered = "notBreaching".equals(treatMissingData) ? evaluationPeriods : present;
            return new Evaluation(OK, () -> "Threshold Crossed: " + considered + " datapoint"
                    + (considered == 1 ? "" : "s") + " " + listed(starts, values) + " "
                    + (considered == 1 ? "was not " : "were not ") + phrase() + " the threshold (" + threshold + ").",
                    data, datapoints);
        }
        if ("ignore".equals(treatMissingData)) {
            return null;
        }
        int unknown = missing;
        return new Evaluation(INSUFFICIENT, () -> "Insufficient Data: " + unknown + " datapoint"
                + (unknown == 1 ? " was" : "s were") + " unknown.", data, datapoints);
    }

    /** The actions of the state the alarm is in. */
    List<String> actionsNow() {
        return switch (state) {
            case ALARM -> alarmActions;
            case OK -> okActions;
            default -> insufficientDataActions;
        };
    }

    boolean breaches(double v) {
        return switch (comparison) {
            case "GreaterThanThreshold" -> v > threshold;
            case "GreaterThanOrEqualToThreshold" -> v >= threshold;
            case "LessThanThreshold" -> v < threshold;
            case "LessThanOrEqualToThreshold" -> v <= threshold;
            default -> false;
        };
    }

    private String phrase() {
        return switch (comparison) {
            case "GreaterThanThreshold" -> "greater than";
            case "GreaterThanOrEqualToThreshold" -> "greater than or equal to";
            case "LessThanThreshold" -> "less than";
            default -> "less than or equal to";
        };
    }

    private static String listed(List<Instant> starts, List<OptionalDouble> values) {
        StringBuilder b = new StringBuilder("[");
        boolean first = true;
        for (int i = 0; i < starts.size(); i++) {
            if (values.get(i).isEmpty()) {
                continue;
            }
            if (!first) {
                b.append(", ");
            }
            first = false;
            b.append(values.get(i).getAsDouble()).append(" (").append(REASON_TIME.format(starts.get(i))).append(')');
        }
        return b.append(']').toString();
    }

    private ObjectNode reasonData(Instant at, List<Instant> starts, List<OptionalDouble> values) {
        ObjectNode d = JsonService.object();
        d.put("version", "1.0");
        d.put("queryDate", DATA_TIME.format(at));
        d.put("startDate", DATA_TIME.format(starts.get(starts.size() - 1)));
        if (extendedStatistic) {
            d.put("extendedStatistic", stat.name());
        } else {
            d.put("statistic", stat.name());
        }
        if (unit != null) {
            d.put("unit", unit);
        }
        d.put("period", period);
        ArrayNode recent = d.putArray("recentDatapoints");
        ArrayNode evaluated = d.putArray("evaluatedDatapoints");
        for (int i = 0; i < starts.size(); i++) {
            if (values.get(i).isPresent()) {
                recent.add(values.get(i).getAsDouble());
                evaluated.addObject().put("timestamp", DATA_TIME.format(starts.get(i)))
                        .put("value", values.get(i).getAsDouble());
            } else {
                evaluated.addObject().put("timestamp", DATA_TIME.format(starts.get(i)));
            }
        }
        d.put("threshold", threshold);
        return d;
    }
}
