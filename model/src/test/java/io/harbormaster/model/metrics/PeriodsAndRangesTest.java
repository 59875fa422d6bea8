package io.harbormaster.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PeriodsAndRangesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:17:42Z");

    @Test
    void oneMinuteUpToSixHoursThenCoarserSoASeriesStaysShort() {
        assertThat(TimeRange.LIVE.period()).isEqualTo(Duration.ofMinutes(1));
        assertThat(TimeRange.H1.period()).isEqualTo(Duration.ofMinutes(1));
        assertThat(TimeRange.H6.period()).isEqualTo(Duration.ofMinutes(1));
        assertThat(TimeRange.H24.period()).isEqualTo(Duration.ofMinutes(5));
        assertThat(TimeRange.D7.period()).isEqualTo(Duration.ofMinutes(30));
        for (TimeRange r : TimeRange.PRESETS) {
            assertThat(Periods.points(r.span(), r.period())).isLessThanOrEqualTo(Periods.MAX_POINTS);
            assertThat(r.period().getSeconds() % 60).isZero();
        }
        assertThat(Periods.points(Duration.ofDays(455), Periods.forSpan(Duration.ofDays(455))))
                .isLessThanOrEqualTo(Periods.MAX_POINTS);
    }

    @Test
    void aWindowStartsOnAPeriodBoundaryAndEndsNow() {
        TimeWindow live = TimeRange.LIVE.window(NOW);
        assertThat(live.end()).isEqualTo(NOW);
        assertThat(live.start()).isEqualTo(Instant.parse("2026-11-22T09:17:00Z"));
        TimeWindow day = TimeRange.H24.window(NOW);
        assertThat(day.start()).isEqualTo(Instant.parse("2026-11-21T10:15:00Z"));
        assertThat(TimeRange.LIVE.live()).isTrue();
        assertThat(TimeRange.H1.live()).isFalse();
    }

    @Test
    void oldWindowsUseTheResolutionCloudWatchStillKeeps() {
        TimeWindow hourLongAgo = new TimeWindow(NOW.minus(Duration.ofDays(20)), NOW.minus(Duration.ofDays(20))
                .plus(Duration.ofHours(1)));
        assertThat(Periods.forWindow(hourLongAgo, NOW)).isEqualTo(Duration.ofMinutes(5));
        TimeWindow ancient = new TimeWindow(NOW.minus(Duration.ofDays(90)), NOW.minus(Duration.ofDays(89)));
        assertThat(Periods.forWindow(ancient, NOW)).isEqualTo(Duration.ofHours(1));
        assertThat(Periods.forWindow(TimeRange.H1.window(NOW), NOW)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void highResolutionMetricsPollAtTheirOwnPeriod() {
        assertThat(Periods.live(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(10));
        assertThat(Periods.live(Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(1));
        assertThat(Periods.live(Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void nonsenseRangesCannotExist() {
        assertThatThrownBy(() -> new TimeRange("x", Duration.ofSeconds(5), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeWindow(NOW, NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
