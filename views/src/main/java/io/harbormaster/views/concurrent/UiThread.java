package io.harbormaster.views.concurrent;

import java.util.Objects;
import javafx.application.Platform;

/** The one bridge onto the JavaFX application thread: nothing else calls {@link Platform#runLater}. */
public final class UiThread {

    private UiThread() {
    }

    /** Runs now if already on the UI thread, otherwise as soon as the UI thread is free. */
    public static void runOnUi(Runnable action) {
        Objects.requireNonNull(action, "action");
        if (isUiThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /**
     * Runs on the UI thread after what it is doing now, even when called from it: focus once a dialog has shown, a
     * result handed over from a thread of our own.
     */
    public static void later(Runnable action) {
        Platform.runLater(Objects.requireNonNull(action, "action"));
    }

    public static boolean isUiThread() {
        return Platform.isFxApplicationThread();
    }
}
