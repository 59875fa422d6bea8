package io.harbormaster.app;

import io.harbormaster.app.PageTour.Visit;
import java.util.List;

/**
 * The UI thread's stalls during a {@link PageTour}, each with the visit it began in: what the first visit of each
 * page costs the UI thread, where the class-data archive and everything else that makes a first visit cheap are
 * judged. Logged at the end of a tour when the stall probe is on.
 */
final class TourStalls {

    private static final System.Logger LOG = System.getLogger(TourStalls.class.getName());

    private TourStalls() {
    }

    static void log(FxStallProbe probe, List<Visit> visits) {
        if (visits.isEmpty()) {
            return;
        }
        long began = visits.get(0).beganNanos();
        List<FxStallProbe.Stall> during = probe.recentStalls().stream()
                .filter(stall -> stall.endedNanos() >= began).toList();
        long longest = during.stream().mapToLong(FxStallProbe.Stall::waitedMs).max().orElse(0);
        LOG.log(System.Logger.Level.INFO, "Tour: " + during.size() + " FX stalls over " + FxStallProbe.STALL_MS
                + " ms during the tour, longest " + longest + " ms (since the start: " + probe.stalls() + ")");
        for (FxStallProbe.Stall stall : during) {
            LOG.log(System.Logger.Level.INFO, "Tour stall: " + stall.waitedMs() + " ms in " + at(visits, stall)
                    + " (UI thread busy " + stall.busyMs() + " ms, waiting for a core " + stall.waitingForCoreMs()
                    + " ms, GC " + stall.gcMs() + " ms)");
        }
    }

    /** The visit under way when the stall began. */
    static Visit at(List<Visit> visits, FxStallProbe.Stall stall) {
        Visit under = visits.get(0);
        for (Visit visit : visits) {
            if (visit.beganNanos() <= stall.beganNanos()) {
                under = visit;
            }
        }
        return under;
    }
}
