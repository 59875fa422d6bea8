package io.harbormaster.aws.ecs;

import io.harbormaster.model.fleet.CallPlanner;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.LoadFocus;
import io.harbormaster.model.fleet.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * A full load's tasks of the hosts in {@link LoadFocus} (those on the operator's screen), described ahead of the
 * cluster-wide sweep: ListTasks filtered by container instance, then DescribeTasks, both ahead of the sweep's calls
 * in their throttling bucket. Every task is described once, by whichever side claims its ARN first, so the sweep's
 * describes shrink by what is done here; the extra calls are the focused hosts' ListTasks pages. A host is passed
 * over once as many of its tasks are in as DescribeContainerInstances counted on it, or once its cluster's sweep is
 * over. A few hosts at a time, the most wanted first, picked again after each: a new focus (the operator moved) is
 * followed from the next host on.
 */
final class FocusedTasks implements TaskSweep {

    /** Hosts described at once: enough to keep the bucket busy through each call's latency, few enough to follow. */
    static final int AT_ONCE = 3;

    /** The calls made for a focused host. */
    interface Reads {
        /** The host's tasks, page by page. */
        Iterable<String> taskArnsOn(String clusterArn, String hostArn);

        /** At most 100 a call. */
        List<Task> describeTasks(String clusterArn, List<String> taskArns);
    }

    /** A host's tasks that could not be read. */
    record Failure(Cluster cluster, Host host, RuntimeException cause) {
    }

    private record Known(Cluster cluster, Host host) {
    }

    private final LoadFocus focus;
    private final Reads reads;
    private final Executor executor;
    private final BiConsumer<Cluster, List<Task>> told;
    private final BooleanSupplier cancelled;
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();

    // guarded by this
    private final Map<String, Known> hosts = new HashMap<>();
    private final Map<String, Integer> describedOn = new HashMap<>();
    private final Set<String> started = new HashSet<>();
    private final Set<String> sweptClusters = new HashSet<>();
    private final List<Task> tasks = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private final List<String> order = new ArrayList<>();
    private int running;
    private boolean closed;
    private final CompletableFuture<Void> idle = new CompletableFuture<>();

    /**
     * @param executor where the hosts are described (never waits on other work there)
     * @param told     hears each batch described here, as the sweep's listener hears its own
     * @param cancelled true once the load is no longer wanted: no further host is started
     */
    FocusedTasks(LoadFocus focus, Reads reads, Executor executor, BiConsumer<Cluster, List<Task>> told,
            BooleanSupplier cancelled) {
        this.focus = focus;
        this.reads = reads;
        this.executor = executor;
        this.told = told;
        this.cancelled = cancelled;
    }

    /** The focus changed: workers are started to follow it, up to {@link #AT_ONCE}. */
    void refocus() {
        int more;
        synchronized (this) {
            if (closed) {
                return;
            }
            more = AT_ONCE - running;
            running = AT_ONCE;
        }
        for (int i = 0; i < more; i++) {
            executor.execute(this::work);
        }
    }

    @Override
    public boolean claim(String taskArn) {
        return claimed.add(taskArn);
    }

    @Override
    public void hostsDescribed(Cluster cluster, List<Host> batch) {
        synchronized (this) {
            batch.forEach(h -> hosts.put(h.arn(), new Known(cluster, h)));
        }
        refocus();
    }

    @Override
    public void tasksDescribed(List<Task> batch) {
        synchronized (this) {
            count(batch);
        }
    }

    @Override
    public synchronized void swept(Cluster cluster) {
        sweptClusters.add(cluster.arn());
    }

    /**
     * Starts no further host and waits (through {@code await}) for those under way.
     *
     * @return the tasks described here, to go beside the sweep's
     */
    List<Task> finish(java.util.function.Consumer<CompletableFuture<Void>> await) {
        synchronized (this) {
            closed = true;
            if (running == 0) {
                idle.complete(null);
            }
        }
        await.accept(idle);
        synchronized (this) {
            return List.copyOf(tasks);
        }
    }

    synchronized List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** The hosts described here so far, in the order they were started; for tests. */
    synchronized List<String> order() {
        return List.copyOf(order);
    }

    private void work() {
        while (true) {
            Known next;
            synchronized (this) {
                next = closed || cancelled.getAsBoolean() ? null : pick();
                if (next == null) {
                    running--;
                    if (closed && running == 0) {
                        idle.complete(null);
                    }
                    return;
                }
                started.add(next.host().arn());
                order.add(next.host().arn());
            }
            try {
                describe(next);
            } catch (RuntimeException e) {
                synchronized (this) {
                    failures.add(new Failure(next.cluster(), next.host(), e));
                }
            }
        }
    }

    /** The most wanted host that is known, not started, and still missing tasks. */
    private Known pick() {
        for (String arn : focus.now().hostArns()) {
            Known k = hosts.get(arn);
            if (k != null && !started.contains(arn) && !sweptClusters.contains(k.cluster().arn())
                    && describedOn.getOrDefault(arn, 0) < k.host().runningTasks() + k.host().pendingTasks()) {
                return k;
            }
        }
        return null;
    }

    private void describe(Known k) {
        String cluster = k.cluster().arn();
        List<String> batch = new ArrayList<>(CallPlanner.DESCRIBE_TASKS_BATCH);
        Iterator<String> arns = reads.taskArnsOn(cluster, k.host().arn()).iterator();
        try {
            while (arns.hasNext()) {
                String arn = arns.next();
                if (claim(arn)) {
                    batch.add(arn);
                }
                if (batch.size() == CallPlanner.DESCRIBE_TASKS_BATCH) {
                    describeBatch(k.cluster(), batch);
                    batch.clear();
                }
            }
        } finally {
            if (arns instanceof EcsReads.Paging paging) {
                paging.close();   // a describe failed between two pages: the list's hold is given back
            }
        }
        if (!batch.isEmpty()) {
            describeBatch(k.cluster(), batch);
        }
    }

    private void describeBatch(Cluster cluster, List<String> arns) {
        List<Task> got = reads.describeTasks(cluster.arn(), List.copyOf(arns));
        synchronized (this) {
            tasks.addAll(got);
            count(got);
        }
        told.accept(cluster, got);
    }

    private void count(List<Task> batch) {
        batch.forEach(t -> describedOn.merge(t.containerInstanceArn(), 1, Integer::sum));
    }
}
