package io.harbormaster.model.noisemap;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.metrics.Thresholds;
import org.junit.jupiter.api.Test;

class HeatScaleTest {

    private final HeatScale cpu = new HeatScale(new Thresholds(70, 90, true));

    @Test
    void yellowAtWarningRedAtCriticalGreenBelow() {
        assertThat(cpu.argb(70, 255)).isEqualTo(HeatScale.YELLOW);
        assertThat(cpu.argb(90, 255)).isEqualTo(HeatScale.RED);
        assertThat(cpu.argb(99, 255)).isEqualTo(HeatScale.RED);
        assertThat(cpu.argb(50, 255)).isEqualTo(HeatScale.GREEN);
        assertThat(cpu.argb(5, 255)).isEqualTo(HeatScale.GREEN);
        assertThat(cpu.fastArgb(70, 255)).isEqualTo(HeatScale.YELLOW);
        assertThat(cpu.fastArgb(90, 255)).isEqualTo(HeatScale.RED);
        assertThat(cpu.fastArgb(10, 255)).isEqualTo(HeatScale.GREEN);
    }

    @Test
    void theColoursAreWhatTheyClaim() {
        assertThat(HeatScale.GREEN >> 8 & 0xff).isGreaterThan(HeatScale.GREEN >> 16 & 0xff);
        assertThat(HeatScale.RED >> 16 & 0xff).isGreaterThan(HeatScale.RED >> 8 & 0xff);
        assertThat(HeatScale.YELLOW >> 16 & 0xff).isEqualTo(HeatScale.YELLOW >> 8 & 0xff);
    }

    @Test
    void hotterValuesNeverLookCooler() {
        double previous = -1;
        for (double v = 0; v <= 100; v += 0.5) {
            double p = cpu.position(v);
            assertThat(p).isGreaterThanOrEqualTo(previous);
            previous = p;
        }
    }

    @Test
    void whereLowerIsWorseTheScaleRunsTheOtherWay() {
        HeatScale healthy = new HeatScale(new Thresholds(2, 1, false));

        assertThat(healthy.argb(1, 255)).isEqualTo(HeatScale.RED);
        assertThat(healthy.argb(0, 255)).isEqualTo(HeatScale.RED);
        assertThat(healthy.argb(2, 255)).isEqualTo(HeatScale.YELLOW);
        assertThat(healthy.argb(3, 255)).isEqualTo(HeatScale.GREEN);
    }

    @Test
    void noReadingIsTransparent() {
        assertThat(cpu.argb(Double.NaN, 255)).isZero();
        assertThat(cpu.argb(95, 128) >>> 24).isEqualTo(128);
    }
}
