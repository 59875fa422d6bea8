package io.harbormaster.aws.ecs;

import io.harbormaster.model.concurrent.ThreadFamily;
import java.util.concurrent.Executor;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed pool of daemon threads whose queue runs urgent work first: services, then hosts, before tasks, so the
 * Services table fills and the hosts draw while the 2,000 task batches of a large cluster are still queued. Equal
 * priorities run in submission order. Work submitted here never waits on other work submitted here (it composes futures instead),
 * so a bounded pool cannot deadlock.
 */
final class PriorityPool implements AutoCloseable {

    /** Listing services. */
    static final int SERVICES = 0;
    /**
     * Listing and describing a full load's hosts, beside the services (another ECS quota): a dozen calls for a
     * thousand hosts, and enough to draw every one of them while their tasks (thousands of calls) are still coming.
     */
    static final int HOSTS = 0;
    /** Describing services. */
    static final int SERVICE_DETAIL = 1;
    /** Describing the task definitions services run (their images and sizes). */
    static final int DEFINITIONS = 3;
    /** Listing hosts (a refresh) and tasks. */
    static final int PLACEMENT = 4;
    /** Describing hosts (a refresh), tasks, their task definitions, target health. */
    static final int PLACEMENT_DETAIL = 5;

    private final ThreadPoolExecutor pool;
    private final AtomicLong sequence = new AtomicLong();

    PriorityPool(int threads) {
        this(threads, new ThreadFamily("harbormaster").factory("fleet"));
    }

    /** @param factory the app's threads (named, daemon, logging what escapes them) */
    PriorityPool(int threads, ThreadFactory factory) {
        if (threads < 1) {
            throw new IllegalArgumentException("a pool needs at least one thread, was " + threads);
        }
        pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new PriorityBlockingQueue<>(), factory);
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
