package io.harbormaster.views.cost;

import io.harbormaster.model.cost.ListPrices;
import io.harbormaster.model.cost.PriceBook;
import io.harbormaster.model.cost.ServiceRequestCounts;
import io.harbormaster.model.cost.scaling.ReadServiceScaling;
import io.harbormaster.model.environment.EnterEnvironment;
import io.harbormaster.model.fleet.LoadFleet;
import io.harbormaster.model.fleet.RefreshFleet;
import io.harbormaster.model.metrics.FetchMetrics;
import java.util.Objects;

/**
 * The ports the Cost page needs.
 *
 * @param book       cached list prices and the operators' effective rates
 * @param listPrices AWS's price list, asked for a type not cached or cached too long ago
 * @param requests   each load-balanced service's request count, for the cost per 1,000 requests
 * @param enter      enters the other environments for the bill by environment
 * @param load       reads their fleets
 * @param refresh    reads them again
 * @param scaling    Service Auto Scaling, read-only
 * @param metrics    CloudWatch, for the services' CPU in the scaling what-if
 */
public record CostDependencies(PriceBook book, ListPrices listPrices, ServiceRequestCounts requests,
        EnterEnvironment enter, LoadFleet load, RefreshFleet refresh, ReadServiceScaling scaling,
        FetchMetrics metrics) {

    public CostDependencies {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(listPrices, "listPrices");
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(enter, "enter");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(refresh, "refresh");
        Objects.requireNonNull(scaling, "scaling");
        Objects.requireNonNull(metrics, "metrics");
    }
}
