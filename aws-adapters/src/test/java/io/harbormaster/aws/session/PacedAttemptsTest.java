package io.harbormaster.aws.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.AbortedException;

class PacedAttemptsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Long> slept = new ArrayList<>();
    private final PacedAttempts pacer = new PacedAttempts("a quota", 5, 5, now::get, nanos -> {
        slept.add(nanos);
        now.addAndGet(nanos);
    });

    @Test
    void theBurstGoesAtOnceThenEachAttemptWaitsForTheRefill() {
        for (int i = 0; i < 5; i++) {
            pacer.take();
        }
        assertThat(slept).isEmpty();
        long before = now.get();
        pacer.take();
        pacer.take();
        // 5 a second at 95 %: a token every 210.5 ms
        assertThat(now.get() - before).isBetween(420_000_000L, 425_000_000L);
    }

    @Test
    void aPauseRefillsTheBucketButNotBeyondItsBurst() {
        for (int i = 0; i < 5; i++) {
            pacer.take();
        }
        now.addAndGet(60_000_000_000L);
        for (int i = 0; i < 5; i++) {
            pacer.take();
        }
        assertThat(slept).isEmpty();
        assertThat(pacer.tryTake(now.get())).isPositive();
    }

    @Test
    void anInterruptWhileWaitingEndsTheCallAndKeepsTheFlag() {
        PacedAttempts interrupted = new PacedAttempts("Route 53's request quota", 1, 1, now::get, nanos -> {
            throw new InterruptedException();
        });
        interrupted.take();
        assertThatThrownBy(interrupted::take).isInstanceOf(AbortedException.class)
                .hasMessageContaining("Route 53's request quota");
        assertThat(Thread.interrupted()).isTrue();
    }
}
