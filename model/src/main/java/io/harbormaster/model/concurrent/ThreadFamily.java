package io.harbormaster.model.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every thread the app starts comes from here: named {@code <prefix>-<role>-<n>}, daemon (a thread never keeps the
 * JVM alive after the window closes), at {@link #PRIORITY} (below the UI thread's), and anything escaping one is
 * logged with the thread's name, never lost.
 * Executors made here are shut down by {@link #close()} on exit (their owners may shut them down earlier).
 * Handed to whoever needs threads through its constructor; JDK only, so the adapters and the views can both
 * take one.
 */
public final class ThreadFamily implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ThreadFamily.class.getName());

    /** Logs whatever escapes a thread of the family. */
    public static final Thread.UncaughtExceptionHandler LOG_UNCAUGHT = (thread, failure) ->
            LOG.log(System.Logger.Level.ERROR, "Uncaught failure on " + thread.getName(), failure);

    /**
     * The family's threads yield to the UI thread (normal priority) when both want a core. On 2 cores the fleet's
     * readers, the background pool and the JIT could each hold a core while the UI thread waited to draw a frame
     * (issue 17's soak: "ready but no core free" the most in most stalls over 50 ms). Windows honours Java priorities
     * as they are (below normal); Linux only with {@code -XX:ThreadPriorityPolicy=1}, which the launcher and the
     * test JVMs pass, with this priority mapped to nice 19 (the default map's nice 4 still let the family's threads
     * take a core from a frame ready to draw; see packaging/jpackage/build-package.sh). Threads a family thread
     * starts inherit it: the embedded sandbox's, started from one, run as background work too.
     */
    public static final int PRIORITY = Thread.MIN_PRIORITY;

    private final String prefix;
    private final List<ExecutorService> executors = new ArrayList<>();
    private boolean closed;

    public ThreadFamily(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("a thread family needs a name prefix");
        }
        this.prefix = prefix;
    }

    /** Threads named {@code <prefix>-<role>-<n>}, daemon, logging what escapes them. */
    public ThreadFactory factory(String role) {
        String name = prefix + "-" + requireRole(role) + "-";
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setPriority(PRIORITY);
            thread.setUncaughtExceptionHandler(LOG_UNCAUGHT);
            return thread;
        };
    }

    /**
     * The pool for background work: {@code parallelism} threads running tasks in submission order. A task that
     * waits for something outside the app (an operator's MFA code) through {@link Blocking#await} lends its
     * thread back: the pool starts a spare meanwhile, so waiting never starves the work of others.
     */
    public ExecutorService workPool(String role, int parallelism) {
        String name = prefix + "-" + requireRole(role) + "-";
        AtomicInteger count = new AtomicInteger();
        ForkJoinPool.ForkJoinWorkerThreadFactory factory = pool -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName(name + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setPriority(PRIORITY);
            return thread;
        };
        return register(new ForkJoinPool(parallelism, factory, LOG_UNCAUGHT, true));
    }

    /** A fixed pool over the given queue (a priority queue, say); its idle threads end after 30 s. */
    public ThreadPoolExecutor pool(String role, int threads, BlockingQueue<Runnable> queue) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, queue,
                factory(role));
        pool.allowCoreThreadTimeOut(true);
        return register(pool);
    }

    /**
     * Threads made as needed and ended after a minute idle, for work that sleeps for as long as it runs (following a
     * deploy to its end), which would otherwise hold a worker of the bounded pools.
     */
    public ExecutorService unbounded(String role) {
        return register(new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                factory(role)));
    }

    /** One thread for periodic chores. */
    public ScheduledExecutorService scheduler(String role) {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, factory(role));
        scheduler.setRemoveOnCancelPolicy(true);
        return register(scheduler);
    }

    /** Starts one daemon thread for a one-off job (starting the sandbox, closing a wiring behind). */
    public Thread start(String role, Runnable work) {
        Objects.requireNonNull(work, "work");
        Thread thread = factory(role).newThread(work);
        thread.start();
        return thread;
    }

    /** Stops every executor made here: queued work is dropped and running work interrupted. */
    @Override
    public void close() {
        List<ExecutorService> all;
        synchronized (this) {
            closed = true;
            all = List.copyOf(executors);
            executors.clear();
        }
        all.forEach(ExecutorService::shutdownNow);
        for (ExecutorService executor : all) {
            try {
                if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                    LOG.log(System.Logger.Level.WARNING, "A " + prefix + " executor did not stop within 2 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private synchronized <E extends ExecutorService> E register(E executor) {
        if (closed) {
            executor.shutdownNow();
            throw new IllegalStateException("the " + prefix + " thread family is closed");
        }
        executors.removeIf(ExecutorService::isTerminated);
        executors.add(executor);
        return executor;
    }

    private static String requireRole(String role) {
        if (role == null || role.isBlank()) {
            throw new IllegalArgumentException("a thread needs a role in its name");
        }
        return role;
    }
}
