package io.harbormaster.views.fleet;

import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.FleetProgress;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.PlacementDraft;
import io.harbormaster.model.fleet.Task;
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
final class PlacementInProgress extends LoadNews {

    /** A picture of 200,000 tasks costs the Hosts page a rebuild: once a second is live enough. */
    static final Duration SHOW_EVERY = Duration.ofSeconds(1);

    private final PlacementDraft draft;
    private final Executor uiThread;
    private final Consumer<PlacementDraft.View> show;
    /** The picture last counted in the status bar; counted again after the services' news, which shares its line. */
    private volatile PlacementDraft.View told;

    // UI thread only
    private long shownVersion = -1;

    PlacementInProgress(Clock clock, Executor uiThread, Consumer<PlacementDraft.View> show) {
        super(SHOW_EVERY);
        this.draft = new PlacementDraft(clock);
        this.uiThread = uiThread;
        this.show = show;
    }

    /** UI thread: shows the draft now, unless nothing changed since it was last shown. */
    @Override
    void showNow() {
        if (over() || draft.version() == shownVersion) {
            return;
        }
        PlacementDraft.View view = draft.view();
        shownVersion = view.version();
        if (view.tasksExpected() > 0 || view.hostsExpected() > 0) {
            told = view;
            tell(view);
        }
        show.accept(view);
    }

    @Override
    public void progress(FleetProgress p) {
        PlacementDraft.View view = told;
        if (view != null) {
            tell(view);
        }
    }

    /** The tasks' count on the load's line and its bar (the services' news shares them, and has its say first). */
    private void tell(PlacementDraft.View view) {
        progress().update(view.tasks().size(), Math.max(view.tasksExpected(), view.tasks().size()));
        progress().message(view.progress());
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
