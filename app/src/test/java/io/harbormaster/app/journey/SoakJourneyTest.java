package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.app.FxStallProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The short soak (issue 17; the long one is {@code -Pbench-soak}): the console on the sandbox at ×60 visits every
 * page, its tabs and the side-by-side half in dev and prod, twice, with a wire fault switched on and off through
 * the sandbox's control API after each environment. The second round must not grow the heap or the threads beyond
 * the first's, no kind of failure may open more than one dialog, a failed refresh must say the data is old, every
 * page shown during a fault must be current after one refresh once it ends, and a refresh may send no more calls
 * than the planner's minimum plus its retries. Afterwards no secret the sandbox handed out is in the data directory
 * or the soak's own output.
 */
class SoakJourneyTest {

    /**
     * Heap after GC differs between readings by what is in flight (a refresh's answers, a page's chart); a leak of
     * 1 MiB a page visit adds 28 MiB a round.
     */
    static final long HEAP_GROWTH_BOUND_MIB = 16;
    /** Pools end idle threads after 30–60 s, so a round may still hold a few the previous did not. */
    static final int THREAD_GROWTH_BOUND = 8;
    /**
     * The most CPU time the UI thread may spend in one stall once every page's view (and side by side's) is built,
     * from the last first load on (round 2: page switches, refreshes, entering an environment, faults): measured at
     * most 19 and 44 ms in 2 runs on the shared 2-core machine at load average 2–13 (2026-12-06), twice that for a
     * loaded CI machine; a planted 120 ms of UI-thread work on each later Hosts visit fails it (113–126 ms). The
     * stall's wall time is not asserted: on that machine it measures the neighbours' builds (a stall of 3.9 s held
     * 171 ms of the UI thread's work), while the thread's own work is the console's.
     */
    static final long BUILT_WORK_BOUND_MS = 100;
    /**
     * The same for any stall outside a page's first load, round 1's included. Entering an environment as its fleet
     * first arrives fills the shown page's table for the first time (Clusters, the page the window opens on): on a
     * cold JVM every visible row's cells, the empty rows' too, styled and laid out in one frame, 90–100 ms of work
     * (a JFR recording of that frame: cell and skin creation, their CSS, class loading). Measured at most 93, 94 and
     * 109 ms in 3 runs at load average 4–9 (2026-12-06), each run's only stall over 50 ms of work outside the first
     * loads; 24 ms where the soak ran after 9 other journeys in the same JVM; twice the cold figure for a loaded CI
     * machine. Before, the same first frame (100–110 ms in 3 runs, also building
     * the JDK's collation tables for the first sort), then a second of 62–81 ms when the packing arrived and the
     * Clusters table threw its cells away to make them again; 73–127 ms at load 2–13, 155–171 ms at load 22–33.
     */
    static final long STALL_WORK_BOUND_MS = 220;
    /**
     * The same in any stall, a page's first load included (its view built in one event and put in the window after
     * it, its rows a frame after its table, each tab's content when first opened, the Services detail built and
     * styled in frames of their own): first loads measured at most 82–114 ms in 5 runs at load average 3–8
     * (2026-12-06; Services' rows' first frame; Cutovers 50–79, not its view's build or first frame, 10–13 ms each;
     * Cost 39–70, the side-by-side half 46–58, Hosts 41–53), against 88–160 ms before (4 runs at load 3–13);
     * round 1's entering of an environment (not a first load, in this bound too) at most 97–131 ms. Twice the
     * highest for a loaded CI machine; before any split 143–240 ms, 321 ms at load 22–33. With the Services
     * detail's tabs a pulse after its head and Cost's rows in parts (2026-12-07, with the MFA dialog also shown in
     * parts, since taken out: its test hung the UI thread in JavaFX's wait for a frame's rendering): no first-load
     * stall over 38 ms of work in 5 runs at load 0.3–1.4 (main: none over 16 in 2 runs alongside, 40–72 in 3 at
     * load 2–4); the parts alone, timed in the UI thread, 5–39 ms quiet and up to 65 at load 4. Later stalls up to
     * 97 ms (a Services visit re-styling the page it puts back in the window) keep this bound where it is.
     */
    static final long FIRST_LOAD_WORK_BOUND_MS = 250;

    /** The console's FX stall probe on for this class's console (before it starts), off after it closed. */
    @RegisterExtension
    @Order(1)
    static final Extension PROBE = new ProbeOn();

    @RegisterExtension
    @Order(2)
    static final Journey journey = Journey.of(JourneyOptions.sandbox().speed(60).entering("sandbox-dev"));

    private static SoakMeter.Reading last(List<SoakReport.Sample> samples) {
        return samples.get(samples.size() - 1).reading();
    }

