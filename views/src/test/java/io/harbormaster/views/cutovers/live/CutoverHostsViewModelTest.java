package io.harbormaster.views.cutovers.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.cutover.CutoverPlan;
import io.harbormaster.model.cutover.CutoverService;
import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.metrics.ThresholdSettings;
import io.harbormaster.model.metrics.Thresholds;
import io.harbormaster.model.noisemap.HeatScale;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.lifecycle.ManualRepeater;
import io.harbormaster.views.metrics.FakeMetrics;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The two sides' noise maps: one colour scale for both, so the same load reads as the same colour on either side. */
class CutoverHostsViewModelTest {

    private static final CutoverPlan PLAN = CutoverLiveFixtures.plan("stage", "prod");

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
