package io.harbormaster.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatesTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private static MetricPoint at(long minutes, double v) {
        return new MetricPoint(T0.plus(Duration.ofMinutes(minutes)), v);
    }

    @Test
    void theSameTrafficReadsTheSameOnEveryRange() {
        // 10 requests a second, summed by CloudWatch over 1 min (Live), 5 min (24 h) and 30 min (7 d)
        assertThat(Rates.perSecond(List.of(at(0, 600)), Duration.ofMinutes(1))).containsExactly(at(0, 10));
        assertThat(Rates.perSecond(List.of(at(0, 3_000)), Duration.ofMinutes(5))).containsExactly(at(0, 10));
        assertThat(Rates.perSecond(List.of(at(0, 18_000)), Duration.ofMinutes(30))).containsExactly(at(0, 10));
    }

    @Test
    void aPeriodIsCompleteOnlyOnceItHasEnded() {
        Duration p = Duration.ofMinutes(30);
        assertThat(Rates.complete(T0, p, T0.plus(Duration.ofMinutes(29)))).isFalse();
        assertThat(Rates.complete(T0, p, T0.plus(p))).isTrue();
        assertThat(Rates.completeOnly(List.of(at(0, 2_000), at(30, 2_000), at(60, 400)), p,
                T0.plus(Duration.ofMinutes(66)))).containsExactly(at(0, 2_000), at(30, 2_000));
    }

    @Test
    void noFiveXxWhereRequestsWereServedIsZeroButNoRequestsIsNoPoint() {
        List<MetricPoint> requests = List.of(at(0, 100), at(1, 0), at(2, 50));
        assertThat(Rates.zeroWhereServed(List.of(at(2, 5)), requests)).containsExactly(at(0, 0), at(2, 5));
        assertThat(Rates.zeroWhereServed(List.of(), List.of())).isEmpty();
    }
}
