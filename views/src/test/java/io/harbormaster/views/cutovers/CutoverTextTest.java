package io.harbormaster.views.cutovers;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.cutover.CutoverPlan;
import io.harbormaster.model.cutover.CutoverPlanner;
import io.harbormaster.model.cutover.GatePolicy;
import io.harbormaster.model.cutover.LockHolder;
import io.harbormaster.model.cutover.PlanShape;
import io.harbormaster.model.cutover.Route53WeightedRecord;
import io.harbormaster.model.cutover.WeightedTarget;
import io.harbormaster.views.cutovers.wizard.RouteText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How routes and plans read on the Cutovers page: splits, locks, steps with their real shares, the way back. */
class CutoverTextTest {

    private static final Route53WeightedRecord WWW = new Route53WeightedRecord("prod", "Z1", "example.com.",
            "www.example.com.", "A", 60, true, List.of(new WeightedTarget("prod", "prod", "a.elb", 0),
                    new WeightedTarget("stage", "stage", "b.elb", 100)));

    @Test
    void aRowShowsEveryWeightWithTheShareItGivesAndWhoHoldsTheLock() {
        RouteRow row = new RouteRow("prod", WWW, Optional.of(new LockHolder("bob", Instant.parse(
                "2026-01-01T08:00:00Z"), "c-1", "desk-b")));
        assertThat(row.split()).isEqualTo("prod 0 (0 %) · stage 100 (100 %)");
        assertThat(row.inProgress()).isEqualTo("Cutover by bob on desk-b since 2026-01-01T08:00:00Z");
        assertThat(row.ttl()).isEqualTo("60 s");
        assertThat(new RouteRow("prod", WWW, Optional.empty()).inProgress()).isEmpty();
    }

    @Test
    void aTenthOfAPercentCannotBeMadeOfRoute53WeightsAndThePreviewSaysWhatTheStepReallyIs() {
        CutoverPlan plan = CutoverPlanner.plan("c-2", WWW, "stage", "prod", new PlanShape.Custom(List.of(0.1)),
                Duration.ofMinutes(1), GatePolicy.standard(), List.of());
        List<String> steps = RouteText.steps(plan, Instant.parse("2026-01-01T08:00:00Z"));
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0)).contains("ask 0.10 % for prod", "really 0 % (nearest the weights allow)", "bake 1 min 30 s",
                "done ≈ 08:01:30");
        assertThat(steps.get(1)).contains("really 100 %").doesNotContain("nearest");
        assertThat(RouteText.rollback(plan)).contains("prod 0 · stage 100", "0 % to prod");
        assertThat(RouteText.earliestFinish(plan, Instant.parse("2026-01-01T08:00:00Z"))).startsWith("08:03:00 UTC");
        assertThat(RouteText.gates(plan.gates())).contains("5xx rate on target: warning > 1%, critical > 5%",
                "no data = fail", "critical rolls back by itself");
    }
}
