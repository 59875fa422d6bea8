package io.harbormaster.views.concurrent;

import javafx.collections.ObservableList;

/**
 * The one way views run blocking work: off the UI thread, with results and failures delivered back on it.
 * Injected everywhere; {@link FxTaskExecutor} in the app, {@link CurrentThreadTaskExecutor} in tests.
 */
public interface TaskExecutor {

    /** Starts the work; the handle cancels it. See {@link LatestWins} for "only the latest request counts". */
    <T> TaskHandle submit(BackgroundTask<T> task);

    /** The work in flight, oldest first, for the status bar. Read-only; changes on the UI thread. */
    ObservableList<RunningTask> runningTasks();
}
