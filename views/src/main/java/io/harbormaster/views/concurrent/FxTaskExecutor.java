package io.harbormaster.views.concurrent;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Runs tasks on the given pool and delivers callbacks and progress on the UI thread via {@link UiThread}.
 * The pool is the app's, and so is shutting it down.
 */
public final class FxTaskExecutor implements TaskExecutor {

    private static final System.Logger LOG = System.getLogger(FxTaskExecutor.class.getName());

    private final ExecutorService pool;
    private final ObservableList<RunningTask> running = FXCollections.observableArrayList();
    private final ObservableList<RunningTask> readOnly = FXCollections.unmodifiableObservableList(running);
    private final AtomicBoolean closing = new AtomicBoolean();

    public FxTaskExecutor(ExecutorService pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        Objects.requireNonNull(task, "task");
        RunningTask shown = new RunningTask(task.title());
        if (!task.isQuiet()) {
            UiThread.runOnUi(() -> running.add(shown));
        }
        Handle<T> handle = new Handle<>(task, shown);
        try {
            handle.future = pool.submit(() -> runOnWorker(handle));
        } catch (RejectedExecutionException shutDown) {
            handle.finish(() -> failUnlessClosing(task, shutDown));
        }
        return handle;
    }

    /**
     * The wiring is closing: its AWS clients close next, so a read in flight fails for the shutdown's sake, not for
     * anything an operator should hear of. From now on failures are dropped (logged at DEBUG), never delivered.
     * Call before the clients close.
     */
    public void close() {
        closing.set(true);
    }

    private void failUnlessClosing(BackgroundTask<?> task, Throwable failure) {
        if (closing.get()) {
            LOG.log(System.Logger.Level.DEBUG, () -> "'" + task.title() + "' ended by the shutdown: " + failure);
            return;
        }
        task.fail(failure);
    }

    private <T> void runOnWorker(Handle<T> handle) {
        if (!handle.startOn(Thread.currentThread())) {
            return;
        }
        T result;
        try {
            result = handle.task.call(new CoalescingProgress(handle.shown));
        } catch (Exception | LinkageError failure) {
            handle.finish(() -> failUnlessClosing(handle.task, failure));
            return;
        } finally {
            handle.leave();
        }
        handle.finish(() -> handle.task.succeed(result));
    }

    /**
     * A submitted task: cancelling drops it from the queue or interrupts the thread running it (by hand: not every
     * pool's futures interrupt), and delivery on the UI thread checks it was not cancelled.
     */
    private final class Handle<T> implements TaskHandle {
        private final BackgroundTask<T> task;
        private final RunningTask shown;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile Future<?> future;
        private Thread runner;

        Handle(BackgroundTask<T> task, RunningTask shown) {
            this.task = task;
            this.shown = shown;
        }

        @Override
        public void cancel() {
            if (done.get() || !cancelled.compareAndSet(false, true)) {
                return;
            }
            Future<?> queued = future;
            if (queued != null) {
                queued.cancel(false);
            }
            synchronized (this) {
                if (runner != null) {
                    runner.interrupt();
                }
            }
            LOG.log(System.Logger.Level.DEBUG, () -> "cancelled '" + task.title() + "'");
            UiThread.runOnUi(() -> {
                done.set(true);
                FxTaskExecutor.this.running.remove(shown);
            });
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }

        /** On the worker: false when cancelled before it started. */
        synchronized boolean startOn(Thread worker) {
            if (cancelled.get()) {
                return false;
            }
            runner = worker;
            return true;
        }

        /** On the worker, once the work returned: an interrupt meant for this task must not hit the next one. */
        synchronized void leave() {
            runner = null;
            Thread.interrupted();
        }

        @Override
        public boolean isDone() {
            return done.get() || cancelled.get();
        }

        /** On the UI thread: leaves the status bar and delivers, unless cancelled meanwhile. */
        void finish(Runnable deliver) {
            UiThread.runOnUi(() -> {
                running.remove(shown);
                if (cancelled.get() || !done.compareAndSet(false, true)) {
                    return;
                }
                deliver.run();
            });
        }
    }

    @Override
    public ObservableList<RunningTask> runningTasks() {
        return readOnly;
    }

    /** Forwards only the latest progress, so a chatty worker cannot flood the UI thread. */
    private static final class CoalescingProgress implements BackgroundTask.Progress {
        private final RunningTask shown;
        private final AtomicLong done = new AtomicLong();
        private final AtomicLong total = new AtomicLong();
        private final AtomicInteger pending = new AtomicInteger();

        CoalescingProgress(RunningTask shown) {
            this.shown = shown;
        }

        @Override
        public void update(long doneNow, long totalNow) {
            done.set(doneNow);
            total.set(totalNow);
            if (pending.getAndIncrement() == 0) {
                UiThread.runOnUi(() -> {
                    pending.set(0);
                    shown.setProgress(done.get(), total.get());
                });
            }
        }

        @Override
        public void message(String message) {
            UiThread.runOnUi(() -> shown.setMessage(message));
        }
    }
}
