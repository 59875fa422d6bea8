package io.harbormaster.app.journey;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.harbormaster.app.FxStallProbe;
import io.harbormaster.sandbox.chaos.FaultKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What a soak measured: a reading of heap after GC, live threads and FX stalls after each environment's pages and
 * after each fault; what each fault did; whether each page was current again after one refresh; the calls of each
 * measured refresh; the dialogs opened by kind. Writes its samples as CSV and the whole as JSON, and prints a table.
 */
record SoakReport(Instant started, Instant ended, SoakDriver.Settings settings, int rounds, List<String> visits,
        List<Sample> samples, List<FaultSeen> faults, List<CurrentAgain> currentAgain,
        List<RefreshCalls.Measured> refreshes, Map<String, Integer> dialogs, int mfaAnswered,
        List<FxStallProbe.Stall> stalls, long gcStalls, Map<String, Long> faultsInjected, List<String> incidents) {

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
     * The heap's trend after GC: the least-squares slope of the readings from round 2 on (round 1 fills caches and
     * builds each page's view once), in MiB per 10 minutes; 0 with fewer than 3 readings.
     */
    double heapSlopePer10Min() {
        List<Sample> steady = samples.stream().filter(s -> s.round() > 1).toList();
        if (steady.size() < 3) {
            return 0;
        }
        double n = steady.size();
        double mx = steady.stream().mapToDouble(s -> s.reading().atMs()).sum() / n;
        double my = steady.stream().mapToDouble(s -> s.reading().heapMiB()).sum() / n;
        double sxy = 0;
        double sxx = 0;
        for (Sample s : steady) {
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

    long staleMarkings() {
        return faults.stream().mapToLong(FaultSeen::staleMarkings).sum();
    }

    /** The rows of the figures table, what then value. */
    Map<String, String> table() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("soak length", String.format("%d min %d s wall, %d rounds, sandbox clock ×60", length().toMinutes(),
                length().toSecondsPart(), rounds));
        t.put("pages visited", String.format("%,d visits (%d pages with their tabs + side by side, in %s)",
                visits.size(), visits.stream().distinct().count() / Math.max(1, settings.environments().size()),
                settings.environments()));
        t.put("faults injected", String.format("%d episodes of %s; requests faulted by kind %s", faults.size(),
                settings.faults(), faultsInjected));
        t.put("heap after GC", String.format("min %d MiB, max %d MiB, trend %+.1f MiB / 10 min (from round 2)",
                heapMin(), heapMax(), heapSlopePer10Min()));
        t.put("live threads", String.format("min %d, max %d", threadsMin(), threadsMax()));
        t.put("FX stalls > 50 ms", String.format("%d, longest %d ms (%d more during the soak's own forced GCs,"
                + " left out)", stalls.size(), longestStallMs(), gcStalls));
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
                + " minimum %s", refreshes.size(), refreshes.stream().filter(RefreshCalls.Measured::withinBound)
                .count(), refreshes.stream().mapToLong(RefreshCalls.Measured::sentTotal).summaryStatistics(),
                refreshes.stream().mapToInt(RefreshCalls.Measured::minimumTotal).summaryStatistics()));
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
        private Consumer<Sample> listener = s -> { };

        void started(Instant at, SoakDriver.Settings with) {
            started = at;
            settings = with;
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
                Map<FaultKind, Long> injected) {
            Map<String, Long> byKind = new TreeMap<>();
            injected.forEach((kind, n) -> byKind.put(kind.spec(), n));
            return new SoakReport(started, at, settings, rounds, List.copyOf(visits), List.copyOf(samples),
                    List.copyOf(faults), List.copyOf(currentAgain), List.copyOf(refreshes), Map.copyOf(dialogs),
                    mfaAnswered, List.copyOf(stalls), gcStalls, byKind, List.copyOf(incidents));
        }
    }
}
