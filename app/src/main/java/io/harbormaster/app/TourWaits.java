package io.harbormaster.app;

import io.harbormaster.app.PageTour.TourFailure;
import io.harbormaster.views.concurrent.UiThread;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * How {@link PageTour} works on the UI thread from its own: each step and each look at the console's state runs there
 * and is waited for, so the tour never blocks the UI thread and reads its state where it is consistent. A failure
 * there comes back as a {@link TourFailure} naming where the tour was.
 */
final class TourWaits {

    /** One wait: an environment entered, a fleet loaded, a page's data read; generous for a busy 2-core machine. */
    static final Duration WAIT = Duration.ofSeconds(120);
    private static final long POLL_MS = 100;

    private final Supplier<String> where;
    private final Runnable eachLook;

    /**
     * @param where    where the tour is, for the failures' messages
     * @param eachLook runs on the UI thread before each look at a condition (answering what the console asks)
     */
    TourWaits(Supplier<String> where, Runnable eachLook) {
        this.where = where;
        this.eachLook = eachLook;
    }

    /** Runs {@code work} on the UI thread and returns its result. */
    <T> T onUi(Supplier<T> work) throws InterruptedException {
        CompletableFuture<T> result = new CompletableFuture<>();
        UiThread.runOnUi(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TourFailure failure) {
                throw failure;
            }
            throw new TourFailure(where.get() + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new TourFailure(where.get() + ": the UI thread did not answer within " + WAIT.toSeconds() + " s",
                    e);
        }
    }

    /** Runs {@code work} on the UI thread and waits until it has run. */
    void run(Runnable work) throws InterruptedException {
        onUi(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Whether {@code condition}, asked on the UI thread every {@value #POLL_MS} ms, held before {@code progress} (read
     * there too, and compared by equals) stood still for {@code quiet}: for work whose length grows with the fleet (a
     * large fleet's first load is minutes here), waited on as long as it moves rather than for a fixed time.
     */
    boolean whileMoving(Duration quiet, BooleanSupplier condition, Supplier<?> progress) throws InterruptedException {
        Object[] last = {null};
        long[] movedAt = {System.nanoTime()};
        while (true) {
            boolean holds = onUi(() -> {
                eachLook.run();
                Object now = progress.get();
                if (!Objects.equals(now, last[0])) {
                    last[0] = now;
                    movedAt[0] = System.nanoTime();
                }
                return condition.getAsBoolean();
            });
            if (holds) {
                return true;
            }
            if (System.nanoTime() - movedAt[0] > quiet.toNanos()) {
                return false;
            }
            Thread.sleep(POLL_MS);
        }
    }

    /** Whether {@code condition}, asked on the UI thread every {@value #POLL_MS} ms, held within {@code timeout}. */
    boolean within(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean holds = onUi(() -> {
                eachLook.run();
                return condition.getAsBoolean();
            });
            if (holds) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL_MS);
        }
    }
}
