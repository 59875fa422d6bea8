package io.harbormaster.views.concurrent;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Holds submitted tasks until the test runs them, to check what happens when answers arrive late. */
public final class QueuedTaskExecutor implements TaskExecutor {

    private final Deque<Runnable> queue = new ArrayDeque<>();
    private final ObservableList<RunningTask> running = FXCollections.observableArrayList();

    @Override
    public <T> void submit(BackgroundTask<T> task) {
        RunningTask shown = new RunningTask(task.title());
        running.add(shown);
        queue.add(() -> {
            running.remove(shown);
            T result;
            try {
                result = task.call(BackgroundTask.Progress.NONE);
            } catch (Exception failure) {
                task.fail(failure);
                return;
            }
            task.succeed(result);
        });
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

    @Override
    public ObservableList<RunningTask> runningTasks() {
        return running;
    }
}
