package io.harbormaster.model.cutover;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns "move traffic from A to B in these steps" into the integer weights each step writes, and says what share
 * they really give.
 *
 * <p>Only the two sides' weights change. When other targets of the route carry weight, the pair's sum is kept as
 * it was, so the others keep their share and the requested percentage is the target's share of the pair's traffic.
 * When the pair is alone, any pair of weights in the kind's range may be used: the planner picks the one closest
 * to the requested share (ties: the sum nearest the starting sum, then the larger sum). Route 53's 0–255 cannot
 * make every share: 33.3 % becomes 33 against 66 (33.33 %); with a kept sum of 10, 25 % becomes 3 of 10 = 30 %.
 */
public final class CutoverPlanner {

    private CutoverPlanner() {
    }

    /**
     * @param requestedBake bake per step as the operator asked; raised to the route's TTL + the gates' margin
     */
    public static CutoverPlan plan(String cutoverId, WeightedRoute route, String fromId, String toId,
            PlanShape shape, Duration requestedBake, GatePolicy gates, List<CutoverSide> sides) {
        Weights start = route.weights();
        Duration bake = bake(route, requestedBake, gates);
        List<PlanStep> steps = new ArrayList<>();
        int index = 1;
        for (double p : shape.percentages()) {
            Weights w = weightsFor(start, fromId, toId, p);
            steps.add(new PlanStep(index++, p, w, w.percent(toId), bake));
        }
        return new CutoverPlan(cutoverId, route, fromId, toId, start, steps, gates, sides);
    }

    /** The bake a step gets: what was asked, but never less than the route's cache TTL plus the margin. */
    public static Duration bake(WeightedRoute route, Duration requested, GatePolicy gates) {
        Duration minimum = gates.minimumBake(route);
        return requested == null || requested.compareTo(minimum) < 0 ? minimum : requested;
    }

    /**
     * The weights closest to giving {@code toId} {@code percent} % of the pair's traffic, starting from
     * {@code start}; other targets keep their weights.
     */
    public static Weights weightsFor(Weights start, String fromId, String toId, double percent) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("a share must be 0 to 100 %, was " + percent);
        }
        int max = start.kind().maxWeight();
        int pairSum = start.weight(fromId) + start.weight(toId);
        int othersSum = start.sum() - pairSum;
        int[] best;
        if (othersSum > 0) {
            int kept = pairSum == 0 ? Math.min(max, 100) : pairSum;
            best = split(kept, percent, max);
        } else {
            int reference = pairSum == 0 ? Math.min(max, 100) : pairSum;
            best = null;
            double bestError = Double.MAX_VALUE;
            for (int total = 1; total <= 2 * max; total++) {
                int[] candidate = split(total, percent, max);
                if (candidate == null) {
                    continue;
                }
                double error = Math.abs(100.0 * candidate[1] / total - percent);
                int distance = Math.abs(total - reference);
                int bestDistance = best == null ? Integer.MAX_VALUE : Math.abs(best[0] + best[1] - reference);
                if (error < bestError - 1e-9 || (Math.abs(error - bestError) <= 1e-9 && distance <= bestDistance)) {
                    best = candidate;
                    bestError = error;
                }
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no weights in 0–" + max + " give " + percent + " %");
        }
        Map<String, Integer> m = new LinkedHashMap<>(start.byTarget());
        m.put(fromId, best[0]);
        m.put(toId, best[1]);
        return new Weights(start.kind(), m);
    }

    /** {from, to} summing to {@code total} with to/total nearest {@code percent}, or null if out of range. */
    private static int[] split(int total, double percent, int max) {
        int to = (int) Math.round(percent * total / 100.0);
        int from = total - to;
        if (to > max) {
            to = max;
            from = total - max;
        }
        if (from > max) {
            from = max;
            to = total - max;
        }
        if (from < 0 || to < 0 || from > max || to > max) {
            return null;
        }
        return new int[] {from, to};
    }
}
