package io.harbormaster.aws.session;

import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.AbortedException;

/**
 * Waiting for a token of a client-side bucket that mirrors an AWS quota ({@code CallPacer}'s for ECS and ELB,
 * {@link PacedAttempts}' for Route 53): ask, sleep as long as the bucket says, ask again. An interrupt ends the
 * call the way the SDK ends an interrupted one, the thread's flag kept.
 */
public final class QuotaWait {

    /** Waits; {@link #THREAD_SLEEP} outside tests. */
    public interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    public static final Sleeper THREAD_SLEEP = nanos -> Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));

    private QuotaWait() {
    }

    /**
     * @param tryTake given the time now, takes a token and answers 0, or answers how long to wait (nanoseconds)
     * @param quota   the quota's name for the message of an interrupted wait
     */
    public static void take(LongUnaryOperator tryTake, LongSupplier nanoTime, Sleeper sleeper, Supplier<String> quota) {
        while (true) {
            long wait = tryTake.applyAsLong(nanoTime.getAsLong());
            if (wait == 0) {
                return;
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw AbortedException.builder().message("interrupted while waiting for " + quota.get()).cause(e)
                        .build();
            }
        }
    }
}
