package io.harbormaster.model.fleet;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.OperatorException;

/**
 * Port: the next snapshot after {@code previous}, fetching only what changed: the lists of clusters, services and
 * hosts, every cluster and service described (their counts, deployments and events are the cheap way to see what
 * moved), then tasks listed only where something moved, and only new or transitioning tasks and the hosts they moved
 * on described. Blocking; never on the UI thread.
 *
 * <p>What it cannot see until the next full load: a host that changes status (draining) with no task moving, and a
 * standalone task replaced by another between two refreshes without the cluster's counts changing.
 */
public interface RefreshFleet {

    /**
     * A cluster that fails keeps its part of {@code previous}, with a {@link FleetProblem} saying it is stale.
     *
     * @throws OperatorException when the refresh cannot run at all (session expired, network down): keep showing
     *                           {@code previous} and mark it stale
     */
    FleetSnapshot refresh(EnvironmentSession session, FleetSnapshot previous, FleetLoadListener listener);
}
