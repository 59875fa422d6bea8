package io.harbormaster.views.fleet;

import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.FleetDraft;
import io.harbormaster.model.fleet.FleetProgress;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.TaskDefinition;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.TaskExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One full load's news on its way to the screen. The loader's workers write into a {@link FleetDraft}; at most
 * every {@link #SHOW_EVERY} (and at once when every cluster is listed, and when every service is in) a picture of
 * it is made off the UI thread and handed to {@code show} on the UI thread, whole. Hundreds of batches a second
 * become a few calm updates instead of hundreds of table rebuilds.
 */
final class LoadInProgress extends LoadNews {

    /** Often enough to look live, rarely enough that 2,000 rows are not rebuilt for every batch. */
    static final Duration SHOW_EVERY = Duration.ofMillis(200);

    private final FleetDraft draft;
    private final TaskExecutor executor;
    private final Executor uiThread;
    private final Clock clock;
    private final Consumer<FleetDraft.View> show;
    private volatile boolean servicesIn;

    // UI thread only
    private long shownVersion = -1;
    private boolean building;
    private boolean again;

    LoadInProgress(FleetDraft draft, TaskExecutor executor, Executor uiThread, Clock clock,
            Consumer<FleetDraft.View> show) {
        super(SHOW_EVERY);
        this.draft = draft;
        this.executor = executor;
        this.uiThread = uiThread;
        this.clock = clock;
        this.show = show;
    }

    FleetDraft draft() {
        return draft;
    }

    /** Whether every service has been described (the loader said so): nothing left for saved values to fill. */
    boolean servicesIn() {
        return servicesIn;
    }

    /** UI thread: shows what the draft holds now, unless it was shown already or a picture is being made. */
    @Override
    void showNow() {
        if (over()) {
            return;
        }
        if (building) {
            again = true;
            return;
        }
        if (draft.version() == shownVersion) {
            return;
        }
        building = true;
        executor.submit(BackgroundTask.of("Preparing the services loaded so far", () -> draft.view(clock.instant()))
                .quietly()
                .onSuccess(view -> {
                    building = false;
                    if (over()) {
                        return;
                    }
                    shownVersion = view.version();
                    show.accept(view);
                    if (again) {
                        again = false;
                        showNow();
                    }
                })
                .onFailure(problem -> building = false));
    }

    @Override
    public void progress(FleetProgress p) {
        progress().update(p.clustersDone(), p.clustersTotal());
        progress().message(p.stage() + " · " + p.callsMade() + " calls");
    }

    @Override
    public void clustersFound(List<Cluster> clusters) {
        draft.clustersFound(clusters);
    }

    @Override
    public void servicesListed(Cluster cluster, List<String> serviceArns) {
        draft.listed(cluster.arn(), serviceArns);
        if (draft.allListed()) {
            uiThread.execute(this::showNow); // every name is in: worth showing without waiting for the tick
        }
    }

    @Override
    public void servicesDescribed(Cluster cluster, List<Service> services) {
        draft.described(services);
    }

    /** A service's task definition: its image tags show at the next tick. */
    @Override
    public void taskDefinitionDescribed(TaskDefinition definition) {
        draft.definitions(Map.of(definition.arn(), definition));
    }

    /** Every service is in: shown at once, without waiting for the next tick. */
    @Override
    public void servicesReady(List<Cluster> clusters, List<Service> services,
            Map<String, TaskDefinition> taskDefinitions) {
        draft.described(services);
        draft.definitions(taskDefinitions);
        servicesIn = true;
        uiThread.execute(this::showNow);
    }
}
