package io.harbormaster.model.cost;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One environment's hosts' bill split into lines. Every priced host's hour is in exactly one set of lines, so
 * each cluster's lines add up to its hosts' bill ({@link #billOf(String)}).
 *
 * @param lines    every service, standalone-task, idle and stranded line, clusters in the snapshot's order
 * @param bills    each cluster's priced hosts' cost an hour, by cluster ARN
 * @param prices   the price used for each instance type seen, by type
 * @param unpriced hosts left out because no price is known for their type: host ARN → instance type
 */
public record CostBreakdown(String environmentId, List<CostLine> lines, Map<String, Double> bills,
        Map<String, HostPrice> prices, Map<String, String> unpriced) {

    public CostBreakdown {
        Objects.requireNonNull(environmentId, "environmentId");
        lines = List.copyOf(lines);
        bills = Map.copyOf(bills);
        prices = Map.copyOf(prices);
        unpriced = Map.copyOf(unpriced);
    }

    public List<CostLine> linesOf(String clusterArn) {
        return lines.stream().filter(l -> l.clusterArn().equals(clusterArn)).toList();
    }

    /** What a cluster's priced hosts cost an hour. */
    public double billOf(String clusterArn) {
        return bills.getOrDefault(clusterArn, 0.0);
    }

    /** What a cluster's lines add up to an hour (equal to {@link #billOf} but for rounding). */
    public double totalOf(String clusterArn) {
        return linesOf(clusterArn).stream().mapToDouble(CostLine::usdPerHour).sum();
    }

    /** The environment's priced hosts an hour. */
    public double bill() {
        return bills.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public double total() {
        return lines.stream().mapToDouble(CostLine::usdPerHour).sum();
    }

    public double totalOf(CostLine.Kind kind) {
        return lines.stream().filter(l -> l.kind() == kind).mapToDouble(CostLine::usdPerHour).sum();
    }
}
