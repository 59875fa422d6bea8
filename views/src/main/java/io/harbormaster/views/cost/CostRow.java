package io.harbormaster.views.cost;

import io.harbormaster.model.cost.CostLine;

/**
 * One line of the cost table.
 *
 * @param share                  the line's part of its cluster's hosts' bill, 0..1
 * @param usdPerThousandRequests what 1,000 requests cost, from its load balancer's request count over the window the
 *                               page names; NaN for a line not behind a load balancer or with no requests counted
 */
public record CostRow(String cluster, String name, CostLine.Kind kind, int tasks, double usdPerMonth, double share,
        double usdPerThousandRequests) {

    /** A line with no request count. */
    public CostRow(String cluster, String name, CostLine.Kind kind, int tasks, double usdPerMonth, double share) {
        this(cluster, name, kind, tasks, usdPerMonth, share, Double.NaN);
    }
}
