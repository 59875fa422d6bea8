package io.harbormaster.model.concurrent;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;

/**
 * Waiting for something outside the app (an operator typing an MFA code, another thread's prompt) without holding
 * a worker of the {@link ThreadFamily#workPool work pool}: its pool is told the thread is blocked and starts a
 * spare meanwhile. On any other thread it is a plain {@link Future#get()}. ({@code CompletableFuture.get()} does
 * the same on its own; this says so where it matters and works for any future.)
 */
public final class Blocking {

    private Blocking() {
    }

    /** {@link Future#get()}, lending the worker back to its pool while it waits. */
    public static <T> T await(Future<T> future) throws InterruptedException, ExecutionException {
        if (Thread.currentThread() instanceof ForkJoinWorkerThread) {
            ForkJoinPool.managedBlock(new ForkJoinPool.ManagedBlocker() {
                @Override
                public boolean block() throws InterruptedException {
                    try {
                        future.get();
                    } catch (ExecutionException | CancellationException ended) {
                        // told below, by get()
                    }
                    return true;
                }

                @Override
                public boolean isReleasable() {
                    return future.isDone();
                }
            });
        }
        return future.get();
    }
}
