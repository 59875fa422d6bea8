package io.harbormaster.views.fakes;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.ListClusters;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

public final class FakeListClusters implements ListClusters {

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
}
