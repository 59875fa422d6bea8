package io.harbormaster.model.testdata;

import io.harbormaster.model.cost.HostPrice;
import io.harbormaster.model.cost.PriceBook;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The price book in memory: list prices by "region|type", effective rates by "environment|type". */
public final class InMemoryPriceBook implements PriceBook {

    public final Map<String, HostPrice> list = new HashMap<>();
    public final Map<String, Double> rates = new HashMap<>();

    @Override
    public Optional<HostPrice> listPrice(String region, String instanceType) {
        return Optional.ofNullable(list.get(region + "|" + instanceType));
    }

    @Override
    public void putListPrice(String region, String instanceType, HostPrice price) {
        list.put(region + "|" + instanceType, price);
    }

    @Override
    public Optional<HostPrice> effectiveRate(String environmentId, String instanceType) {
        return Optional.ofNullable(rates.get(environmentId + "|" + instanceType)).map(HostPrice::effectiveRate);
    }

    @Override
    public void setEffectiveRate(String environmentId, String instanceType, double usdPerHour) {
        rates.put(environmentId + "|" + instanceType, usdPerHour);
    }

    @Override
    public void clearEffectiveRate(String environmentId, String instanceType) {
        rates.remove(environmentId + "|" + instanceType);
    }
}
