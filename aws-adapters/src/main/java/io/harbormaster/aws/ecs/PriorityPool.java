package io.harbormaster.aws.ecs;

import java.util.concurrent.Executor;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed pool of daemon threads whose queue runs urgent work first: services before hosts and tasks, so the
 * Services table fills while the 2,000 task batches of a large cluster are still queued. Equal priorities run in
 * submission order. Work submitted here never waits on other work submitted here (it composes futures instead),
 * so a bounded pool cannot deadlock.
 */
final class PriorityPool implements AutoCloseable {

    /** Listing services. */
    static final int SERVICES = 0;
    /** Describing services. */
    static final int SERVICE_DETAIL = 1;
    /** Describing the task definitions services run (their images and sizes). */
    static final int DEFINITIONS = 2;
    /** Listing hosts and tasks. */
    static final int PLACEMENT = 3;
    /** Describing hosts, tasks, their task definitions, target health. */
    static final int PLACEMENT_DETAIL = 4;

    private static final System.Logger LOG = System.getLogger(PriorityPool.class.getName());

    private final ThreadPoolExecutor pool;
    private final AtomicLong sequence = new AtomicLong();

    PriorityPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a pool needs at least one thread, was " + threads);
        }
        AtomicInteger count = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new PriorityBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "harbormaster-fleet-" + count.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> LOG.log(System.Logger.Level.ERROR, "fleet worker died", e));
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** An executor that queues its work at the given priority (lower runs first). */
    Executor at(int priority) {
        return command -> pool.execute(new Prioritised(priority, sequence.getAndIncrement(), command));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private record Prioritised(int priority, long sequence, Runnable command)
            implements Runnable, Comparable<Prioritised> {

        @Override
        public void run() {
            command.run();
        }

        @Override
        public int compareTo(Prioritised other) {
            int byPriority = Integer.compare(priority, other.priority);
            return byPriority != 0 ? byPriority : Long.compare(sequence, other.sequence);
        }
    }
}
