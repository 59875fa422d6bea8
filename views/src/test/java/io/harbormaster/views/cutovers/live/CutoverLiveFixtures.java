package io.harbormaster.views.cutovers.live;

import io.harbormaster.model.cutover.CutoverPlan;
import io.harbormaster.model.cutover.CutoverPlanner;
import io.harbormaster.model.cutover.CutoverSide;
import io.harbormaster.model.cutover.GateMetric;
import io.harbormaster.model.cutover.GatePolicy;
import io.harbormaster.model.cutover.GateRule;
import io.harbormaster.model.cutover.NoDataPolicy;
import io.harbormaster.model.cutover.PlanShape;
import io.harbormaster.model.cutover.Route53WeightedRecord;
import io.harbormaster.model.cutover.WeightedTarget;
import java.time.Duration;
import java.util.List;

/** A weighted record api.example.com. from blue to green in two 50 % steps, for the live view's tests. */
final class CutoverLiveFixtures {

    static final Route53WeightedRecord API = new Route53WeightedRecord("prod", "Z1", "example.com.",
            "api.example.com.", "A", 60, true, List.of(new WeightedTarget("blue", "blue", "a.elb", 100),
                    new WeightedTarget("green", "green", "b.elb", 0)));

    private CutoverLiveFixtures() {
    }

    /** Blue's and green's load balancers in these environments (same Region). */
    static CutoverPlan plan(String blueEnvironment, String greenEnvironment) {
        return CutoverPlanner.plan("c-1", API, "blue", "green", new PlanShape.Linear(50), Duration.ofMinutes(5),
                new GatePolicy(List.of(new GateRule(GateMetric.FIVE_XX_RATE, GateRule.Scope.BOTH, 1, 5)), List.of(),
                        NoDataPolicy.FAIL, Duration.ofMinutes(5), Duration.ofSeconds(30), true, true, false,
                        Duration.ofMinutes(5)),
                List.of(new CutoverSide("blue", "blue", blueEnvironment, "us-east-1", "arn:lb/blue", List.of()),
                        new CutoverSide("green", "green", greenEnvironment, "us-east-1", "arn:lb/green", List.of())));
    }
}
