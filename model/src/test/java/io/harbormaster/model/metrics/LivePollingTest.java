package io.harbormaster.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LivePollingTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void pausedWhileNothingVisibleIsLive() {
        LivePolling polling = new LivePolling();
        assertThat(polling.active()).isFalse();
        assertThat(polling.delay(T0)).isEmpty();
        assertThat(polling.due(T0)).isFalse();
    }

    @Test
    void pollsAtOnceThenEveryMinuteAndFasterForAHighResolutionViewer() {
        LivePolling polling = new LivePolling();
        polling.show("dashboard", Duration.ofMinutes(1));
        assertThat(polling.due(T0)).isTrue();
        polling.polled(T0);
        assertThat(polling.delay(T0.plusSeconds(15))).contains(Duration.ofSeconds(45));
        assertThat(polling.due(T0.plusSeconds(60))).isTrue();

        polling.show("latency", Duration.ofSeconds(10));
        assertThat(polling.interval()).contains(Duration.ofSeconds(10));
        assertThat(polling.delay(T0.plusSeconds(4))).contains(Duration.ofSeconds(6));

        polling.hide("latency");
        polling.hide("dashboard");
        assertThat(polling.delay(T0.plusSeconds(600))).isEmpty();
    }

    @Test
    void aClockThatRanAnHourBetweenPollsIsCaughtUpWholeNotJustItsLastMinutes() {
        LivePolling polling = new LivePolling();
        Duration overlap = Duration.ofMinutes(5);
        Duration minute = Duration.ofMinutes(1);
        Instant windowStart = T0.minus(Duration.ofHours(1));
        polling.covered(T0);

        // at x60 a wall minute is a sandbox hour
        Instant later = T0.plus(Duration.ofHours(1));
        TimeWindow next = polling.topUp(later, overlap, minute, windowStart);
        assertThat(next.start()).as("from just before the last answer").isEqualTo(T0.minus(overlap));
        assertThat(polling.topUp(later, overlap, minute, T0).start()).as("the whole window shown, no earlier")
                .isEqualTo(T0);
        assertThat(next.end()).isEqualTo(later);

        polling.covered(later);
        Instant soon = later.plusSeconds(65);
        assertThat(polling.topUp(soon, overlap, minute, windowStart).start()).as("normally: the last few minutes")
                .isEqualTo(later.minus(overlap));
        assertThat(polling.topUp(T0.plus(Duration.ofDays(1)), overlap, minute, T0.plus(Duration.ofHours(23)))
                .start()).as("never before the window shown").isEqualTo(T0.plus(Duration.ofHours(23)));
    }

    @Test
    void dueFollowsTheMetricsClockNotTheWall() {
        LivePolling polling = new LivePolling();
        polling.show("dashboard", Duration.ofMinutes(1));
        polling.polled(T0);
        assertThat(polling.due(T0)).as("a stopped clock asks nothing new").isFalse();
        assertThat(polling.due(T0.plusSeconds(60))).isTrue();
    }
}
