package io.harbormaster.views.concurrent;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A task the status bar shows while it runs. Properties change on the UI thread only.
 * Progress is {@code -1} (indeterminate) until the work reports otherwise, as {@link javafx.scene.control.ProgressBar}
 * expects.
 */
public final class RunningTask {

    private final String title;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    RunningTask(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    void setProgress(long done, long total) {
        progress.set(total <= 0 ? -1 : Math.min(1.0, Math.max(0.0, (double) done / total)));
    }

    void setMessage(String text) {
        message.set(text == null ? "" : text);
    }

    @Override
    public String toString() {
        return title;
    }
}
