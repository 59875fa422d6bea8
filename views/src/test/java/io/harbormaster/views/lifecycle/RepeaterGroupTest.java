package io.harbormaster.views.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import javafx.beans.property.SimpleBooleanProperty;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RepeaterGroupTest {

    private final ManualRepeater clock = new ManualRepeater();
    private final RepeaterGroup group = new RepeaterGroup(clock);

    @Test
    void stopAllStopsEveryRepetitionAndRefusesNewOnes() {
        AtomicInteger fleet = new AtomicInteger();
        AtomicInteger metrics = new AtomicInteger();
        group.every(Duration.ofSeconds(20), fleet::incrementAndGet);
        group.every(Duration.ofSeconds(60), metrics::incrementAndGet);
        clock.tick();
        assertThat(fleet).hasValue(1);
        assertThat(metrics).hasValue(1);

        group.stopAll();
        clock.tick();
        assertThat(clock.running()).isFalse();
        assertThat(fleet).hasValue(1);
        assertThat(metrics).hasValue(1);

        group.every(Duration.ofSeconds(20), fleet::incrementAndGet).run();
        clock.tick();
        assertThat(fleet).as("nothing starts after the window closed").hasValue(1);
    }

    @Test
    void aRepetitionStoppedByItsOwnerIsForgotten() {
        Runnable stop = group.every(Duration.ofSeconds(20), () -> { });
        assertThat(group.running()).isEqualTo(1);
        stop.run();
        stop.run();
        assertThat(group.running()).isZero();
        assertThat(clock.running()).isFalse();
    }

    @Test
    void repetitionsPauseWhileTheWindowDoesNotShowAndGoOnWhenItShowsAgain() {
        SimpleBooleanProperty showing = new SimpleBooleanProperty(true);
        group.follow(showing);
        AtomicInteger fleet = new AtomicInteger();
        group.every(Duration.ofSeconds(20), fleet::incrementAndGet);
        clock.tick();
        assertThat(fleet).hasValue(1);

        showing.set(false);
        clock.tick();
        assertThat(fleet).hasValue(1);
        assertThat(group.running()).isZero();
        AtomicInteger metrics = new AtomicInteger();
        group.every(Duration.ofSeconds(60), metrics::incrementAndGet);
        clock.tick();
        assertThat(metrics).as("asked for while hidden: starts when shown").hasValue(0);

        showing.set(true);
        clock.tick();
        assertThat(fleet).hasValue(2);
        assertThat(metrics).hasValue(1);
        assertThat(group.running()).isEqualTo(2);
    }
}
