package io.harbormaster.views.text;

import io.harbormaster.model.cost.repack.Blocker;
import io.harbormaster.model.cost.repack.RepackResult;
import java.util.Locale;

/** A repacking what-if in words, the same on the Cost page and on the Hosts canvas. */
public final class RepackText {

    private RepackText() {
    }

    /** "31 hosts → 12 × c5.4xlarge (dynamic ports; lower bound 12, capacity alone 12) · $X/month → $Y/month · saves $Z/month". */
    public static String summary(RepackResult r) {
        long empty = r.hosts().stream().filter(h -> h.tasks() == 0).count();
        return String.format(Locale.ROOT, "%d hosts → %d × %s (%s ports; lower bound %d, capacity alone %d%s) · "
                        + "%s/month → %s/month · %s %s/month%s", r.hostsBefore(), r.hostsAfter(),
                r.target().instanceType(), r.portMode().name().toLowerCase(Locale.ROOT), r.lowerBound(),
                r.capacityBound(), empty > 0 ? ", " + empty + " empty" : "", money(r.usdPerMonthBefore()),
                money(r.usdPerMonthAfter()), r.monthlySaving() >= 0 ? "saves" : "costs",
                money(Math.abs(r.monthlySaving())), r.unplaced() > 0 ? " · " + r.unplaced() + " tasks not placed" : "");
    }

    /** What stops a tighter packing, each blocker's service named. */
    public static String blockers(RepackResult r) {
        return r.blockers().isEmpty() ? "Nothing stops a tighter packing than capacity itself."
                : "What stops a better packing: " + String.join("; ", r.blockers().stream().map(Blocker::reason)
                        .toList());
    }

    public static String money(double usd) {
        return String.format(Locale.ROOT, "$%,.2f", usd);
    }
}
