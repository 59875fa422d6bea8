package io.harbormaster.model.fleet;

import java.util.List;
import java.util.Map;

/**
 * Hears about a load while it runs. Called from the loader's worker threads, possibly several at once: hop to the
 * UI thread before touching anything on screen, and return quickly.
 */
public interface FleetLoadListener {

    FleetLoadListener NONE = new FleetLoadListener() {
    };

    default void progress(FleetProgress progress) {
    }

    /**
     * Every service of every cluster has been described, before hosts and tasks are complete: enough for a
     * Services table to show. Called at most once per full load, never by a refresh. Clusters whose services failed
     * are left out here; the final snapshot says why.
     *
     * @param taskDefinitions by ARN, those already described (image tags may be missing for the rest until the
     *                        snapshot arrives)
     */
    default void servicesReady(List<Cluster> clusters, List<Service> services,
            Map<String, TaskDefinition> taskDefinitions) {
    }
}
