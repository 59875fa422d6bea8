package io.harbormaster.aws.ecs;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.core.exception.AbortedException;

/**
 * Whether one load or refresh is still wanted. The caller's thread waits on the pool's futures interruptibly
 * ({@link #await}); interrupting it (the console cancels a load the operator no longer looks at) cancels the run,
 * and every call not yet made then fails at once instead of being sent ({@link #check}), so a stale load stops
 * spending the account's throttling buckets. Calls already on the wire finish.
 */
final class RunCancellation {

    private volatile boolean cancelled;

    void cancel() {
        cancelled = true;
    }

    boolean isCancelled() {
        return cancelled;
    }

    /** Before every call: fails if the run was cancelled. */
    void check() {
        if (cancelled) {
            throw AbortedException.builder().message("the load was cancelled").build();
        }
    }

    /**
     * {@link CompletableFuture#join()} that an interrupt ends: the run is cancelled and the wait gives up with a
     * {@link CancellationException} (the interrupt stays set for the caller).
     */
    <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException interrupted) {
            cancel();
            Thread.currentThread().interrupt();
            CancellationException e = new CancellationException("the load was cancelled");
            e.initCause(interrupted);
            throw e;
        } catch (ExecutionException failed) {
            throw new CompletionException(failed.getCause());
        }
    }

    /** Once cancelled, a failure is the cancellation, not a problem to report. */
    void rethrowIfCancelled() {
        if (cancelled) {
            throw new CancellationException("the load was cancelled");
        }
    }
}
