package io.harbormaster.model.cutover;

import static io.harbormaster.model.cutover.WeightsTest.weights;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CutoverPlannerTest {

    private static final GatePolicy GATES = CutoverFakes.gates(NoDataPolicy.FAIL, false);

    private static List<String> steps(CutoverPlan plan) {
        return plan.steps().stream().map(s -> s.weights().encode()).toList();
    }

    @Test
    void aCanaryIsFivePercentThenAll() {
        CutoverPlan plan = CutoverFakes.plan(new PlanShape.Canary(5), GATES);
        assertThat(steps(plan)).containsExactly("blue=95,green=5", "blue=0,green=100");
        assertThat(plan.step(1).effectivePercent()).isEqualTo(5.0);
        assertThat(plan.step(1).approximate()).isFalse();
    }

    @Test
    void linearEveryTwentyFivePercent() {
        CutoverPlan plan = CutoverFakes.plan(new PlanShape.Linear(25), GATES);
        assertThat(steps(plan)).containsExactly("blue=75,green=25", "blue=50,green=50", "blue=25,green=75",
                "blue=0,green=100");
    }

    @Test
    void linearWithARemainderEndsAtAHundred() {
        assertThat(new PlanShape.Linear(30).percentages()).containsExactly(30.0, 60.0, 90.0, 100.0);
    }

    @Test
    void customStepsWithAHundredAddedWhenMissing() {
        assertThat(new PlanShape.Custom(List.of(1.0, 5.0, 25.0, 50.0)).percentages())
                .containsExactly(1.0, 5.0, 25.0, 50.0, 100.0);
        CutoverPlan plan = CutoverFakes.plan(new PlanShape.Custom(List.of(1.0, 5.0, 25.0, 50.0, 100.0)), GATES);
        assertThat(steps(plan)).containsExactly("blue=99,green=1", "blue=95,green=5", "blue=75,green=25",
                "blue=50,green=50", "blue=0,green=100");
        assertThatThrownBy(() -> new PlanShape.Custom(List.of(5.0, 1.0))).hasMessageContaining("rise");
    }

    @Test
    void route53CannotMakeAThirdExactlySoItSaysWhatItMakes() {
        // 33.3 % needs t/T = 0.333; with both weights ≤ 255 the nearest is 1/3 (33.33 %); of the sums giving a
        // third, 99 is nearest the starting sum of 100: green 33, blue 66.
        Weights w = CutoverPlanner.weightsFor(weights(TrafficKind.ROUTE53, "blue", 100, "green", 0), "blue", "green",
                33.3);
        assertThat(w.encode()).isEqualTo("blue=66,green=33");
        assertThat(w.percent("green")).isCloseTo(33.333, within(0.001));
    }

    @Test
    void albsWiderRangeMakesAThirdToATenth() {
        // 333 / 1000 is exact and irreducible; 1000 = 667 + 333 fits in 0–999.
        Weights w = CutoverPlanner.weightsFor(weights(TrafficKind.ALB, "blue", 1, "green", 1), "blue", "green",
                33.3);
        assertThat(w.encode()).isEqualTo("blue=667,green=333");
        assertThat(w.percent("green")).isCloseTo(33.3, within(1e-9));
    }

    @Test
    void tiesGoToTheSumNearestTheStartThenTheLarger() {
        // 12.5 % is exact for every sum that is a multiple of 8; 96 and 104 are both 4 from 100: the larger wins.
        Weights w = CutoverPlanner.weightsFor(weights(TrafficKind.ROUTE53, "blue", 100, "green", 0), "blue", "green",
                12.5);
        assertThat(w.encode()).isEqualTo("blue=91,green=13");
    }

    @Test
    void otherTargetsKeepTheirWeightAndThePairItsSum() {
        // grey carries 90 of 100; the pair keeps its sum of 10, so 25 % of the pair is 2.5 → 3 of 10 (30 %).
        Weights start = weights(TrafficKind.ROUTE53, "blue", 10, "green", 0, "grey", 90);
        Weights w = CutoverPlanner.weightsFor(start, "blue", "green", 25);
        assertThat(w.encode()).isEqualTo("blue=7,green=3,grey=90");
        assertThat(w.percent("grey")).isEqualTo(90.0);
    }

    @Test
    void theBakeIsNeverShorterThanTheTtlPlusTheMargin() {
        // alias record: TTL 60 s, margin 30 s → at least 90 s.
        assertThat(CutoverPlanner.bake(CutoverFakes.apiRecord(100, 0), Duration.ofSeconds(30), GATES))
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(CutoverPlanner.bake(CutoverFakes.apiRecord(100, 0), Duration.ofMinutes(5), GATES))
                .isEqualTo(Duration.ofMinutes(5));
        CutoverPlan plan = CutoverFakes.plan(new PlanShape.Linear(25), GATES);
        assertThat(plan.totalBake()).isEqualTo(Duration.ofSeconds(360));
    }
}
