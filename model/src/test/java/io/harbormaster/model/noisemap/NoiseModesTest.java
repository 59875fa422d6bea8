package io.harbormaster.model.noisemap;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.metrics.Thresholds;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoiseModesTest {

    private static final Optional<Thresholds> CPU = MetricKind.CPU_UTILIZATION.defaultThresholds();

    @Test
    void aFullyPackedHostIsDeepBlueNotRed() {
        HeatScale scale = NoiseModes.scale(MetricKind.CPU_RESERVATION,
                MetricKind.CPU_RESERVATION.defaultThresholds(), 100);
        assertThat(scale.leveled()).as("no warning or critical level for packing").isFalse();
        int packed = scale.argb(100, 255);
        assertThat(packed & 0xff).as("blue").isGreaterThan(packed >> 16 & 0xff);
        assertThat(packed).isNotEqualTo(HeatScale.RED);
        assertThat(scale.position(50)).isEqualTo(0.5);
    }

    @Test
    void reservationAndTaskCountAreCellsUtilisationAndTrafficAField() {
        assertThat(NoiseModes.field(MetricKind.CPU_RESERVATION)).isFalse();
        assertThat(NoiseModes.field(MetricKind.MEMORY_RESERVATION)).isFalse();
        assertThat(NoiseModes.field(MetricKind.TASK_COUNT)).isFalse();
        assertThat(NoiseModes.field(MetricKind.CPU_UTILIZATION)).isTrue();
        assertThat(NoiseModes.field(MetricKind.REQUEST_RATE)).isTrue();
    }

    @Test
    void aQuietPeriodIsScaledToItsBusiestHost() {
        assertThat(NoiseModes.quiet(CPU.orElseThrow(), 12)).isTrue();
        HeatScale weekend = NoiseModes.scale(MetricKind.CPU_UTILIZATION, CPU, 12);
        assertThat(weekend.leveled()).isFalse();
        assertThat(weekend.position(12)).as("the busiest host is the far end").isEqualTo(1.0);
        assertThat(weekend.position(3)).isEqualTo(0.25);

        HeatScale busy = NoiseModes.scale(MetricKind.CPU_UTILIZATION, CPU, 60);
        assertThat(busy.leveled()).isTrue();
        assertThat(busy.thresholds()).isEqualTo(CPU.orElseThrow());
    }

    @Test
    void withoutLevelsTheRampRunsToTheBusiestValue() {
        HeatScale tasks = NoiseModes.scale(MetricKind.TASK_COUNT, Optional.empty(), 8);
        assertThat(tasks.top()).isEqualTo(8);
        assertThat(NoiseModes.scale(MetricKind.TASK_COUNT, Optional.empty(), 0).top()).isEqualTo(1);
    }

    @Test
    void capacityIsStrandedWhereTheOtherResourceIsFull() {
        assertThat(NoiseModes.stranded(35, 96)).hasValue(65);
        assertThat(NoiseModes.stranded(100, 100)).as("fully packed: nothing stranded").isEmpty();
        assertThat(NoiseModes.stranded(35, 60)).as("room for another task").isEmpty();
        assertThat(NoiseModes.stranded(80, 95)).as("too little to matter").isEmpty();
    }
}
