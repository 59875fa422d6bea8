package io.harbormaster.model.fleet;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.OperatorException;

/** Port: everything in an entered environment's region, loaded from scratch. Blocking; never on the UI thread. */
public interface LoadFleet {

    /**
     * A part that fails (one cluster denied) becomes a {@link FleetProblem} in the snapshot and the rest loads.
     *
     * @throws OperatorException when nothing can be loaded (the clusters cannot even be listed)
     */
    FleetSnapshot load(EnvironmentSession session, FleetLoadListener listener);
}
