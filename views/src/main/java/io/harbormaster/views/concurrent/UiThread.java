package io.harbormaster.views.concurrent;

import java.util.Objects;
import javafx.application.Platform;

/** The one bridge onto the JavaFX application thread. */
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

    public static boolean isUiThread() {
        return Platform.isFxApplicationThread();
    }
}
