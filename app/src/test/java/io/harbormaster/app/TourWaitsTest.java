package io.harbormaster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The tour waits on a fleet's load as long as the load moves, and gives up once it stands still. */
class TourWaitsTest {

    private final TourWaits waits = new TourWaits(() -> "here", () -> { });

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aLoadThatKeepsMovingIsWaitedOnPastTheQuietTime() throws Exception {
        AtomicInteger looks = new AtomicInteger();
        AtomicReference<Object> progress = new AtomicReference<>(new Object());
        // Moves every look for 12 looks (~1.2 s), six times the 200 ms it may stand still, then is done.
        boolean done = waits.whileMoving(Duration.ofMillis(200), () -> looks.incrementAndGet() > 12, () -> {
            progress.set(new Object());
            return progress.get();
        });
        assertThat(done).isTrue();
        assertThat(looks.get()).isEqualTo(13);
    }

    @Test
    void aLoadThatStandsStillIsGivenUpOnAfterTheQuietTime() throws Exception {
        Object still = new Object();
        long began = System.nanoTime();
        boolean done = waits.whileMoving(Duration.ofMillis(300), () -> false, () -> still);
        assertThat(done).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
}
