package io.harbormaster.model.fleet;

import java.util.Optional;

/**
 * Port: the last fleet seen of each environment and region, kept on this machine so that entering an environment
 * (or starting the console) can show it at once, marked as saved, while the current fleet loads
 * (stale-while-revalidate). What is kept is what the Clusters and Services pages need: clusters, services, the task
 * definitions they run and target health; hosts and tasks are not kept (a large fleet's 200,000 tasks would make
 * saving slower than loading them again). Never holds a secret: environment variable values are masked before they
 * are saved.
 *
 * <p>Implementations block (disk); never call them on the UI thread. A damaged or unreadable entry is not an error
 * for the caller: it reads as empty and the fleet loads as if it had never been seen.
 */
public interface FleetArchive {

    /** Keeps nothing and finds nothing: for tests and for when local storage is unavailable. */
    FleetArchive NONE = new FleetArchive() {
        @Override
        public Optional<FleetSnapshot> lastSaved(String environmentId, String region) {
            return Optional.empty();
        }

        @Override
        public void save(FleetSnapshot snapshot) {
        }
    };

    /**
     * The snapshot saved last for this environment and region, with no hosts or tasks, its {@code asOf} the time
     * it was read from AWS; empty when none was saved or it cannot be read.
     */
    Optional<FleetSnapshot> lastSaved(String environmentId, String region);

    /** Replaces what is kept for the snapshot's environment and region (hosts and tasks are dropped). */
    void save(FleetSnapshot snapshot);
}
