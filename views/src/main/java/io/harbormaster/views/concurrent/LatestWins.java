package io.harbormaster.views.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A slot where only the latest request counts: taking a new {@link Turn} cancels the work of the previous one
 * (its workers are interrupted and its results never delivered). Replaces the "generation counter" each view-model
 * used to keep, and unlike a counter it also stops the stale work instead of only ignoring its answer, so a load
 * for an environment the operator has left stops spending that account's throttling bucket.
 *
 * <pre>{@code
 * LatestWins.Turn turn = loads.next();          // cancels whatever the previous turn started
 * turn.submit(BackgroundTask.of(...).onSuccess(this::show));
 * ... later, in a listener: if (turn.isCurrent()) { ... }
 * }</pre>
 *
 * Used on the UI thread; {@link Turn#isCurrent()} may be read from any thread.
 */
public final class LatestWins {

    private final TaskExecutor executor;
    private volatile Turn current;

    public LatestWins(TaskExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.current = new Turn();
        this.current.over = true;
    }

    /** Cancels the previous turn's work and starts a new turn. */
    public Turn next() {
        Turn previous = current;
        Turn turn = new Turn();
        current = turn;
        previous.cancel();
        return turn;
    }

    /** The latest turn, for work that belongs to it without superseding it (a page of the same load). */
    public Turn current() {
        return current;
    }

    /** Shorthand for {@code next().submit(task)}. */
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        return next().submit(task);
    }

    /** Cancels the current turn's work; nothing is current until {@link #next()}. */
    public void cancel() {
        current.cancel();
    }

    /** Whether the current turn has work that has not finished yet. */
    public boolean isBusy() {
        return current.isBusy();
    }

    /** One request's share of the slot: the work it submitted, delivered only while it is the latest. */
    public final class Turn {
        private final List<TaskHandle> handles = new ArrayList<>();
        private volatile boolean over;

        private Turn() {
        }

        /** Still the latest turn, and not cancelled. */
        public boolean isCurrent() {
            return !over && current == this;
        }

        /** Submits work for this turn; its callbacks run only while this turn is current. */
        public <T> TaskHandle submit(BackgroundTask<T> task) {
            if (!isCurrent()) {
                return TaskHandle.DONE;
            }
            task.deliverOnlyWhile(this::isCurrent);
            TaskHandle handle = executor.submit(task);
            handles.removeIf(TaskHandle::isDone);
            handles.add(handle);
            return handle;
        }

        /** Cancels this turn's work; it is no longer current. */
        public void cancel() {
            over = true;
            List<TaskHandle> toCancel = List.copyOf(handles);
            handles.clear();
            toCancel.forEach(TaskHandle::cancel);
        }

        boolean isBusy() {
            return handles.stream().anyMatch(h -> !h.isDone());
        }
    }
}
