package io.harbormaster.model.fleet;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.OperatorException;

/**
 * Port: the next snapshot after {@code previous}, fetching only what changed: lists, every service (the cheap
 * way to see what moved), and then only the tasks that started or are in transition and the hosts they moved on.
 * Blocking; never on the UI thread.
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
