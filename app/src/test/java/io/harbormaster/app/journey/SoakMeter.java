package io.harbormaster.app.journey;

import io.harbormaster.app.FxStallProbe;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the soak reads from the running console's JVM: heap after a full GC, live threads, and the console's own FX
 * stall probe. Forcing the GC stops every thread, the UI thread too: stalls that overlap a forced GC are the
 * meter's, not the console's, and are left out (and counted apart).
 */
final class SoakMeter {

    /** One reading, {@code atMs} after the soak started. */
    record Reading(long atMs, long heapMiB, int threads, long stalls, long longestStallMs) {
    }

    private final FxStallProbe probe;
    private final long startNanos;
    private final List<long[]> gcWindows = new ArrayList<>();
    private final Runnable dropTestHarnessState;

    /** {@code dropTestHarnessState} lets go of what the test harness keeps, so the heap read is the console's. */
    SoakMeter(FxStallProbe probe, long startNanos, Runnable dropTestHarnessState) {
        this.probe = probe;
        this.startNanos = startNanos;
        this.dropTestHarnessState = dropTestHarnessState;
    }

    Reading read() {
        dropTestHarnessState.run();
        long from = System.nanoTime();
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        pause(250); // the heartbeat held up by the GC comes back and is noted inside the window
        gcWindows.add(new long[] {from, System.nanoTime()});
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        List<FxStallProbe.Stall> own = consoleStalls();
        long longest = own.stream().mapToLong(FxStallProbe.Stall::waitedMs).max().orElse(0);
        return new Reading(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), heap >> 20, threads,
                own.size(), longest);
    }

    /** Stalls since the soak started that no forced GC of the meter overlaps. */
    List<FxStallProbe.Stall> consoleStalls() {
        return probe.recentStalls().stream()
                .filter(s -> s.endedNanos() >= startNanos)
                .filter(s -> !causedByGc(s))
                .toList();
    }

    /** Stalls the meter's own forced GCs caused. */
    long gcStalls() {
        return probe.recentStalls().stream().filter(s -> s.endedNanos() >= startNanos).filter(this::causedByGc).count();
    }

    private boolean causedByGc(FxStallProbe.Stall s) {
        return gcWindows.stream().anyMatch(w -> s.beganNanos() <= w[1] && s.endedNanos() >= w[0]);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
