package io.harbormaster.app.journey;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Who holds the cores: every {@link #EVERY_MS} ms the CPU time of each thread of this JVM (Linux's
 * {@code /proc/self/task/<tid>/schedstat}, native JIT and GC threads included) added up by {@link Holder}, beside the
 * machine's busy and idle time ({@code /proc/stat}) and this process's ({@code /proc/self/stat}), so that what other
 * processes used is told apart. The soak matches these ticks to the FX stall probe's stalls: when the UI thread was
 * ready but had no core, this says whose threads had them. A test-side sampler on its own thread, never the probe's:
 * one pass reads one small file a thread (a thread's name once, when it is first seen).
 */
final class CoreSampler implements AutoCloseable {

    /** Often enough that a stall over 50 ms spans one or two ticks; seldom enough to cost little. */
    static final long EVERY_MS = 100;
    /** The kernel's clock tick for {@code /proc/stat} and {@code /proc/<pid>/stat} (USER_HZ, 100 on Linux). */
    private static final long MS_PER_CLOCK_TICK = 10;
    private static final System.Logger LOG = System.getLogger(CoreSampler.class.getName());
    static final String THREAD_NAME = "soak-cores";

    /**
     * Whose thread it is, told by the kernel's name of the thread ({@code comm}: the Java name cut to 15 characters).
     */
    enum Holder {
        UI_THREAD("the UI thread", "JavaFX Applicat"),
        RENDERER("JavaFX's renderer", "QuantumRenderer"),
        CONSOLE_POOL("the console's background pool", "harbormaster-bg"),
        PROBE("the FX stall probe", "harbormaster-fx"),
        CONSOLE_FLEET("the console's fleet reads", "harbormaster-fl"),
        CONSOLE_OTHER("the console's other threads", "harbormaster-", "idle-connection", "sdk-"),
        SANDBOX_CLOCK("the sandbox's clock (its living fleet)", "sandbox-clock"),
        SANDBOX("the sandbox's HTTP threads", "sandbox-", "HTTP-Dispatcher"),
        SAMPLER("this sampler", THREAD_NAME),
        // the JVM leaves the main thread with the launcher's name, "java": JUnit's and TestFX's thread
        HARNESS("the harness (JUnit, TestFX)", "java", "main", "surefire", "testfx"),
        HTTP_CLIENT("the soak's HTTP client", "HttpClient-"),
        JIT("the JIT compilers", "C1 CompilerThre", "C2 CompilerThre", "Sweeper"),
        GC("GC and VM threads", "GC Thread", "G1 ", "VM Thread", "VM Periodic"),
        OTHER("the JVM's and JavaFX's other threads");

        final String label;
        /** The names' beginnings, the first holder (in this order) with one that fits taking the thread. */
        private final List<String> prefixes;

        Holder(String label, String... prefixes) {
            this.label = label;
            this.prefixes = List.of(prefixes);
        }

        static Holder of(String comm) {
            for (Holder holder : values()) {
                if (holder.prefixes.stream().anyMatch(comm::startsWith)) {
                    return holder;
                }
            }
            return OTHER;
        }
    }

    /**
     * One look, at {@code nanos} ({@link System#nanoTime()}): each holder's CPU time so far (since the sampler
     * started, in ns), and the machine's busy and idle time and this process's, in ms.
     */
    record Tick(long nanos, long[] cpuNanos, long machineBusyMs, long machineIdleMs, long processMs) {
    }

    /** What the cores did from one instant to another, in ms of CPU: this JVM's by holder, the rest of the machine. */
    record Use(Map<Holder, Long> byHolder, long otherProcessesMs, long idleMs) {

        static final Use NONE = new Use(new EnumMap<>(Holder.class), 0, 0);

        long jvmMs() {
            return byHolder.values().stream().mapToLong(Long::longValue).sum();
        }

        Use plus(Use other) {
            Map<Holder, Long> sum = new EnumMap<>(Holder.class);
            sum.putAll(byHolder);
            other.byHolder.forEach((h, ms) -> sum.merge(h, ms, Long::sum));
            return new Use(sum, otherProcessesMs + other.otherProcessesMs, idleMs + other.idleMs);
        }

        /** Holders by time, most first, those under 1 ms left out; then the machine's other processes and idle. */
        String describe() {
            StringBuilder b = new StringBuilder();
            byHolder.entrySet().stream().filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<Holder, Long>comparingByValue().reversed())
                    .forEach(e -> b.append(e.getKey().label).append(' ').append(String.format("%,d", e.getValue()))
                            .append(" ms, "));
            return b.append(String.format("other processes %,d ms, idle %,d ms", otherProcessesMs, idleMs))
                    .toString();
        }
    }

    private final Path proc;
    private final ScheduledExecutorService scheduler;
    /**
     * Kept outside the Java heap: the soak measures the heap after GC for a growth trend, and an hour's looks
     * (36,000 ticks, ~6 MB as objects) counted as ~1 MiB of growth every ten minutes (a class histogram of an
     * hour's soak, 2026-12-07: {@code Tick} and {@code long[]} the second largest growth).
     */
    private final OffHeapTicks ticks = new OffHeapTicks(Holder.values().length);
    private final Map<Integer, Task> tasks = new HashMap<>();
    private final long[] cumulative = new long[Holder.values().length];
    private final ByteBuffer buffer = ByteBuffer.allocate(1024);
    private FileChannel machineStat;
    private FileChannel processStat;
    private boolean first = true;

    /** A thread of this JVM: its {@code schedstat} kept open (read again from offset 0), whose, what it had run. */
    private static final class Task {
        final FileChannel schedStat;
        final Holder holder;
        long runtime;

        Task(FileChannel schedStat, Holder holder) {
            this.schedStat = schedStat;
            this.holder = holder;
        }
    }

    private CoreSampler(Path proc) {
        this.proc = proc;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, THREAD_NAME);
            t.setDaemon(true);
            return t;
        });
    }

    /** A sampler looking every {@link #EVERY_MS} ms, or none where the OS does not tell (not Linux). */
    static Optional<CoreSampler> start() {
        Path proc = Path.of("/proc");
        if (!Files.isReadable(proc.resolve("self/task")) || !Files.isReadable(proc.resolve("stat"))) {
            return Optional.empty();
        }
        CoreSampler sampler = new CoreSampler(proc);
        sampler.scheduler.scheduleAtFixedRate(sampler::look, 0, EVERY_MS, TimeUnit.MILLISECONDS);
        return Optional.of(sampler);
    }

    // Each file is opened once and read again at offset 0 (the kernel writes it afresh): a look costs one read a
    // thread, not an open, a read and a close.
    private void look() {
        try {
            long now = System.nanoTime();
            if (machineStat == null) {
                machineStat = FileChannel.open(proc.resolve("stat"), StandardOpenOption.READ);
                processStat = FileChannel.open(proc.resolve("self/stat"), StandardOpenOption.READ);
            }
            String[] tids = proc.resolve("self/task").toFile().list();
            Set<Integer> alive = new HashSet<>();
            for (String name : tids == null ? new String[0] : tids) {
                int tid = Integer.parseInt(name);
                Task task = tasks.get(tid);
                boolean born = task == null;
                if (born && (task = open(tid)) == null) {
                    continue; // ended as we looked
                }
                long runtime = firstNumber(read(task.schedStat));
                if (runtime < 0) {
                    continue;
                }
                alive.add(tid);
                tasks.put(tid, task);
                // a thread first seen after the first look was born since the last: all its time is new
                long before = born && first ? runtime : task.runtime;
                cumulative[task.holder.ordinal()] += Math.max(0, runtime - before);
                task.runtime = runtime;
            }
            tasks.entrySet().removeIf(e -> !alive.contains(e.getKey()) && closed(e.getValue()));
            first = false;
            long[] machine = machineMs(read(machineStat));
            Tick tick = new Tick(now, cumulative.clone(), machine[0], machine[1], processMs(read(processStat)));
            ticks.add(tick);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "a look at the threads' CPU time failed; the next one tries again", e);
        }
    }

    private Task open(int tid) {
        Path dir = proc.resolve("self/task").resolve(Integer.toString(tid));
        try {
            String comm = Files.readString(dir.resolve("comm"), StandardCharsets.UTF_8).trim();
            return new Task(FileChannel.open(dir.resolve("schedstat"), StandardOpenOption.READ), Holder.of(comm));
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean closed(Task task) {
        try {
            task.schedStat.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing an ended thread's schedstat", e);
        }
        return true;
    }

    /** The file's text from its start, or "" if the thread behind it ended. */
    private String read(FileChannel file) {
        buffer.clear();
        try {
            int n;
            long at = 0;
            while (buffer.hasRemaining() && (n = file.read(buffer, at)) > 0) {
                at += n;
            }
        } catch (IOException e) {
            return "";
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
    }

    /** The first number of a line such as {@code schedstat}'s (the time the thread ran, ns), or -1. */
    private static long firstNumber(String text) {
        int end = 0;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end == 0 ? -1 : Long.parseLong(text, 0, end, 10);
    }

    /** The machine's busy and idle time in ms, all cores: the first line of {@code /proc/stat}. */
    private static long[] machineMs(String stat) {
        int eol = stat.indexOf('\n');
        String[] f = (eol < 0 ? stat : stat.substring(0, eol)).trim().split("\\s+");
        long busy = 0;
        long idle = 0;
        for (int i = 1; i < f.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
            long v = Long.parseLong(f[i]);
            if (i == 4 || i == 5) {
                idle += v;
            } else {
                busy += v;
            }
        }
        return new long[] {busy * MS_PER_CLOCK_TICK, idle * MS_PER_CLOCK_TICK};
    }

    /** This process's user and system time in ms ({@code /proc/self/stat}'s 14th and 15th fields). */
    private static long processMs(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * MS_PER_CLOCK_TICK;
    }

    /** The looks so far, oldest first. */
    List<Tick> ticks() {
        return ticks.all();
    }

    /** Ticks in direct buffers of {@value #CHUNK} ticks each, added to and read under one lock. */
    static final class OffHeapTicks {

        static final int CHUNK = 4096;
        private final int holders;
        private final int longsPerTick;
        private final List<LongBuffer> chunks = new ArrayList<>();
        private int size;

        OffHeapTicks(int holders) {
            this.holders = holders;
            this.longsPerTick = 4 + holders;
        }

        synchronized void add(Tick tick) {
            if (size % CHUNK == 0) {
                chunks.add(ByteBuffer.allocateDirect(CHUNK * longsPerTick * Long.BYTES).asLongBuffer());
            }
            LongBuffer chunk = chunks.get(size / CHUNK);
            int at = (size % CHUNK) * longsPerTick;
            chunk.put(at, tick.nanos()).put(at + 1, tick.machineBusyMs()).put(at + 2, tick.machineIdleMs())
                    .put(at + 3, tick.processMs());
            for (int h = 0; h < holders; h++) {
                chunk.put(at + 4 + h, tick.cpuNanos()[h]);
            }
            size++;
        }

        synchronized List<Tick> all() {
            List<Tick> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                LongBuffer chunk = chunks.get(i / CHUNK);
                int at = (i % CHUNK) * longsPerTick;
                long[] cpu = new long[holders];
                for (int h = 0; h < holders; h++) {
                    cpu[h] = chunk.get(at + 4 + h);
                }
                out.add(new Tick(chunk.get(at), cpu, chunk.get(at + 1), chunk.get(at + 2), chunk.get(at + 3)));
            }
            return List.copyOf(out);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            if (scheduler.awaitTermination(1, TimeUnit.SECONDS)) {
                tasks.values().forEach(CoreSampler::closed);
                for (FileChannel file : new FileChannel[] {machineStat, processStat}) {
                    if (file != null) {
                        file.close();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing /proc/stat", e);
        }
    }

    /**
     * What the cores did from {@code fromNanos} to {@code toNanos}: each interval between two ticks counted for the
     * share of it inside the span (the CPU time within an interval is taken as spread evenly over it).
     */
    static Use during(List<Tick> ticks, long fromNanos, long toNanos) {
        double[] byHolder = new double[Holder.values().length];
        double others = 0;
        double idle = 0;
        for (int i = 1; i < ticks.size(); i++) {
            Tick a = ticks.get(i - 1);
            Tick b = ticks.get(i);
            long overlap = Math.min(b.nanos(), toNanos) - Math.max(a.nanos(), fromNanos);
            if (overlap <= 0 || b.nanos() <= a.nanos()) {
                continue;
            }
            double share = (double) overlap / (b.nanos() - a.nanos());
            for (int h = 0; h < byHolder.length; h++) {
                byHolder[h] += share * (b.cpuNanos()[h] - a.cpuNanos()[h]) / 1e6;
            }
            long machineBusy = b.machineBusyMs() - a.machineBusyMs();
            long process = b.processMs() - a.processMs();
            others += share * Math.max(0, machineBusy - process);
            idle += share * (b.machineIdleMs() - a.machineIdleMs());
        }
        Map<Holder, Long> use = new EnumMap<>(Holder.class);
        for (Holder h : Holder.values()) {
            use.put(h, Math.round(byHolder[h.ordinal()]));
        }
        return new Use(use, Math.round(others), Math.round(idle));
    }
}
