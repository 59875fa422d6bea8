package io.harbormaster.sandbox.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.OptionalInt;

/**
 * What a step scaling policy asks for when its alarm invokes it, as Application Auto Scaling documents it: the
 * alarm's datapoints aggregated by MetricAggregationType (Average when absent), the breach is that value minus the
 * alarm's threshold, and the step adjustment whose interval holds the breach applies — lower bound inclusive and
 * upper exclusive when the metric is at or above the threshold, the other way round below it. ChangeInCapacity adds
 * the adjustment, ExactCapacity sets it, PercentChangeInCapacity adds that percentage of the current capacity rounded
 * as AWS rounds it (above 1 down, between 0 and 1 to 1, between −1 and 0 to −1, below −1 up) and at least
 * MinAdjustmentMagnitude in size. Pure; the caller keeps the result within the target's range.
 */
final class StepScaling {

    static final String CHANGE = "ChangeInCapacity";
    static final String PERCENT = "PercentChangeInCapacity";
    static final String EXACT = "ExactCapacity";

    private StepScaling() {
    }

    /** The aggregated metric value of an invocation's datapoints; NaN when it has none. */
    static double aggregate(List<Double> datapoints, String aggregation) {
        if (datapoints.isEmpty()) {
            return Double.NaN;
        }
        return switch (aggregation == null ? "Average" : aggregation) {
            case "Minimum" -> datapoints.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            case "Maximum" -> datapoints.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            default -> datapoints.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        };
    }

    /** The ScalingAdjustment of the step whose interval holds {@code breach}; empty when none does. */
    static OptionalInt adjustmentFor(JsonNode steps, double breach) {
        boolean above = breach >= 0;
        for (JsonNode s : steps) {
            double lower = s.hasNonNull("MetricIntervalLowerBound") ? s.get("MetricIntervalLowerBound").asDouble()
                    : Double.NEGATIVE_INFINITY;
            double upper = s.hasNonNull("MetricIntervalUpperBound") ? s.get("MetricIntervalUpperBound").asDouble()
                    : Double.POSITIVE_INFINITY;
            boolean inside = above ? lower <= breach && breach < upper : lower < breach && breach <= upper;
            if (inside) {
                return OptionalInt.of(s.path("ScalingAdjustment").asInt());
            }
        }
        return OptionalInt.empty();
    }

    /** The capacity an adjustment asks for from {@code current} (not yet kept within the target's range). */
    static int wanted(String adjustmentType, int adjustment, int current, Integer minAdjustmentMagnitude) {
        return switch (adjustmentType) {
            case EXACT -> adjustment;
            case PERCENT -> current + percentChange(current, adjustment, minAdjustmentMagnitude);
            default -> current + adjustment;
        };
    }

    private static int percentChange(int current, int percent, Integer minMagnitude) {
        double exact = current * percent / 100.0;
        int change;
        if (exact > 1) {
            change = (int) Math.floor(exact);
        } else if (exact > 0) {
            change = 1;
        } else if (exact >= -1) {
            change = exact == 0 ? 0 : -1;
        } else {
            change = (int) Math.ceil(exact);
        }
        if (minMagnitude != null && change != 0 && Math.abs(change) < minMagnitude) {
            change = Integer.signum(change) * minMagnitude;
        }
        return change;
    }
}
