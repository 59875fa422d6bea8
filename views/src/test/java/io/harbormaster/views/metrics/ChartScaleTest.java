package io.harbormaster.views.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.metrics.MetricKind;
import org.junit.jupiter.api.Test;

class ChartScaleTest {

    @Test
    void axisNumbersAreShortAndNeverSixThousandK() {
        assertThat(ChartScale.number(6_000_000)).isEqualTo("6M");
        assertThat(ChartScale.number(2_500_000)).isEqualTo("2.5M");
        assertThat(ChartScale.number(12_500)).isEqualTo("12.5k");
        assertThat(ChartScale.number(600)).isEqualTo("600");
        assertThat(ChartScale.number(7.5)).isEqualTo("7.5");
        assertThat(ChartScale.number(0.30000000000000004)).isEqualTo("0.3");
        assertThat(ChartScale.number(0.0042)).isEqualTo("0.0042");
        assertThat(ChartScale.number(0)).isEqualTo("0");
        assertThat(ChartScale.number(999_990)).as("rounded up into the next unit").isEqualTo("1M");
        assertThat(ChartScale.number(999_940)).isEqualTo("999.9k");
        assertThat(ChartScale.number(999_990_000)).isEqualTo("1G");
        assertThat(ChartScale.value(12.34, "req/s")).isEqualTo("12.3 req/s");
    }

    @Test
    void titlesSayTheUnitOnce() {
        assertThat(ChartTitles.of(MetricKind.REQUEST_COUNT)).isEqualTo("Requests per second");
        assertThat(ChartTitles.of(MetricKind.CPU_UTILIZATION)).isEqualTo("CPU utilisation (%)");
        assertThat(ChartTitles.of(MetricKind.LATENCY_P99)).isEqualTo("Latency p99 (seconds)");
        for (MetricKind kind : MetricKind.values()) {
            String title = ChartTitles.of(kind).toLowerCase();
            assertThat(title).as(kind.name()).doesNotContain("(" + kind.label().toLowerCase());
            String unit = kind.unit().toLowerCase();
            if (unit.length() > 2) {
                assertThat(title.indexOf(unit)).as(kind + " names its unit at most once")
                        .isEqualTo(title.lastIndexOf(unit));
            }
        }
    }
}
