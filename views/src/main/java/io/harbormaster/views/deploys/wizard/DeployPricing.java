package io.harbormaster.views.deploys.wizard;

import io.harbormaster.model.cost.HostPrices;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.FleetSnapshot;
import java.util.Optional;

/**
 * The hosts' prices for the preview's "what it costs": the Cost page's price book (an operator's effective rate,
 * else the cached on-demand list price), list prices fetched first where none is cached or it is old. Blocking;
 * called from the preview's background work.
 */
@FunctionalInterface
public interface DeployPricing {

    /** No prices at all: the preview says the cost is unknown. */
    DeployPricing NONE = (session, fleet) -> (environment, type) -> Optional.empty();

    HostPrices pricesFor(EnvironmentSession session, FleetSnapshot fleet);
}
