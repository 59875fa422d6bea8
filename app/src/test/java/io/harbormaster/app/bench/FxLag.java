package io.harbormaster.app.bench;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;

/**
 * How busy the FX thread is: every 10 ms a probe is posted to it, and the time each waited before running is kept.
 * A probe that waits long means the FX thread was doing something else (rebuilding a table, laying it out).
 */
final class FxLag implements AutoCloseable {

    private static final long EVERY_NANOS = 10_000_000L;

    /** When each probe was posted and how long it waited, in nanoTime. */
    private final List<long[]> waits = new CopyOnWriteArrayList<>();
    private final Thread poster;
    private volatile boolean running = true;

    FxLag() {
        poster = new Thread(() -> {
            while (running) {
                long posted = System.nanoTime();
                Platform.runLater(() -> waits.add(new long[] {posted, System.nanoTime() - posted}));
                try {
                    Thread.sleep(EVERY_NANOS / 1_000_000L);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-fx-lag");
        poster.setDaemon(true);
        poster.start();
    }

    /** The probes posted between {@code from} and {@code to}: the longest wait and the time waited over 50 ms. */
    String summary(long from, long to) {
        long max = 0;
        long over = 0;
        int n = 0;
        for (long[] w : waits) {
            if (w[0] >= from && w[0] <= to) {
                n++;
                max = Math.max(max, w[1]);
                over += Math.max(0, w[1] - 50_000_000L);
            }
        }
        return String.format("FX thread: %,d probes, longest wait %,d ms, %,d ms waited beyond 50 ms in all", n,
                max / 1_000_000L, over / 1_000_000L);
    }

    @Override
    public void close() {
        running = false;
        poster.interrupt();
    }
}
