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

    /**
     * As {@link #load(EnvironmentSession, FleetLoadListener)}, describing first the tasks of the hosts {@code focus}
     * names while it runs (those on the operator's screen). The snapshot is the same whatever the focus; a loader
     * that cannot order its reads ignores it.
     */
    default FleetSnapshot load(EnvironmentSession session, FleetLoadListener listener, LoadFocus focus) {
        return load(session, listener);
    }
}
