package io.harbormaster.views.cost;

import io.harbormaster.model.cost.CostLine;

/**
 * One line of the cost table.
 *
 * @param share the line's part of its cluster's hosts' bill, 0..1
 */
public record CostRow(String cluster, String name, CostLine.Kind kind, int tasks, double usdPerMonth, double share) {
}
