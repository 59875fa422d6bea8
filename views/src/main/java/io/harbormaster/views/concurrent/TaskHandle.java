package io.harbormaster.views.concurrent;

/**
 * What {@link TaskExecutor#submit} hands back: a way to say the result is no longer wanted. Cancelling interrupts
 * the worker if the work is running (adapters stop issuing calls on interrupt), drops it if it is still queued, and
 * in every case neither {@code onSuccess} nor {@code onFailure} is delivered afterwards and the status bar no longer
 * shows it. Cancelling finished or already cancelled work does nothing.
 */
public interface TaskHandle {

    /** Call on the UI thread, where results are delivered, so "not delivered afterwards" holds without a race. */
    void cancel();

    boolean isCancelled();

    /** Finished, failed or cancelled: nothing more will be delivered. */
    boolean isDone();

    /** A handle for work that has already finished (or never started). */
    TaskHandle DONE = new TaskHandle() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };
}
