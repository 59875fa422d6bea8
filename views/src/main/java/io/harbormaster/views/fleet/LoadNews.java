package io.harbormaster.views.fleet;

import io.harbormaster.model.fleet.FleetLoadListener;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.lifecycle.Repeater;
import java.time.Duration;

/**
 * A running full load's news on its way to the screen: shown on the UI thread every period from {@link #start}
 * until {@link #stop}, and told to the load's line in the status bar ({@link #reportTo}).
 */
abstract class LoadNews implements FleetLoadListener {

    private final Duration every;
    private volatile BackgroundTask.Progress progress = BackgroundTask.Progress.NONE;

    // UI thread only
    private Runnable stopTicking;
    private boolean over;

    LoadNews(Duration every) {
        this.every = every;
    }

    /** UI thread: starts showing the news every period. */
    final void start(Repeater repeater) {
        stopTicking = repeater.every(every, this::showNow);
    }

    /** UI thread: nothing more is shown, whatever is still being made. */
    final void stop() {
        over = true;
        if (stopTicking != null) {
            stopTicking.run();
            stopTicking = null;
        }
    }

    /** The status bar's line for the load's background task; set from the task's worker. */
    final void reportTo(BackgroundTask.Progress to) {
        progress = to;
    }

    final BackgroundTask.Progress progress() {
        return progress;
    }

    /** UI thread: whether the load is over for this news (shown no more). */
    final boolean over() {
        return over;
    }

    /** UI thread: shows the news now, unless there is nothing new. */
    abstract void showNow();
}
