package io.harbormaster.app.journey;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.harbormaster.app.FxStallProbe;
import io.harbormaster.sandbox.chaos.FaultKind;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What a soak measured: a reading of heap after GC, live threads and FX stalls after each environment's pages and
 * after each fault; what each fault did; whether each page was current again after one refresh; the calls of each
 * measured refresh; the dialogs opened by kind. Writes its samples as CSV and the whole as JSON, and prints a table.
 */
record SoakReport(Instant started, Instant ended, SoakDriver.Settings settings, int rounds, List<String> visits,
        List<Sample> samples, List<FaultSeen> faults, List<CurrentAgain> currentAgain,
        List<RefreshCalls.Measured> refreshes, Map<String, Integer> dialogs, int mfaAnswered,
        List<FxStallProbe.Stall> stalls, long gcStalls, Map<String, Long> faultsInjected, List<String> incidents,
        List<Window> activities, long cpuMs, List<CoreSampler.Tick> coreTicks) {

    /**
     * What the soak was doing from when to when ({@link System#nanoTime()}): showing a page (its view built then, on
     * a first load), or a fault's phase.
     */
    record Window(String what, boolean firstLoad, long fromNanos, long toNanos) {

        boolean overlaps(FxStallProbe.Stall stall) {
            return stall.beganNanos() <= toNanos && stall.endedNanos() >= fromNanos;
        }
    }

    /** A reading of the meter, where the soak was then. */
    record Sample(int round, String environment, String after, SoakMeter.Reading reading) {
    }

    /**
     * One fault switched on: whether the fleet's refresh failed under it, whether the operator was told the data is
     * old, and how many stale markings the pages shown during it displayed.
     */
    record FaultSeen(int round, String environment, String fault, boolean refreshFailed, boolean told,
            int staleMarkings) {

        /** A refresh that failed must say so; one the retries absorbed is current and needs no marking. */
        boolean truthful() {
            return !refreshFailed || (told && staleMarkings > 0);
        }
    }

    /** Whether a page shown during a fault was current after one refresh once the fault ended. */
    record CurrentAgain(int round, String environment, String fault, String page, boolean current) {
    }

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private long coreStart() {
        return coreTicks.isEmpty() ? 0 : coreTicks.get(0).nanos();
    }

    Duration length() {
        return Duration.between(started, ended);
    }

    List<Sample> samplesOfRound(int round) {
        return samples.stream().filter(s -> s.round() == round).toList();
    }

    long heapMin() {
        return samples.stream().mapToLong(s -> s.reading().heapMiB()).min().orElse(0);
    }

    long heapMax() {
        return samples.stream().mapToLong(s -> s.reading().heapMiB()).max().orElse(0);
    }

    /**
     * The heap's trend after GC: the least-squares slope of each round's last reading (the same point of the round,
     * every environment visited), from round 2 on (round 1 fills caches and builds each page's view once), in MiB
     * per 10 minutes; NaN with fewer than 3 such readings.
     */
    double heapSlopePer10Min() {
        List<Sample> ends = new ArrayList<>();
        for (int round = 2; round <= rounds; round++) {
            List<Sample> of = samplesOfRound(round);
            if (!of.isEmpty()) {
                ends.add(of.get(of.size() - 1));
            }
        }
        if (ends.size() < 3) {
            return Double.NaN;
        }
        double n = ends.size();
        double mx = ends.stream().mapToDouble(s -> s.reading().atMs()).sum() / n;
        double my = ends.stream().mapToDouble(s -> s.reading().heapMiB()).sum() / n;
        double sxy = 0;
        double sxx = 0;
        for (Sample s : ends) {
            double dx = s.reading().atMs() - mx;
            sxy += dx * (s.reading().heapMiB() - my);
            sxx += dx * dx;
        }
        return sxx == 0 ? 0 : sxy / sxx * 600_000;
    }

    int threadsMin() {
        return samples.stream().mapToInt(s -> s.reading().threads()).min().orElse(0);
    }

    int threadsMax() {
        return samples.stream().mapToInt(s -> s.reading().threads()).max().orElse(0);
    }

    long longestStallMs() {
        return stalls.stream().mapToLong(FxStallProbe.Stall::waitedMs).max().orElse(0);
    }

    /** Stalls during no page's first load (its view built then): page switches, refreshes, faults. */
    List<FxStallProbe.Stall> stallsAfterFirstLoads() {
        return stalls.stream().filter(st -> activities.stream().noneMatch(w -> w.firstLoad() && w.overlaps(st)))
                .toList();
    }

    /**
     * Stalls begun after the soak's last first load, when every page's view (and side by side's) is built: page
     * switches, refreshes, entering an environment, faults.
     */
    List<FxStallProbe.Stall> stallsOnceBuilt() {
        long built = activities.stream().filter(Window::firstLoad).mapToLong(Window::toNanos).max()
                .orElse(Long.MIN_VALUE);
        return stalls.stream()
                .filter(st -> st.beganNanos() > built).toList();
    }

    /** The stalls in which the UI thread worked longest, each with what the soak was doing then. */
    List<String> busiestStalls(int count) {
        return busiest(stalls, count);
    }

    /** As {@link #busiestStalls(int)}, of these stalls. */
    List<String> busiest(List<FxStallProbe.Stall> of, int count) {
        return of.stream().sorted(Comparator.comparingLong(FxStallProbe.Stall::busyMs).reversed()).limit(count)
                .map(st -> String.format("%d ms of work in a %d ms stall (%s)", st.busyMs(), st.waitedMs(),
                        during(st)))
                .toList();
    }

    /** What the soak was doing during this stall: the page visit it overlaps, or between pages. */
    String during(FxStallProbe.Stall st) {
        return activities.stream().filter(w -> w.overlaps(st)).map(w -> w.what()
                + (w.firstLoad() ? ", first load" : "")).findFirst().orElse("between pages");
    }

    /**
     * The stalls' wait split by what the UI thread did meanwhile: its own work, ready but without a core, stopped by
     * a GC, or blocked on another thread (the renderer, a lock); and in how many stalls each was the most.
     */
    String heldBy() {
        List<FxStallProbe.Stall> known = stalls.stream().filter(st -> st.busyMs() >= 0 && st.waitingForCoreMs() >= 0
                && st.gcMs() >= 0).toList();
        if (known.isEmpty()) {
            return "not measured (the OS does not tell a thread's run-queue wait)";
        }
        long work = known.stream().mapToLong(FxStallProbe.Stall::busyMs).sum();
        long core = known.stream().mapToLong(FxStallProbe.Stall::waitingForCoreMs).sum();
        long gc = known.stream().mapToLong(FxStallProbe.Stall::gcMs).sum();
        long other = known.stream().mapToLong(FxStallProbe.Stall::otherMs).sum();
        long[] most = new long[4];
        for (FxStallProbe.Stall st : known) {
            most[mostOf(st)]++;
        }
        return String.format("of %,d ms in %d stalls: its own work %,d ms (the most in %d stalls), ready but no core"
                + " free %,d ms (%d), GC pauses %,d ms (%d), blocked on another thread %,d ms (%d)",
                known.stream().mapToLong(FxStallProbe.Stall::waitedMs).sum(), known.size(), work, most[0], core,
                most[1], gc, most[2], other, most[3]);
    }

    /** What held the UI thread most in a stall: 0 its own work, 1 no core free, 2 GC, 3 another thread. */
    private static int mostOf(FxStallProbe.Stall st) {
        long[] parts = {st.busyMs(), st.waitingForCoreMs(), st.gcMs(), st.otherMs()};
        int top = 0;
        for (int i = 1; i < parts.length; i++) {
            top = parts[i] > parts[top] ? i : top;
        }
        return top;
    }

    /** What every thread of the JVM, and the machine's other processes, did with the cores during a stall. */
    CoreSampler.Use coresDuring(FxStallProbe.Stall st) {
        return CoreSampler.during(coreTicks, st.beganNanos(), st.endedNanos());
    }

    private CoreSampler.Use coresDuring(List<FxStallProbe.Stall> of) {
        return of.stream().map(this::coresDuring).reduce(CoreSampler.Use.NONE, CoreSampler.Use::plus);
    }

    /**
     * Who used the cores while the UI thread waited: in every stall, and in those it spent mostly ready to run but
     * without a core.
     */
    String coresInStalls() {
        if (coreTicks.size() < 2) {
            return "not measured (the OS does not tell each thread's CPU time)";
        }
        List<FxStallProbe.Stall> noCore = stalls.stream().filter(st -> st.waitingForCoreMs() >= 0 && mostOf(st) == 1)
                .toList();
        long wall = stalls.stream().mapToLong(FxStallProbe.Stall::waitedMs).sum();
        return String.format("in %d stalls, %,d ms on %d cores: %s; in the %d stalls mostly ready without a core"
                + " (%,d ms): %s", stalls.size(), wall, CORES, coresDuring(stalls).describe(), noCore.size(),
                noCore.stream().mapToLong(FxStallProbe.Stall::waitedMs).sum(), coresDuring(noCore).describe());
    }

    /** Who used the cores from the sampler's first look to its last. */
    String coresOverSoak() {
        if (coreTicks.size() < 2) {
            return "not measured";
        }
        long from = coreTicks.get(0).nanos();
        long to = coreTicks.get(coreTicks.size() - 1).nanos();
        CoreSampler.Use use = CoreSampler.during(coreTicks, from, to);
        return String.format("%,d s on %d cores, this JVM %,d s: %s", TimeUnit.NANOSECONDS.toSeconds(to - from),
                CORES, use.jvmMs() / 1000, use.describe());
    }

    /** The most CPU time the UI thread itself spent in one of these stalls. */
    static long longestBusyMs(List<FxStallProbe.Stall> of) {
        return of.stream().mapToLong(FxStallProbe.Stall::busyMs).max().orElse(0);
    }

    private static long busyOver(List<FxStallProbe.Stall> of, long ms) {
        return of.stream().filter(st -> st.busyMs() > ms).count();
    }

    long staleMarkings() {
        return faults.stream().mapToLong(FaultSeen::staleMarkings).sum();
    }

    /** The rows of the figures table, what then value. */
    Map<String, String> table() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("soak length", String.format("%d min %d s wall (the JVM's CPU meanwhile %,d s: console, sandbox and"
                + " harness), %d rounds, sandbox clock ×60", length().toMinutes(), length().toSecondsPart(),
                cpuMs / 1000, rounds));
        t.put("pages visited", String.format("%,d visits (%d pages with their tabs + side by side, in %s)",
                visits.size(), visits.stream().distinct().count() / Math.max(1, settings.environments().size()),
                settings.environments()));
        t.put("faults injected", String.format("%d episodes of %s; requests faulted by kind %s", faults.size(),
                settings.faults(), faultsInjected));
        double slope = heapSlopePer10Min();
        t.put("heap after GC", String.format("min %d MiB, max %d MiB, trend %s", heapMin(), heapMax(),
                Double.isNaN(slope) ? "not measured (fewer than 4 rounds)"
                        : String.format("%+.1f MiB / 10 min (each round's end, from round 2)", slope)));
        t.put("live threads", String.format("min %d, max %d", threadsMin(), threadsMax()));
        t.put("FX stalls > 50 ms", String.format("%d, longest %d ms (%d more during the soak's own forced GCs,"
                + " left out)", stalls.size(), longestStallMs(), gcStalls));
        List<FxStallProbe.Stall> after = stallsAfterFirstLoads();
        List<FxStallProbe.Stall> during = stalls.stream().filter(st -> !after.contains(st)).toList();
        t.put("UI thread's own work (CPU) in those stalls", String.format("in pages' first loads: %d stalls, the"
                + " longest %d ms of work, %d over 50 ms of work; after: %d stalls, the longest %d ms of work, %d over"
                + " 50 ms of work", during.size(), longestBusyMs(during), busyOver(during, 50), after.size(),
                longestBusyMs(after), busyOver(after, 50)));
        List<FxStallProbe.Stall> built = stallsOnceBuilt();
        t.put("UI thread's own work once every page's view is built", String.format("%d stalls, the longest %d ms"
                + " of work, %d over 50 ms of work: %s", built.size(), longestBusyMs(built), busyOver(built, 50),
                String.join("; ", busiest(built, 3))));
        t.put("stalls in which the UI thread worked longest", String.join("; ", busiestStalls(8)));
        t.put("what held the UI thread in those stalls", heldBy());
        t.put("who used the cores while the UI thread waited (CPU ms; the JVM's threads by name, the machine's"
                + " other processes from /proc/stat)", coresInStalls());
        t.put("who used the cores over the soak (CPU ms)", coresOverSoak());
        t.put("dialogs", dialogs.isEmpty() ? "none" : dialogs.toString());
        t.put("MFA prompts answered", String.valueOf(mfaAnswered));
        t.put("incidents (a wait that timed out; the soak went on)", incidents.isEmpty() ? "none"
                : incidents.size() + ": " + incidents);
        t.put("stale markings while faults were on", String.format("%d markings; refreshes failed under %d of %d"
                + " faults, each told: %s", staleMarkings(), faults.stream().filter(FaultSeen::refreshFailed).count(),
                faults.size(), faults.stream().allMatch(FaultSeen::truthful)));
        t.put("current again after one refresh", String.format("%d of %d pages", currentAgain.stream()
                .filter(CurrentAgain::current).count(), currentAgain.size()));
        t.put("API calls per refresh", String.format("%d refreshes measured, %d within minimum + retries; sent %s,"
                + " minimum %s; other callers' calls of the fleet's operations while a refresh ran (told apart by"
                + " the refresh's name in the User-Agent, not counted) in %d refreshes: %d",
                refreshes.size(), refreshes.stream().filter(RefreshCalls.Measured::withinBound)
                .count(), refreshes.stream().mapToLong(RefreshCalls.Measured::sentTotal).summaryStatistics(),
                refreshes.stream().mapToInt(RefreshCalls.Measured::minimumTotal).summaryStatistics(),
                refreshes.stream().filter(r -> !r.others().isEmpty()).count(),
                refreshes.stream().mapToLong(RefreshCalls.Measured::othersTotal).sum()));
        return t;
    }

    String printable() {
        StringBuilder b = new StringBuilder("| what | figure |\n|---|---|\n");
        table().forEach((what, figure) -> b.append("| ").append(what).append(" | ").append(figure).append(" |\n"));
        return b.toString();
    }

    /** The samples as CSV, and everything as JSON, beside each other in {@code dir}. */
    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder("at_s,round,environment,after,heap_after_gc_mib,live_threads,"
                + "fx_stalls_over_50ms,fx_longest_stall_ms\n");
        for (Sample s : samples) {
            csv.append(String.format("%.1f,%d,%s,%s,%d,%d,%d,%d%n", s.reading().atMs() / 1000.0, s.round(),
                    s.environment(), s.after(), s.reading().heapMiB(), s.reading().threads(), s.reading().stalls(),
                    s.reading().longestStallMs()));
        }
        Files.writeString(dir.resolve("soak-samples.csv"), csv);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("figures", table());
        json.put("samples", samples);
        json.put("faults", faults);
        json.put("currentAgain", currentAgain);
        json.put("refreshes", refreshes);
        json.put("dialogs", dialogs);
        json.put("incidents", incidents);
        json.put("stalls", stalls.stream().map(st -> Map.of("endedAtMs", TimeUnit.NANOSECONDS.toMillis(
                st.endedNanos() - coreStart()), "stall", st, "during", during(st), "cores", coresDuring(st))).toList());
        new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .writeValue(dir.resolve("soak.json").toFile(), json);
    }

    /** Collects as the soak goes. */
    static final class Builder {

        private Instant started;
        private SoakDriver.Settings settings;
        private int rounds;
        private final List<String> visits = new ArrayList<>();
        private final List<Sample> samples = new ArrayList<>();
        private final List<FaultSeen> faults = new ArrayList<>();
        private final List<CurrentAgain> currentAgain = new ArrayList<>();
        private final List<RefreshCalls.Measured> refreshes = new ArrayList<>();
        private int mfaAnswered;
        private final List<String> incidents = new ArrayList<>();
        private final List<Window> activities = new ArrayList<>();
        private long cpuAtStart;
        private Consumer<Sample> listener = s -> { };

        void started(Instant at, SoakDriver.Settings with) {
            started = at;
            cpuAtStart = processCpuMs();
            settings = with;
        }

        private static long processCpuMs() {
            return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                    .getProcessCpuTime() / 1_000_000;
        }

        void onSample(Consumer<Sample> sampled) {
            listener = sampled;
        }

        void visited(int round, String environment, String page) {
            visits.add(environment + "/" + page);
        }

        void reading(int round, String environment, String after, SoakMeter.Reading reading) {
            Sample sample = new Sample(round, environment, after, reading);
            samples.add(sample);
            listener.accept(sample);
        }

        void fault(FaultSeen seen) {
            faults.add(seen);
        }

        void currentAgain(CurrentAgain seen) {
            currentAgain.add(seen);
        }

        void refresh(RefreshCalls.Measured measured) {
            refreshes.add(measured);
        }

        void activity(String what, boolean firstLoad, long fromNanos, long toNanos) {
            activities.add(new Window(what, firstLoad, fromNanos, toNanos));
        }

        void incident(String what) {
            incidents.add(what);
        }

        void mfaAnswered() {
            mfaAnswered++;
        }

        void roundEnded(int round) {
            rounds = round;
        }

        SoakReport ended(Instant at, Map<String, Integer> dialogs, List<FxStallProbe.Stall> stalls, long gcStalls,
                Map<FaultKind, Long> injected, List<CoreSampler.Tick> coreTicks) {
            Map<String, Long> byKind = new TreeMap<>();
            injected.forEach((kind, n) -> byKind.put(kind.spec(), n));
            return new SoakReport(started, at, settings, rounds, List.copyOf(visits), List.copyOf(samples),
                    List.copyOf(faults), List.copyOf(currentAgain), List.copyOf(refreshes), Map.copyOf(dialogs),
                    mfaAnswered, List.copyOf(stalls), gcStalls, byKind, List.copyOf(incidents), List.copyOf(activities),
                    processCpuMs() - cpuAtStart, List.copyOf(coreTicks));
        }
    }
}
