package io.harbormaster.model.alarms;

import io.harbormaster.model.metrics.MetricId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A CloudWatch metric alarm as DescribeAlarms reports it.
 *
 * @param metric     the metric watched; null for an alarm on metric math (several metrics)
 * @param statistic  Average, Sum, …, or a percentile (p99); blank for metric math
 * @param period     null for metric math
 * @param comparison CloudWatch's operator: GreaterThanThreshold, LessThanOrEqualToThreshold, …
 * @param reason     CloudWatch's words for the current state
 * @param updated    when the state last changed; may be null when unknown
 */
public record Alarm(String name, String arn, String description, MetricId metric, String statistic, Duration period,
        double threshold, String comparison, int evaluationPeriods, AlarmState state, String reason,
        Instant updated) {

    public Alarm {
        Objects.requireNonNull(name, "name");
        arn = arn == null ? "" : arn;
        description = description == null ? "" : description;
        statistic = statistic == null ? "" : statistic;
        comparison = comparison == null ? "" : comparison;
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
        if (evaluationPeriods < 0) {
            throw new IllegalArgumentException("evaluation periods cannot be negative");
        }
    }

    public Optional<MetricId> watchedMetric() {
        return Optional.ofNullable(metric);
    }

    public boolean firing() {
        return state == AlarmState.ALARM;
    }

    /** "> 5.0", "<= 1.0": the comparison as an operator reads it. */
    public String condition() {
        return operator() + " " + threshold;
    }

    /** ">", ">=", "<", "<=": CloudWatch's comparison as a sign; anything else as CloudWatch names it. */
    public String operator() {
        return switch (comparison) {
            case "GreaterThanThreshold" -> ">";
            case "GreaterThanOrEqualToThreshold" -> ">=";
            case "LessThanThreshold" -> "<";
            case "LessThanOrEqualToThreshold" -> "<=";
            default -> comparison;
        };
    }
}
