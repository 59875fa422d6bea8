package io.harbormaster.app.journey;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waiting for the UI, with every condition evaluated on the UI thread: the view-models' lists and properties change
 * there, many times a second during a load, and reading them from the test thread meanwhile is a race. A wait has
 * a name, said when it times out.
 */
final class UiWaits {

    static final Duration DEFAULT = Duration.ofSeconds(20);

    private UiWaits() {
    }

    /** What the UI thread answers now; the caller waits for it (10 s at most). */
    static <T> T onUi(Callable<T> read) {
        if (Platform.isFxApplicationThread()) {
            try {
                return read.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("reading on the UI thread failed", e);
            }
        }
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading on the UI thread", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("reading on the UI thread failed", cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the UI thread did not answer within 10 s", e);
        }
    }

    /**
     * Waits until the condition holds on the UI thread. A condition that throws (a node not there yet) counts as
     * not yet; the last such failure is kept as the cause of the timeout.
     *
     * @throws Timeout naming what was waited for and for how long
     */
    static void until(String what, Duration timeout, BooleanSupplier condition) {
        AtomicReference<Throwable> lastFailure = new AtomicReference<>();
        try {
            WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, () -> {
                try {
                    return onUi(condition::getAsBoolean);
                } catch (RuntimeException | AssertionError e) {
                    lastFailure.set(e);
                    return false;
                }
            });
        } catch (TimeoutException e) {
            Timeout timedOut = new Timeout(what, timeout);
            if (lastFailure.get() != null) {
                timedOut.initCause(lastFailure.get());
            }
            throw timedOut;
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A named wait that ran out. */
    static final class Timeout extends AssertionError {

        private static final long serialVersionUID = 1L;

        Timeout(String what, Duration timeout) {
            super("Timed out after " + timeout.toSeconds() + " s waiting until " + what);
        }
    }
}
