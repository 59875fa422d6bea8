package io.harbormaster.sandbox.core;

import java.time.Instant;
import java.util.PriorityQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Events due at sandbox times, run in time order (and in scheduling order for equal times) so that a manual
 * clock advance replays the same history every run. Not thread-safe: used under the world's lock.
 */
public final class Timeline {

    private static final Logger LOG = Logger.getLogger("io.harbormaster.sandbox");

    private record Entry(Instant at, long seq, Runnable action) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private long seq;
    private Instant running;

    public void schedule(Instant at, Runnable action) {
        queue.add(new Entry(at, seq++, action));
    }

    /** Runs every event due at or before {@code until}; events scheduled while running are honoured too. */
    public void runDue(Instant until) {
        while (!queue.isEmpty() && !queue.peek().at.isAfter(until)) {
            Entry e = queue.poll();
            running = e.at;
            try {
                e.action.run();
            } catch (RuntimeException failure) {
                // One broken event must not stop time for the rest of the sandbox (or kill the clock thread).
                LOG.log(Level.WARNING, "sandbox event due at " + e.at + " failed; skipped", failure);
            } finally {
                running = null;
            }
        }
    }

    /** The time of the event being run, or null outside event processing. */
    public Instant runningAt() {
        return running;
    }

    public int pending() {
        return queue.size();
    }
}
