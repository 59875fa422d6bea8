package io.harbormaster.views.concurrent;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Runs each task inline on the caller's thread, callbacks included, so view-model tests are deterministic.
 * The work has finished by the time {@code submit} returns, so its handle has nothing left to cancel.
 * Not for production: on the UI thread it would freeze the window for as long as the work takes.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    private final ObservableList<RunningTask> running = FXCollections.observableArrayList();
    private final ObservableList<RunningTask> readOnly = FXCollections.unmodifiableObservableList(running);
    private int submitted;

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        submitted++;
        RunningTask shown = new RunningTask(task.title());
        if (!task.isQuiet()) {
            running.add(shown);
        }
        T result;
        try {
            result = task.call(new BackgroundTask.Progress() {
                @Override
                public void update(long done, long total) {
                    shown.setProgress(done, total);
                }

                @Override
                public void message(String message) {
                    shown.setMessage(message);
                }
            });
        } catch (Exception | LinkageError failure) {
            running.remove(shown);
            task.fail(failure);
            return TaskHandle.DONE;
        }
        running.remove(shown);
        task.succeed(result);
        return TaskHandle.DONE;
    }

    @Override
    public ObservableList<RunningTask> runningTasks() {
        return readOnly;
    }

    /** How many tasks have been submitted so far; lets tests assert that nothing was loaded. */
    public int submittedCount() {
        return submitted;
    }
}
