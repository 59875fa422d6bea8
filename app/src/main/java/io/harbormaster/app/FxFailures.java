package io.harbormaster.app;

import io.harbormaster.app.PageTour.TourFailure;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What failed on the UI thread while {@link PageTour} runs: a page whose view cannot be built (a class or module
 * missing from the installed runtime) throws inside a listener, which JavaFX hands to the thread's uncaught-exception
 * handler and carries on. Installed on the UI thread, it notes the first such failure and passes each on to the
 * handler it replaced.
 */
final class FxFailures {

    private final AtomicReference<Throwable> first = new AtomicReference<>();
    private Thread uiThread;
    private Thread.UncaughtExceptionHandler replaced;

    /** Call on the UI thread. */
    void install() {
        uiThread = Thread.currentThread();
        replaced = uiThread.getUncaughtExceptionHandler();
        uiThread.setUncaughtExceptionHandler((thread, failure) -> {
            first.compareAndSet(null, failure);
            replaced.uncaughtException(thread, failure);
        });
    }

    /** Call on the UI thread. */
    void uninstall() {
        if (uiThread != null) {
            uiThread.setUncaughtExceptionHandler(replaced);
        }
    }

    /** Fails the tour at {@code where} if something failed on the UI thread since it was installed. */
    void check(String where) {
        Throwable failure = first.get();
        if (failure != null) {
            throw new TourFailure(where + ": the UI thread failed: " + failure, failure);
        }
    }
}
