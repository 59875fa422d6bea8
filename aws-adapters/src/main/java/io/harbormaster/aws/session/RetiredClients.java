package io.harbormaster.aws.session;

import io.harbormaster.model.concurrent.ThreadFamily;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.SdkClient;

/**
 * Shared clients no longer handed out (their environment was re-entered), closed once they have been quiet for a
 * while. A task of the old session may still hold one: a read pages through several calls on the client it was
 * given, and closing the client between two of them made the next fail (issue 17's soak: a Route 53 list rejected
 * by the closed client's timer). Every call ends within the API call timeout, so a client with no call under way
 * and none begun for that long is one its task has finished with; it is closed then, or when the factory closes.
 */
final class RetiredClients implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RetiredClients.class.getName());

    /** A client and the count of its calls, as the factory keeps them. */
    record Counted(SdkClient client, CallsInFlight calls) {
    }

    private final long quietNanos;
    private final Set<Counted> open = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    /** Started with the first client retired; guarded by {@link #lock}, as is {@link #closed}. */
    private ScheduledExecutorService closer;
    private boolean closed;

    RetiredClients(Duration quiet) {
        this.quietNanos = quiet.toNanos();
    }

    /** Stops counting the client as handed out; it is closed once quiet (at once if the factory has closed). */
    void retire(Counted client) {
        client.calls().touch();
        synchronized (lock) {
            if (!closed) {
                open.add(client);
                if (closer == null) {
                    closer = new ThreadFamily("harbormaster").scheduler("aws-client-closer");
                }
                closer.schedule(() -> closeWhenQuiet(client), quietNanos, TimeUnit.NANOSECONDS);
                return;
            }
        }
        closeNow(client.client());
    }

    private void closeWhenQuiet(Counted client) {
        long wait = client.calls().nanosUntilQuietFor(quietNanos);
        if (wait == 0) {
            close(client);
            return;
        }
        synchronized (lock) {
            if (!closed) {
                closer.schedule(() -> closeWhenQuiet(client), wait, TimeUnit.NANOSECONDS);
            }
        }
    }

    private void close(Counted client) {
        if (open.remove(client)) {
            closeNow(client.client());
        }
    }

    private static void closeNow(SdkClient client) {
        try {
            client.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Closing a released AWS client failed", e);
        }
    }

    /** Retired clients not closed yet. */
    int open() {
        return open.size();
    }

    /** Closes every retired client now, in use or not: the console is closing. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (closer != null) {
                closer.shutdownNow();
            }
        }
        open.forEach(this::close);
    }
}
