package io.harbormaster.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchPlannerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private static List<MetricQuery> queries(int n, Duration period) {
        List<MetricQuery> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new MetricQuery("h" + i, MetricId.of("Harbormaster/ContainerInstance", "CPUUtilization",
                    Map.of("ContainerInstanceId", "ci" + i)), "Average", period));
        }
        return out;
    }

    @Test
    void aThousandHostsForAnHourAreTwoCallsOfFiveHundred() {
        List<List<MetricQuery>> calls = BatchPlanner.plan(queries(1_000, Duration.ofMinutes(1)),
                TimeRange.LIVE.window(NOW));
        assertThat(calls).hasSize(2).allSatisfy(c -> assertThat(c).hasSize(500));
        assertThat(calls.get(0).get(0).id()).isEqualTo("h0");
        assertThat(calls.get(1).get(499).id()).isEqualTo("h999");
    }

    @Test
    void longSeriesAreSplitByThePointLimit() {
        TimeWindow day = new TimeWindow(NOW.minus(Duration.ofDays(1)), NOW);
        List<List<MetricQuery>> calls = BatchPlanner.plan(queries(200, Duration.ofMinutes(1)), day);
        // 1,441 points each: 69 queries fit under 100,800
        assertThat(calls).hasSize(3);
        assertThat(calls.get(0)).hasSize(69);
        for (List<MetricQuery> call : calls) {
            assertThat(call.stream().mapToLong(q -> BatchPlanner.pointsOf(q, day)).sum())
                    .isLessThanOrEqualTo(BatchPlanner.MAX_POINTS);
        }
        assertThat(calls.stream().mapToInt(List::size).sum()).isEqualTo(200);
    }

    @Test
    void aNoiseMapDayAtFiveMinutesKeepsToThePointLimit() {
        TimeWindow day = TimeRange.H24.window(NOW);
        assertThat(BatchPlanner.plan(queries(1_000, TimeRange.H24.period()), day)).hasSize(3);
        assertThat(BatchPlanner.plan(queries(300, TimeRange.H24.period()), day)).hasSize(1);
    }

    @Test
    void nothingToFetchIsNoCallAndDuplicateIdsAreRefused() {
        assertThat(BatchPlanner.plan(List.of(), TimeRange.H1.window(NOW))).isEmpty();
        List<MetricQuery> twice = new ArrayList<>(queries(2, Duration.ofMinutes(1)));
        twice.add(twice.get(0));
        assertThatThrownBy(() -> BatchPlanner.plan(twice, TimeRange.H1.window(NOW)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("h0");
    }
}
