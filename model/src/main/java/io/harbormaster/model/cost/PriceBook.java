package io.harbormaster.model.cost;

import java.util.Optional;

/**
 * The local store's prices: list prices as fetched (with their date), and the effective rates operators set.
 * {@link #ANY} as an environment or an instance type makes a rate apply to all of them.
 */
public interface PriceBook {

    String ANY = "*";

    Optional<HostPrice> listPrice(String region, String instanceType);

    void putListPrice(String region, String instanceType, HostPrice price);

    Optional<HostPrice> effectiveRate(String environmentId, String instanceType);

    void setEffectiveRate(String environmentId, String instanceType, double usdPerHour);

    void clearEffectiveRate(String environmentId, String instanceType);

    /**
     * The hosts' prices for one Region's snapshot: an operator's rate for the environment and type, else for the
     * environment (any type), else for the type (any environment), else the cached list price.
     */
    default HostPrices pricesIn(String region) {
        return (environmentId, instanceType) -> effectiveRate(environmentId, instanceType)
                .or(() -> effectiveRate(environmentId, ANY))
                .or(() -> effectiveRate(ANY, instanceType))
                .or(() -> listPrice(region, instanceType));
    }
}
