package io.harbormaster.model.cost;

import java.util.Optional;

/**
 * The port that prices a host: an operator's effective rate when one is set for the environment or the instance
 * type, else the cached on-demand list price. Empty when nothing is known of the type (the host is then left out of
 * the bill and named as unpriced, rather than costed at zero).
 */
@FunctionalInterface
public interface HostPrices {

    Optional<HostPrice> priceOf(String environmentId, String instanceType);
}
