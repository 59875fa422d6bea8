package io.harbormaster.model.cost;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Keeps the price book's list prices for a snapshot's instance types: a type with no cached price, or one fetched
 * longer ago than the given age, is asked of the price list once and cached with its date. AWS changes list prices
 * rarely, so a cached price is reused rather than fetched on every page visit. Blocking; run it off the UI thread.
 */
public final class ListPriceRefresh {

    private ListPriceRefresh() {
    }

    /** @return the instance types the price list has no product for (their hosts stay unpriced) */
    public static List<String> refresh(FleetSnapshot snapshot, EnvironmentSession session, PriceBook book,
            ListPrices prices, LocalDate today, Period maxAge) {
        TreeSet<String> types = new TreeSet<>();
        for (Host h : snapshot.hosts()) {
            if (!h.instanceType().isEmpty()) {
                types.add(h.instanceType());
            }
        }
        List<String> unlisted = new ArrayList<>();
        for (String type : types) {
            Optional<HostPrice> cached = book.listPrice(session.region(), type);
            if (cached.isPresent() && !cached.get().fetched().plus(maxAge).isBefore(today)) {
                continue;
            }
            Optional<HostPrice> fetched = prices.onDemand(session, type);
            if (fetched.isPresent()) {
                book.putListPrice(session.region(), type, fetched.get());
            } else {
                unlisted.add(type);
            }
        }
        return unlisted;
    }
}
