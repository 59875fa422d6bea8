package io.harbormaster.views.cutovers.wizard;

import io.harbormaster.model.cutover.CutoverPlan;
import io.harbormaster.model.cutover.GatePolicy;
import io.harbormaster.model.cutover.GateRule;
import io.harbormaster.model.cutover.PlanStep;
import io.harbormaster.model.cutover.Weights;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a plan reads to the operator: steps, weights, gates, timings and the way back. Pure text, no state. */
public final class RouteText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("UTC"));

    private RouteText() {
    }

    public static String side(CutoverPlan plan, String targetId) {
        return plan.route().target(targetId).map(t -> t.label()).orElse(targetId);
    }

    /** "green 64 · blue 191" in the route's order, with labels. */
    public static String weights(CutoverPlan plan, Weights w) {
        return w.targetIds().stream().map(id -> side(plan, id) + " " + w.weight(id))
                .collect(Collectors.joining(" · "));
    }

    public static String percent(double p) {
        return String.format(Locale.ROOT, "%.2f %%", p).replace(".00 %", " %");
    }

    /** One line per step: requested share, the weights written and the share they really give, bake, finish by. */
    public static List<String> steps(CutoverPlan plan, Instant start) {
        List<String> out = new ArrayList<>();
        Instant at = start;
        for (PlanStep s : plan.steps()) {
            at = at.plus(s.bake());
            out.add(String.format(Locale.ROOT, "Step %d: ask %s for %s → write %s → really %s%s; bake %s; done ≈ %s",
                    s.index(), percent(s.requestedPercent()), side(plan, plan.toId()), weights(plan, s.weights()),
                    percent(s.effectivePercent()), s.approximate() ? " (nearest the weights allow)" : "",
                    duration(s.bake()), TIME.format(at)));
        }
        return out;
    }

    /** "5xx rate on both: warn > 1 %, critical > 5 %; …; no data = fail; …". */
    public static String gates(GatePolicy g) {
        List<String> parts = new ArrayList<>();
        for (GateRule r : g.rules()) {
            String cmp = r.metric().higherIsWorse() ? ">" : "<";
            parts.add(r.metric().label() + " on " + r.scope().name().toLowerCase(Locale.ROOT) + ": warning " + cmp
                    + " " + num(r.warning()) + r.metric().unit() + ", critical " + cmp + " " + num(r.critical())
                    + r.metric().unit());
        }
        if (!g.alarmNames().isEmpty()) {
            parts.add("alarms not in ALARM: " + String.join(", ", g.alarmNames()));
        }
        parts.add("window " + duration(g.window()));
        parts.add("no data = " + g.noData().name().toLowerCase(Locale.ROOT));
        parts.add(g.rollbackOnCritical() ? "critical rolls back by itself" : "critical pauses");
        parts.add(g.pauseOnWarning() ? "warning pauses" : "warning goes on");
        if (g.pauseEveryStep()) {
            parts.add("pause after every step for a manual promote");
        }
        return String.join("; ", parts);
    }

    /** The earliest the plan can finish from {@code start}: every bake (confirmations come on top). */
    public static String earliestFinish(CutoverPlan plan, Instant start) {
        return TIME.format(start.plus(plan.totalBake())) + " UTC (" + duration(plan.totalBake())
                + " of bakes, plus each write's confirmation)";
    }

    public static String rollback(CutoverPlan plan) {
        return "Roll back writes the starting weights " + weights(plan, plan.startWeights()) + " ("
                + percent(plan.startWeights().percent(plan.toId())) + " to " + side(plan, plan.toId())
                + "), read back like any step; abort leaves the weights where they are.";
    }

    public static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        return s % 60 == 0 ? s / 60 + " min" : s / 60 + " min " + s % 60 + " s";
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
