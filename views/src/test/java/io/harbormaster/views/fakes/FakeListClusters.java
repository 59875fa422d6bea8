package io.harbormaster.views.fakes;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.FleetLoadListener;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.FleetStats;
import io.harbormaster.model.fleet.LoadFleet;
import io.harbormaster.model.fleet.RefreshFleet;
import io.harbormaster.model.fleet.ListClusters;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The clusters of each environment, read through ListClusters or as a fleet holding only them (LoadFleet and
 * RefreshFleet, as the Clusters page reads them); {@link #calls} lists every read.
 */
public final class FakeListClusters implements ListClusters, LoadFleet, RefreshFleet {

    private final Map<String, List<Cluster>> clusters = new ConcurrentHashMap<>();
    private final Map<String, RuntimeException> failures = new ConcurrentHashMap<>();
    public final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch gate;

    public FakeListClusters with(String environmentId, List<Cluster> list) {
        clusters.put(environmentId, list);
        return this;
    }

    public FakeListClusters failing(String environmentId, RuntimeException failure) {
        failures.put(environmentId, failure);
        return this;
    }

    /** Holds every call until {@link #release()}, so tests can see the loading state. */
    public FakeListClusters hold() {
        gate = new CountDownLatch(1);
        return this;
    }

    public void release() {
        if (gate != null) {
            gate.countDown();
        }
    }

    @Override
    public List<Cluster> listClusters(EnvironmentSession session) {
        String id = session.environment().id();
        calls.add(id);
        CountDownLatch waiting = gate;
        if (waiting != null) {
            try {
                waiting.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        RuntimeException failure = failures.get(id);
        if (failure != null) {
            throw failure;
        }
        return clusters.getOrDefault(id, List.of());
    }

    @Override
    public FleetSnapshot load(EnvironmentSession session, FleetLoadListener listener) {
        List<Cluster> found = listClusters(session);
        listener.clustersFound(found);
        return fleetOf(session, found);
    }

    @Override
    public FleetSnapshot refresh(EnvironmentSession session, FleetSnapshot previous, FleetLoadListener listener) {
        return fleetOf(session, listClusters(session));
    }

    private static FleetSnapshot fleetOf(EnvironmentSession session, List<Cluster> found) {
        return new FleetSnapshot(session.environment().id(), session.region(), Fixtures.NOW, found, List.of(),
                List.of(), List.of(), Map.of(), Map.of(), List.of(), FleetStats.NONE);
    }
}
