package io.harbormaster.views.concurrent;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Holds submitted tasks until the test runs them, to check what happens when answers arrive late. A cancelled
 * task leaves the status bar at once and, when its turn comes, runs nothing and delivers nothing.
 */
public final class QueuedTaskExecutor implements TaskExecutor {

    private final Deque<Queued<?>> queue = new ArrayDeque<>();
    private final ObservableList<RunningTask> running = FXCollections.observableArrayList();
    private int cancelledCount;

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        Queued<T> queued = new Queued<>(task, new RunningTask(task.title()));
        if (!task.isQuiet()) {
            running.add(queued.shown); // as the real executors: a quiet task stays out of the status bar
        }
        queue.add(queued);
        return queued;
    }

    /** Runs the oldest waiting task. */
    public void runNext() {
        queue.removeFirst().run();
    }

    /** Runs the newest waiting task, leaving older ones to arrive later. */
    public void runLast() {
        queue.removeLast().run();
    }

    public void runAll() {
        while (!queue.isEmpty()) {
            runNext();
        }
    }

    public int waiting() {
        return queue.size();
    }

    /** How many submitted tasks were cancelled before they ran. */
    public int cancelled() {
        return cancelledCount;
    }

    @Override
    public ObservableList<RunningTask> runningTasks() {
        return running;
    }

    private final class Queued<T> implements TaskHandle {
        private final BackgroundTask<T> task;
        private final RunningTask shown;
        private boolean cancelled;
        private boolean done;

        Queued(BackgroundTask<T> task, RunningTask shown) {
            this.task = task;
            this.shown = shown;
        }

        void run() {
            running.remove(shown);
            if (cancelled) {
                return;
            }
            done = true;
            T result;
            try {
                result = task.call(BackgroundTask.Progress.NONE);
            } catch (Exception failure) {
                task.fail(failure);
                return;
            }
            task.succeed(result);
        }

        @Override
        public void cancel() {
            if (!done && !cancelled) {
                cancelled = true;
                cancelledCount++;
                running.remove(shown);
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }
    }
}
