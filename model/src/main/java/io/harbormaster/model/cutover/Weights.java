package io.harbormaster.model.cutover;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A split as the service stores it: an integer weight per target, in the route's order. A weight outside the
 * kind's range (Route 53 0–255, ALB 0–999) or more targets than the kind allows cannot exist.
 *
 * <p>The effective share of a target is its weight ÷ the sum; when every weight is 0, Route 53 answers with every
 * record equally often, and this treats ALB the same way (AWS does not document ALB's all-zero case).
 */
public record Weights(TrafficKind kind, Map<String, Integer> byTarget) {

    public Weights {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(byTarget, "byTarget");
        if (byTarget.isEmpty()) {
            throw new IllegalArgumentException("a split needs at least one target");
        }
        if (byTarget.size() > kind.maxTargets()) {
            throw new IllegalArgumentException(kind + " allows at most " + kind.maxTargets() + " weighted targets, got "
                    + byTarget.size());
        }
        for (Map.Entry<String, Integer> e : byTarget.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new IllegalArgumentException("a weighted target needs an id");
            }
            int w = Objects.requireNonNull(e.getValue(), "weight of " + e.getKey());
            if (w < 0 || w > kind.maxWeight()) {
                throw new IllegalArgumentException(kind + " weights must be 0 to " + kind.maxWeight() + ", "
                        + e.getKey() + " was " + w);
            }
        }
        byTarget = Collections.unmodifiableMap(new LinkedHashMap<>(byTarget));
    }

    /** The weights of a route's targets as found. */
    public static Weights of(TrafficKind kind, List<WeightedTarget> targets) {
        Map<String, Integer> m = new LinkedHashMap<>();
        targets.forEach(t -> m.put(t.id(), t.weight()));
        return new Weights(kind, m);
    }

    /** Weights from "id=w,id=w" as {@link #encode()} writes them (journal facts). */
    public static Weights decode(TrafficKind kind, String encoded) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String part : encoded.split(",")) {
            int eq = part.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not a weight: '" + part + "'");
            }
            m.put(unescape(part.substring(0, eq)), Integer.parseInt(part.substring(eq + 1)));
        }
        return new Weights(kind, m);
    }

    /** "id=w,id=w" in the route's order; commas and equals signs in ids are escaped. */
    public String encode() {
        return byTarget.entrySet().stream().map(e -> escape(e.getKey()) + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    public int weight(String targetId) {
        Integer w = byTarget.get(targetId);
        if (w == null) {
            throw new IllegalArgumentException("no target '" + targetId + "' in " + byTarget.keySet());
        }
        return w;
    }

    public List<String> targetIds() {
        return new ArrayList<>(byTarget.keySet());
    }

    public int sum() {
        return byTarget.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The share of traffic a target gets, 0–100: weight ÷ sum, or an equal share when every weight is 0. */
    public double percent(String targetId) {
        int w = weight(targetId);
        int sum = sum();
        return sum == 0 ? 100.0 / byTarget.size() : 100.0 * w / sum;
    }

    /** Every target's effective share, 0–100, in the route's order. */
    public Map<String, Double> percentages() {
        Map<String, Double> m = new LinkedHashMap<>();
        byTarget.keySet().forEach(id -> m.put(id, percent(id)));
        return Collections.unmodifiableMap(m);
    }

    /** The same targets with one weight changed. */
    public Weights with(String targetId, int weight) {
        weight(targetId);
        Map<String, Integer> m = new LinkedHashMap<>(byTarget);
        m.put(targetId, weight);
        return new Weights(kind, m);
    }

    /** Same targets, same weights (order ignored). */
    public boolean sameAs(Weights other) {
        return other != null && kind == other.kind && byTarget.equals(other.byTarget);
    }

    /** "blue 95 (95.0 %) · green 5 (5.0 %)" for journal summaries and logs. */
    public String describe() {
        return byTarget.keySet().stream().map(id -> String.format(java.util.Locale.ROOT, "%s %d (%.1f %%)", id,
                byTarget.get(id), percent(id))).collect(Collectors.joining(" · "));
    }

    private static String escape(String id) {
        return id.replace("%", "%25").replace(",", "%2C").replace("=", "%3D");
    }

    private static String unescape(String id) {
        return id.replace("%3D", "=").replace("%2C", ",").replace("%25", "%");
    }
}
