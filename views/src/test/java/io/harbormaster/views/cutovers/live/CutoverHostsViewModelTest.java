package io.harbormaster.views.cutovers.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.cutover.CutoverPlan;
import io.harbormaster.model.cutover.CutoverPlanner;
import io.harbormaster.model.cutover.CutoverService;
import io.harbormaster.model.cutover.CutoverSide;
import io.harbormaster.model.cutover.GateMetric;
import io.harbormaster.model.cutover.GatePolicy;
import io.harbormaster.model.cutover.GateRule;
import io.harbormaster.model.cutover.NoDataPolicy;
import io.harbormaster.model.cutover.PlanShape;
import io.harbormaster.model.cutover.Route53WeightedRecord;
import io.harbormaster.model.cutover.WeightedTarget;
import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.metrics.ThresholdSettings;
import io.harbormaster.model.metrics.Thresholds;
import io.harbormaster.model.noisemap.HeatScale;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.lifecycle.ManualRepeater;
import io.harbormaster.views.metrics.FakeMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The two sides' noise maps: one colour scale for both, so the same load reads as the same colour on either side. */
class CutoverHostsViewModelTest {

    private static final Route53WeightedRecord API = new Route53WeightedRecord("prod", "Z1", "example.com.",
            "api.example.com.", "A", 60, true, List.of(new WeightedTarget("blue", "blue", "a.elb", 100),
                    new WeightedTarget("green", "green", "b.elb", 0)));
    private static final CutoverPlan PLAN = CutoverPlanner.plan("c-1", API, "blue", "green", new PlanShape.Linear(50),
            Duration.ofMinutes(5), new GatePolicy(List.of(new GateRule(GateMetric.FIVE_XX_RATE, GateRule.Scope.BOTH,
                    1, 5)), List.of(), NoDataPolicy.FAIL, Duration.ofMinutes(5), Duration.ofSeconds(30), true, true,
                    false, Duration.ofMinutes(5)),
            List.of(new CutoverSide("blue", "blue", "stage", "us-east-1", "arn:lb/blue", List.of()),
                    new CutoverSide("green", "green", "prod", "us-east-1", "arn:lb/green", List.of())));

    private final FakeMetrics metrics = new FakeMetrics();

    /** Blue's hosts run at {@code blue} % CPU, green's at {@code green} %. */
    private CutoverHostsViewModel shown(double blue, double green) {
        CutoverHostsViewModel vm = new CutoverHostsViewModel(PLAN, side -> {
            boolean isBlue = side.targetId().equals("blue");
            // each side's hosts are read right after they are found (same-thread executor)
            metrics.cloudWatch = (q, at) -> isBlue ? blue : green;
            return Optional.of(new CutoverService.SideHosts(Fixtures.session(isBlue ? Fixtures.STAGE : Fixtures.PROD),
                    FleetFixtures.snapshot(side.environmentId(), Fixtures.NOW)));
        }, metrics.deps(), new CurrentThreadTaskExecutor(), new ManualRepeater());
        vm.metricProperty().set(MetricKind.CPU_UTILIZATION);
        vm.activeProperty().set(true);
        return vm;
    }

    private static HeatScale scaleOf(CutoverHostsViewModel vm, int side) {
        return vm.sides().get(side).map().scaleProperty().get();
    }

    @Test
    void aQuietDayIsOneRampUpToTheBusierSide() {
        CutoverHostsViewModel vm = shown(10, 30);

        assertThat(scaleOf(vm, 0)).isNotNull().isSameAs(scaleOf(vm, 1)).isSameAs(vm.scaleProperty().get());
        assertThat(scaleOf(vm, 0).leveled()).isFalse();
        assertThat(scaleOf(vm, 0).top()).as("blue's 10 % is coloured against green's 30 %").isEqualTo(30);
        assertThat(scaleOf(vm, 0).argb(30, 255)).isEqualTo(scaleOf(vm, 1).argb(30, 255));
    }

    @Test
    void bothSidesReadTheLevelsOfTheSideTrafficGoesTo() {
        metrics.put("stage", ThresholdSettings.FLEET, MetricKind.CPU_UTILIZATION, new Thresholds(20, 40, true));

        CutoverHostsViewModel vm = shown(60, 60);

        assertThat(scaleOf(vm, 0).thresholds()).isEqualTo(MetricKind.CPU_UTILIZATION.defaultThresholds().orElseThrow());
        assertThat(scaleOf(vm, 1).thresholds()).isEqualTo(scaleOf(vm, 0).thresholds());
        assertThat(vm.sides().get(0).map().thresholdsProperty().get()).isEqualTo(scaleOf(vm, 0).thresholds());
    }
}
