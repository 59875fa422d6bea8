package io.harbormaster.model.fleet;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Which hosts' tasks a full load should describe first: the hosts on the operator's screen, most wanted first. The
 * page that draws hosts writes it as the operator moves (any thread); the loader reads it while the tasks are still
 * coming and describes those hosts' tasks ahead of the cluster-wide sweep. A hint, never a filter: every task is
 * loaded either way, only the order changes. Thread-safe.
 */
public final class LoadFocus {

    /** The hosts wanted now, most wanted first; {@code version} grows with every change. */
    public record Hosts(List<String> hostArns, long version) {
        public Hosts {
            hostArns = List.copyOf(hostArns);
        }
    }

    /** A watch on the focus, ended by closing it. */
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    private final List<Runnable> watchers = new CopyOnWriteArrayList<>();
    private volatile Hosts hosts = new Hosts(List.of(), 0);

    /** A focus nobody writes: the load goes in its own order. */
    public static LoadFocus none() {
        return new LoadFocus();
    }

    /** A focus for a page to write (it starts empty). */
    public LoadFocus() {
    }

    /** The hosts the operator looks at now, most wanted first; the same list again changes nothing. */
    public void lookAt(List<String> hostArns) {
        Objects.requireNonNull(hostArns, "hostArns");
        synchronized (this) {
            if (hosts.hostArns().equals(hostArns)) {
                return;
            }
            hosts = new Hosts(hostArns, hosts.version() + 1);
        }
        watchers.forEach(Runnable::run);
    }

    public Hosts now() {
        return hosts;
    }

    /**
     * Calls {@code changed} (on the writer's thread) after every change, until the returned handle is closed: the
     * loader's, for as long as its load runs.
     */
    public Watch watch(Runnable changed) {
        Objects.requireNonNull(changed, "changed");
        watchers.add(changed);
        return () -> watchers.remove(changed);
    }
}
