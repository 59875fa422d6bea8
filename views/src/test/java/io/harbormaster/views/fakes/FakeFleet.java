package io.harbormaster.views.fakes;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.FleetLoadListener;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.LoadFleet;
import io.harbormaster.model.fleet.RefreshFleet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/** Load and refresh from snapshots given per environment; an environment without one has an empty fleet. */
public final class FakeFleet implements LoadFleet, RefreshFleet {

    /** For tests that do not look at the fleet. */
    public static final FakeFleet EMPTY = new FakeFleet();

    private final Map<String, FleetSnapshot> snapshots = new ConcurrentHashMap<>();
    private volatile RuntimeException refreshFailure;
    private volatile RuntimeException loadFailure;
    private volatile UnaryOperator<FleetSnapshot> nextRefresh = previous -> previous;
    public final List<String> loads = new CopyOnWriteArrayList<>();
    public final List<String> refreshes = new CopyOnWriteArrayList<>();
    public volatile boolean announceServices = true;

    public FakeFleet with(String environmentId, FleetSnapshot snapshot) {
        snapshots.put(environmentId, snapshot);
        return this;
    }

    public FakeFleet failingRefresh(RuntimeException failure) {
        refreshFailure = failure;
        return this;
    }

    public FakeFleet failingLoad(RuntimeException failure) {
        loadFailure = failure;
        return this;
    }

    public FakeFleet refreshingTo(UnaryOperator<FleetSnapshot> next) {
        nextRefresh = next;
        return this;
    }

    @Override
    public FleetSnapshot load(EnvironmentSession session, FleetLoadListener listener) {
        String id = session.environment().id();
        loads.add(id);
        if (loadFailure != null) {
            throw loadFailure;
        }
        FleetSnapshot s = snapshots.getOrDefault(id, FleetSnapshot.empty(id, session.region(), Instant.EPOCH));
        if (announceServices) {
            listener.servicesReady(s.clusters(), s.services(), s.taskDefinitions());
        }
        return s;
    }

    @Override
    public FleetSnapshot refresh(EnvironmentSession session, FleetSnapshot previous, FleetLoadListener listener) {
        refreshes.add(session.environment().id());
        if (refreshFailure != null) {
            throw refreshFailure;
        }
        return nextRefresh.apply(previous);
    }
}
