package io.harbormaster.sandbox.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Step adjustments worked out by hand as Application Auto Scaling's user guide describes them. */
class StepScalingTest {

    /** −∞..−10: −2; −10..0: −1; 0..10: +1; 10..+∞: +3 (a breach of the threshold). */
    static final JsonNode STEPS = json("[{\"MetricIntervalUpperBound\":-10,\"ScalingAdjustment\":-2},"
            + "{\"MetricIntervalLowerBound\":-10,\"MetricIntervalUpperBound\":0,\"ScalingAdjustment\":-1},"
            + "{\"MetricIntervalLowerBound\":0,\"MetricIntervalUpperBound\":10,\"ScalingAdjustment\":1},"
            + "{\"MetricIntervalLowerBound\":10,\"ScalingAdjustment\":3}]");

    static JsonNode json(String s) {
        try {
            return ScalingApi.JSON.readTree(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theStepHoldingTheBreachApplies_lowerBoundInclusiveAboveTheThresholdUpperBelow() {
        assertThat(StepScaling.adjustmentFor(STEPS, 0)).hasValue(1);
        assertThat(StepScaling.adjustmentFor(STEPS, 9.99)).hasValue(1);
        assertThat(StepScaling.adjustmentFor(STEPS, 10)).hasValue(3);
        assertThat(StepScaling.adjustmentFor(STEPS, 250)).hasValue(3);
        // Below the threshold the upper bound is the inclusive one.
        assertThat(StepScaling.adjustmentFor(STEPS, -10)).hasValue(-2);
        assertThat(StepScaling.adjustmentFor(STEPS, -9.5)).hasValue(-1);
        assertThat(StepScaling.adjustmentFor(STEPS, -0.01)).hasValue(-1);
        assertThat(StepScaling.adjustmentFor(json("[{\"MetricIntervalLowerBound\":0,\"ScalingAdjustment\":2}]"), -1))
                .isEmpty();
    }

    @Test
    void changeAndExactCapacity() {
        assertThat(StepScaling.wanted(StepScaling.CHANGE, 3, 4, null)).isEqualTo(7);
        assertThat(StepScaling.wanted(StepScaling.CHANGE, -2, 4, null)).isEqualTo(2);
        assertThat(StepScaling.wanted(StepScaling.EXACT, 9, 4, null)).isEqualTo(9);
    }

    /** The user guide's rounding: 12.7 → 12, 0.67 → 1, −0.67 → −1, −6.67 → −6. */
    @Test
    void percentChangeIsRoundedAsAwsRoundsIt() {
        assertThat(StepScaling.wanted(StepScaling.PERCENT, 127, 10, null)).isEqualTo(10 + 12);
        assertThat(StepScaling.wanted(StepScaling.PERCENT, 67, 1, null)).isEqualTo(1 + 1);
        assertThat(StepScaling.wanted(StepScaling.PERCENT, -67, 1, null)).isEqualTo(1 - 1);
        assertThat(StepScaling.wanted(StepScaling.PERCENT, -667, 1, null)).isEqualTo(1 - 6);
        assertThat(StepScaling.wanted(StepScaling.PERCENT, 0, 8, null)).isEqualTo(8);
    }

    /** The API reference's example: 25 % of 4 tasks is 1, but a MinAdjustmentMagnitude of 2 scales out by 2. */
    @Test
    void minAdjustmentMagnitudeRaisesASmallPercentChange() {
        assertThat(StepScaling.wanted(StepScaling.PERCENT, 25, 4, 2)).isEqualTo(6);
        assertThat(StepScaling.wanted(StepScaling.PERCENT, -25, 4, 2)).isEqualTo(2);
        assertThat(StepScaling.wanted(StepScaling.PERCENT, 100, 4, 2)).isEqualTo(8);
    }

    @Test
    void theAlarmsDatapointsAggregatedAsTheTypeSays() {
        List<Double> points = List.of(104.0, 112.0, 96.0);
        assertThat(StepScaling.aggregate(points, null)).isEqualTo(104.0);
        assertThat(StepScaling.aggregate(points, "Average")).isEqualTo(104.0);
        assertThat(StepScaling.aggregate(points, "Maximum")).isEqualTo(112.0);
        assertThat(StepScaling.aggregate(points, "Minimum")).isEqualTo(96.0);
        assertThat(StepScaling.aggregate(List.of(), "Average")).isNaN();
    }
}
