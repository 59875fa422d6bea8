package io.harbormaster.views.fleet;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.FleetArchive;
import io.harbormaster.model.fleet.FleetDraft;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.LatestWins;
import io.harbormaster.views.concurrent.TaskExecutor;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * The fleet each environment had at the last visit ({@link FleetArchive}), read and written off the UI thread.
 * Neither can fail for the operator: a fleet not read is loaded from AWS only, one not saved is loaded then.
 */
final class SavedFleets {

    private static final System.Logger LOG = System.getLogger(SavedFleets.class.getName());

    private final FleetArchive archive;
    private final TaskExecutor executor;
    /** The read for the environment shown; a switch cancels it. */
    private final LatestWins reads;

    SavedFleets(FleetArchive archive, TaskExecutor executor) {
        this.archive = archive;
        this.executor = executor;
        this.reads = new LatestWins(executor);
    }

    /** Reads the fleet saved for {@code in}'s environment and region; {@code found} hears it on the UI thread. */
    void read(EnvironmentSession in, Consumer<FleetSnapshot> found) {
        if (archive == FleetArchive.NONE) {
            return; // nothing to read: keep the executor's queue as it was
        }
        String id = in.environment().id();
        String region = in.region();
        reads.submit(BackgroundTask.of("Reading the saved fleet of " + in.environment().displayName(),
                        () -> archive.lastSaved(id, region))
                .quietly()
                .onSuccess(saved -> saved.filter(s -> s.environmentId().equals(id) && s.region().equals(region))
                        .ifPresent(found))
                .onFailure(problem -> LOG.log(System.Logger.Level.WARNING, "The saved fleet of " + id
                        + " could not be read (" + problem.title() + ": " + problem.message()
                        + "); loading it from AWS only")));
    }

    /** Stops the read running: its environment is no longer shown. */
    void cancel() {
        reads.cancel();
    }

    /** Keeps the fleet for the next visit; a failure is logged, never shown. */
    void save(FleetSnapshot snapshot) {
        if (archive == FleetArchive.NONE) {
            return;
        }
        executor.submit(BackgroundTask.run("Saving the fleet of " + snapshot.environmentId(),
                        () -> archive.save(snapshot))
                .quietly()
                .onFailure(problem -> LOG.log(System.Logger.Level.WARNING, "The fleet of " + snapshot.environmentId()
                        + " could not be saved for the next visit (" + problem.title() + ": " + problem.message()
                        + "); it will be loaded from AWS then")));
    }

    /** "Saved view of dev from 2026-11-21 14:02:00 — loading the current fleet: 1 of 4 services described." */
    static String banner(String where, Instant savedAt, ZoneId zone, FleetDraft.View view) {
        String progress = view == null || view.listed() == 0 ? "…"
                : String.format(": %,d of %,d services described.", view.described(), view.listed());
        return "Saved view of " + where + " from " + savedAt(savedAt, zone) + " — loading the current fleet"
                + progress;
    }

    /** "Saved view of dev from 2026-11-21 14:02:00 — the current fleet could not be loaded." */
    static String failedBanner(String where, Instant savedAt, ZoneId zone) {
        return "Saved view of " + where + " from " + savedAt(savedAt, zone) + " — the current fleet could not be "
                + "loaded.";
    }

    private static String savedAt(Instant savedAt, ZoneId zone) {
        return io.harbormaster.views.text.DateText.date(savedAt, zone);
    }
}