    static final class ProbeOn implements BeforeAllCallback, AfterAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            System.setProperty(FxStallProbe.PROPERTY, "true");
        }

        @Override
        public void afterAll(ExtensionContext context) {
            System.clearProperty(FxStallProbe.PROPERTY);
        }
    }

    @Test
    void twoRoundsOfEveryPageUnderFaultsLeaveNothingBehind() throws Exception {
        SoakDriver driver = new SoakDriver(journey, new SoakDriver.Settings(Duration.ZERO, 2,
                List.of("sandbox-dev", "sandbox-prod"),
                // in turn dev, prod, dev, prod: the expired token on dev (prod's entry asks for MFA), the throttling
                // storm on dev's 8 calls a refresh rather than prod's 22 (each retried with backoff)
                List.of("expired-token:ecs", "internal-failure:ecs", "throttle:ecs,rate=0.5", "latency:ecs,ms=150"),
                Duration.ofMillis(150)));
        driver.onReading(sample -> System.getLogger(getClass().getName()).log(System.Logger.Level.INFO,
                "short soak: round {0} {1} after {2}: {3}", sample.round(), sample.environment(), sample.after(),
                sample.reading()));
        SoakReport report = driver.run();
        Path out = Path.of(System.getProperty("harbormaster.test.output", "target"), "soak");
        report.write(out);
        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, "short soak:\n" + report.printable());

        // Round 1 enters prod half-way (its fleet, sessions and pools come then): round 2 is held against round 1's
        // highest reading, and its end against round 1's end, where both hold the same environments.
        assertThat(report.incidents()).as("waits that timed out").isEmpty();
        List<SoakReport.Sample> first = report.samplesOfRound(1);
        List<SoakReport.Sample> second = report.samplesOfRound(2);
        assertThat(second).hasSameSizeAs(first).isNotEmpty();
        long heapBefore = first.stream().mapToLong(s -> s.reading().heapMiB()).max().orElseThrow();
        int threadsBefore = first.stream().mapToInt(s -> s.reading().threads()).max().orElseThrow();
        for (SoakReport.Sample s : second) {
            assertThat(s.reading().heapMiB()).as("heap after GC at %s/%s in round 2, round 1 at most %d MiB",
                    s.environment(), s.after(), heapBefore).isLessThanOrEqualTo(heapBefore + HEAP_GROWTH_BOUND_MIB);
            assertThat(s.reading().threads()).as("live threads at %s/%s in round 2, round 1 at most %d",
                    s.environment(), s.after(), threadsBefore).isLessThanOrEqualTo(threadsBefore + THREAD_GROWTH_BOUND);
        }
        assertThat(last(second).heapMiB()).as("heap after GC at the end of round 2 against the end of round 1")
                .isLessThanOrEqualTo(last(first).heapMiB() + HEAP_GROWTH_BOUND_MIB);
        assertThat(report.stalls()).as("stalls whose UI-thread work is measured").allMatch(st -> st.busyMs() >= 0);
        assertThat(SoakReport.longestBusyMs(report.stallsOnceBuilt()))
                .as("the UI thread's work in one stall once every page's view is built: %s",
                        report.busiest(report.stallsOnceBuilt(), 3))
                .isLessThanOrEqualTo(BUILT_WORK_BOUND_MS);
        assertThat(SoakReport.longestBusyMs(report.stallsAfterFirstLoads()))
                .as("the UI thread's work in one stall after the first loads: %s", report.busiestStalls(3))
                .isLessThanOrEqualTo(STALL_WORK_BOUND_MS);
        assertThat(SoakReport.longestBusyMs(report.stalls()))
                .as("the UI thread's work in one stall: %s", report.busiestStalls(3))
                .isLessThanOrEqualTo(FIRST_LOAD_WORK_BOUND_MS);
        assertThat(report.dialogs()).as("dialogs by kind of failure").allSatisfy((kind, n) ->
                assertThat(n).as(kind).isLessThanOrEqualTo(1));
        assertThat(report.faults()).hasSize(4).allMatch(SoakReport.FaultSeen::truthful);
        assertThat(report.faults()).as("expired-token and 5xx fail the refresh").filteredOn(
                SoakReport.FaultSeen::refreshFailed).hasSizeGreaterThanOrEqualTo(2);
        assertThat(report.currentAgain()).isNotEmpty().allMatch(SoakReport.CurrentAgain::current);
        assertThat(report.refreshes()).hasSize(4).allMatch(RefreshCalls.Measured::withinBound);
        assertThat(report.faultsInjected()).isNotEmpty();

        SecretsScan scan = SecretsScan.of(journey.sandbox(), "alice")
                .files(journey.workDir()).files(out);
        assertThat(scan.found()).as("secrets after the soak, in %s", scan.scanned()).isEmpty();
    }
}
