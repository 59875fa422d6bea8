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
}
