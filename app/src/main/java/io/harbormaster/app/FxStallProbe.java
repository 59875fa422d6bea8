package io.harbormaster.app;

import io.harbormaster.model.concurrent.ThreadFamily;
import io.harbormaster.views.concurrent.UiThread;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How long the UI thread keeps work waiting, measured in the running console: a heartbeat is posted to the UI
 * thread, and when it runs the time it waited is noted; the next one is posted {@link #BEAT_MS} later. Only one
 * beat is in flight, so one stall is counted once however long it lasts. A wait over {@link #STALL_MS} is a stall:
 * counted, the longest kept, each logged at DEBUG; a summary is logged every minute that had stalls, and at exit.
 * Each stall also notes the CPU time the UI thread itself used while the heartbeat waited: a stall the UI thread
 * spent working is the console's; one it spent waiting for a core (a machine shared by other builds), or stopped by
 * a GC, shows little of it. Where the OS tells (Linux's {@code schedstat}) the stall also notes how long the UI thread
 * was ready to run but waited for a core, and the JVM's GC pause time meanwhile: what is left of the wait is the UI
 * thread blocked on another thread (the renderer, a lock).
 * While a heartbeat is late the probe also samples the UI thread's stack (from {@link #SAMPLE_AFTER_MS} on, every
 * {@link #SAMPLE_EVERY_MS}): each stall keeps what the UI thread was found doing most often (the pulse's phase — CSS,
 * layout, the render sync — or an event, the console's innermost frame and JavaFX's innermost), so a stall says
 * whose work it was. Off unless {@code -Dharbormaster.fx.probe=true}: the soak and a
 * person chasing a sluggish window switch it on.
 */
public final class FxStallProbe implements AutoCloseable {

    /** The system property that switches the probe on. */
    public static final String PROPERTY = "harbormaster.fx.probe";
    /** A frame at 60 Hz is 17 ms; three frames missed is a stall an operator sees. */
    public static final long STALL_MS = 50;
    static final long BEAT_MS = 20;
    /** How late a heartbeat is before the UI thread's stack is sampled: most beats land within a frame. */
    static final long SAMPLE_AFTER_MS = 25;
    static final long SAMPLE_EVERY_MS = 5;
    /** What a stall keeps of its samples: the most frequent descriptions. */
    private static final int DOING_KEPT = 3;

    private static final System.Logger LOG = System.getLogger(FxStallProbe.class.getName());
    private static final long SUMMARY_EVERY_BEATS = 60_000 / BEAT_MS;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The JVM's collectors, fixed at its start; asked once rather than twice a beat. */
    private static final List<GarbageCollectorMXBean> COLLECTORS = ManagementFactory.getGarbageCollectorMXBeans();
    /** Three numbers of up to 20 digits and their separators. */
    private static final int SCHEDSTAT_BYTES = 64;

    /** What the probe has seen since it started. */
    public record Stalls(long beats, long stalls, long longestMs, long totalStalledMs) {

        @Override
        public String toString() {
            return String.format("%,d heartbeats, %,d stalls over %d ms, longest %,d ms, %,d ms stalled in all", beats,
                    stalls, STALL_MS, longestMs, totalStalledMs);
        }
    }

    /**
     * One stall: when it ended ({@link System#nanoTime()}), how long the heartbeat waited, the CPU time the UI
     * thread used meanwhile ({@code -1} where the JVM does not measure thread CPU time), how long it was ready to run
     * but had no core ({@code -1} where the OS does not tell), the GC pauses meanwhile ({@code -1} if unknown), and
     * what the UI thread's stack showed most often while it lasted ("4× pulse: doCSSPass | … ", most first).
     */
    public record Stall(long endedNanos, long waitedMs, long busyMs, long waitingForCoreMs, long gcMs,
            List<String> doing) {

        public Stall {
            doing = List.copyOf(doing);
        }

        public Stall(long endedNanos, long waitedMs, long busyMs, long waitingForCoreMs, long gcMs) {
            this(endedNanos, waitedMs, busyMs, waitingForCoreMs, gcMs, List.of());
        }

        /** When the heartbeat was posted ({@link System#nanoTime()}). */
        public long beganNanos() {
            return endedNanos - TimeUnit.MILLISECONDS.toNanos(waitedMs);
        }

        /** The wait neither work, nor waiting for a core, nor GC explain: blocked on another thread. */
        public long otherMs() {
            return Math.max(0, waitedMs - Math.max(0, busyMs) - Math.max(0, waitingForCoreMs) - Math.max(0, gcMs));
        }
    }

    /** What the UI thread had used and waited at one instant. */
    private record Clock(long cpuNanos, long runQueueNanos, long gcMillis) {
    }

    /** The most recent stalls kept for {@link #recentStalls()}: enough for an hour of a badly stalling window. */
    private static final int KEPT = 10_000;

    private final ScheduledExecutorService scheduler;
    private final Deque<Stall> recent = new ArrayDeque<>();
    private final LongSupplier nanoTime;
    private long beats;
    private long stalls;
    private long longestNanos;
    private long stalledNanos;
    private long stallsSummarised;
    private volatile boolean closed;
    private volatile long uiThreadId = -1;
    private volatile Thread uiThread;
    /** The UI thread's own {@code schedstat} ({@code /proc/self/task/<tid>/schedstat}), or null off Linux. */
    private volatile FileChannel uiSchedStat;

    private FxStallProbe(ScheduledExecutorService scheduler, LongSupplier nanoTime) {
        this.scheduler = scheduler;
        this.nanoTime = nanoTime;
    }

    /** Starts a probe when the system property asks for one. */
    static Optional<FxStallProbe> startIfAsked(ThreadFamily threads) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return Optional.empty();
        }
        FxStallProbe probe = new FxStallProbe(threads.scheduler("fx-probe"), System::nanoTime);
        probe.postNext();
        LOG.log(System.Logger.Level.INFO, "FX stall probe on: a heartbeat every " + BEAT_MS + " ms, stalls over "
                + STALL_MS + " ms counted");
        return Optional.of(probe);
    }

    private void postNext() {
        if (closed) {
            return;
        }
        scheduler.schedule(() -> {
            long posted = nanoTime.getAsLong();
            Clock at = uiThreadId < 0 ? null
                    : new Clock(THREADS.getThreadCpuTime(uiThreadId), runQueueNanos(uiSchedStat), gcMillis());
            Samples samples = new Samples();
            UiThread.later(() -> beat(posted, at, samples));
            sampleLater(samples, SAMPLE_AFTER_MS);
        }, BEAT_MS, TimeUnit.MILLISECONDS);
    }

    /** What the UI thread was seen doing while one heartbeat waited; sampled on the probe's thread. */
    private static final class Samples {
        private final Map<String, Integer> seen = new HashMap<>();
        private boolean landed;

        synchronized boolean landed() {
            return landed;
        }

        synchronized void add(String doing) {
            if (!landed) {
                seen.merge(doing, 1, Integer::sum);
            }
        }

        /** Ends the sampling; the most frequent descriptions, most first. */
        synchronized List<String> land() {
            landed = true;
            return seen.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                    .limit(DOING_KEPT).map(e -> e.getValue() + "× " + e.getKey()).toList();
        }
    }

    private void sampleLater(Samples samples, long afterMs) {
        if (closed) {
            return;
        }
        scheduler.schedule(() -> {
            Thread ui = uiThread;
            if (ui == null || samples.landed()) {
                return;
            }
            samples.add(describe(ui.getStackTrace()));
            sampleLater(samples, SAMPLE_EVERY_MS);
        }, afterMs, TimeUnit.MILLISECONDS);
    }

    /**
     * One stack of the UI thread in a line: the pulse's phase (the method {@code Scene$ScenePulseListener.pulse}
     * was in: {@code doCSSPass}, {@code doLayoutPass}, {@code synchronizeSceneNodes} …) or "event" for anything else
     * (input, a {@code runLater}, an animation), then the console's innermost frame if it is on the stack, then
     * the innermost frame outside the JDK.
     */
    static String describe(StackTraceElement[] stack) {
        String phase = "event";
        for (int i = stack.length - 1; i > 0; i--) {
            if (stack[i].getClassName().equals("javafx.scene.Scene$ScenePulseListener")
                    && stack[i].getMethodName().equals("pulse")) {
                phase = "pulse: " + stack[i - 1].getMethodName();
                break;
            }
        }
        StringBuilder line = new StringBuilder(phase);
        StackTraceElement own = null;
        for (StackTraceElement f : stack) {
            if (f.getClassName().startsWith("io.harbormaster.")) {
                own = f;
                line.append(" | ").append(frame(f));
                break;
            }
        }
        for (StackTraceElement f : stack) {
            String c = f.getClassName();
            if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")) {
                if (f != own) {
                    line.append(" | ").append(frame(f));
                }
                break;
            }
        }
        return line.toString();
    }

    private static String frame(StackTraceElement f) {
        String c = f.getClassName();
        return c.substring(c.lastIndexOf('.') + 1) + "." + f.getMethodName() + ":" + f.getLineNumber();
    }

    private void beat(long posted, Clock at, Samples samples) {
        long waited = nanoTime.getAsLong() - posted;
        List<String> doing = samples.land();
        if (uiThreadId < 0) {
            uiThreadId = Thread.currentThread().getId();
            uiThread = Thread.currentThread();
            uiSchedStat = ownSchedStat();
        }
        long busy = at == null || at.cpuNanos() < 0 ? -1
                : TimeUnit.NANOSECONDS.toMillis(THREADS.getCurrentThreadCpuTime() - at.cpuNanos());
        long queued = at == null || at.runQueueNanos() < 0 ? -1
                : TimeUnit.NANOSECONDS.toMillis(runQueueNanos(uiSchedStat) - at.runQueueNanos());
        long gc = at == null || at.gcMillis() < 0 ? -1 : gcMillis() - at.gcMillis();
        boolean summarise;
        synchronized (this) {
            beats++;
            if (waited > TimeUnit.MILLISECONDS.toNanos(STALL_MS)) {
                stalls++;
                stalledNanos += waited;
                longestNanos = Math.max(longestNanos, waited);
                if (recent.size() == KEPT) {
                    recent.removeFirst();
                }
                recent.addLast(new Stall(posted + waited, TimeUnit.NANOSECONDS.toMillis(waited), busy, queued, gc,
                        doing));
                LOG.log(System.Logger.Level.DEBUG, "FX thread stalled " + TimeUnit.NANOSECONDS.toMillis(waited)
                        + " ms, of which it worked " + busy + " ms, waited for a core " + queued + " ms, GC " + gc
                        + " ms; seen doing " + doing);
            }
            summarise = beats % SUMMARY_EVERY_BEATS == 0 && stalls > stallsSummarised;
            if (summarise) {
                stallsSummarised = stalls;
            }
        }
        if (summarise) {
            LOG.log(System.Logger.Level.INFO, "FX stall probe: " + stalls());
        }
        postNext();
    }

    /**
     * The calling thread's {@code schedstat} file, kept open: {@code /proc/thread-self} names the thread's task
     * directory, whose second figure is the time it waited on a run queue. Read again from offset 0 each beat (the
     * kernel writes it afresh), so a beat costs a read, not an open, a read and a close. Null where there is none
     * (not Linux).
     */
    private static FileChannel ownSchedStat() {
        try {
            Path task = Path.of("/proc").resolve(Files.readSymbolicLink(Path.of("/proc/thread-self")));
            FileChannel stat = FileChannel.open(task.resolve("schedstat"), StandardOpenOption.READ);
            if (runQueueNanos(stat) < 0) {
                stat.close();
                return null;
            }
            return stat;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    /** Nanoseconds the thread has waited on a run queue, or -1; any thread (positional reads). */
    private static long runQueueNanos(FileChannel schedStat) {
        if (schedStat == null) {
            return -1;
        }
        try {
            ByteBuffer text = ByteBuffer.allocate(SCHEDSTAT_BYTES);
            int n;
            while (text.hasRemaining() && (n = schedStat.read(text, text.position())) > 0) {
                text.position(text.position() + n);
            }
            String[] fields = new String(text.array(), 0, text.position(), StandardCharsets.US_ASCII).trim()
                    .split(" ");
            return fields.length >= 2 ? Long.parseLong(fields[1]) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** Milliseconds every collector has spent collecting (for G1 in JDK 17: its pauses), or -1. */
    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : COLLECTORS) {
            long t = gc.getCollectionTime();
            if (t < 0) {
                return -1;
            }
            sum += t;
        }
        return sum;
    }

    /** What has been seen so far; any thread. */
    public synchronized Stalls stalls() {
        return new Stalls(beats, stalls, TimeUnit.NANOSECONDS.toMillis(longestNanos),
                TimeUnit.NANOSECONDS.toMillis(stalledNanos));
    }

    /** The last stalls, oldest first (a soak leaves out those it caused itself, forcing a GC). */
    public synchronized List<Stall> recentStalls() {
        return List.copyOf(recent);
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        FileChannel stat = uiSchedStat;
        if (stat != null) {
            try {
                stat.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing the UI thread's schedstat", e);
            }
        }
        LOG.log(System.Logger.Level.INFO, "FX stall probe at exit: " + stalls());
    }
}
