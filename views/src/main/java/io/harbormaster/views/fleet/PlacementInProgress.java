package io.harbormaster.views.fleet;

import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.FleetLoadListener;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.PlacementDraft;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.lifecycle.Repeater;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A full load's hosts and tasks on their way to the pages that draw them, beside {@link LoadInProgress} (which
 * carries the services): the loader's workers write into a {@link PlacementDraft}; every {@link #SHOW_EVERY}, and
 * at once when the last host is in, a picture of it goes to {@code show} on the UI thread, and its count ("tasks
 * 82,000 of 203,809 · about 2 min left") to the load's line in the status bar, which every page shows.
 */
final class PlacementInProgress implements FleetLoadListener {

    /** A picture of 200,000 tasks costs the Hosts page a rebuild: once a second is live enough. */
    static final Duration SHOW_EVERY = Duration.ofSeconds(1);

    private final PlacementDraft draft;
    private final Executor uiThread;
    private final Consumer<PlacementDraft.View> show;
    private volatile BackgroundTask.Progress progress = BackgroundTask.Progress.NONE;

    // UI thread only
    private Runnable stopTicking;
    private long shownVersion = -1;
    private boolean over;

    PlacementInProgress(Clock clock, Executor uiThread, Consumer<PlacementDraft.View> show) {
        this.draft = new PlacementDraft(clock);
        this.uiThread = uiThread;
        this.show = show;
    }

    /** UI thread: starts showing the draft every {@link #SHOW_EVERY}. */
    void start(Repeater repeater) {
        stopTicking = repeater.every(SHOW_EVERY, this::showNow);
    }

    /** UI thread: nothing more is shown. */
    void stop() {
        over = true;
        if (stopTicking != null) {
            stopTicking.run();
            stopTicking = null;
        }
    }

    /** The status bar's line for the load's background task; set from the task's worker. */
    void reportTo(BackgroundTask.Progress to) {
        progress = to;
    }

    /** UI thread: shows the draft now, unless nothing changed since it was last shown. */
    void showNow() {
        if (over || draft.version() == shownVersion) {
            return;
        }
        PlacementDraft.View view = draft.view();
        shownVersion = view.version();
        if (view.tasksExpected() > 0 || view.hostsExpected() > 0) {
            progress.update(view.tasks().size(), Math.max(view.tasksExpected(), view.tasks().size()));
            progress.message(view.progress());
        }
        show.accept(view);
    }

    @Override
    public void clustersFound(List<Cluster> clusters) {
        draft.clustersFound(clusters);
    }

    @Override
    public void hostsDescribed(Cluster cluster, List<Host> hosts) {
        boolean first = draft.version() <= 1;
        draft.hostsDescribed(hosts);
        if (first || draft.hostsIn()) {
            uiThread.execute(this::showNow); // the first hosts, and the last: worth drawing without waiting
        }
    }

    @Override
    public void tasksDescribed(Cluster cluster, List<Task> tasks) {
        draft.tasksDescribed(tasks);
    }
}
