package io.harbormaster.model.cost;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * What one host costs an hour, and where that figure came from (the page always says which price it used).
 *
 * @param usdPerHour US dollars an hour, never negative
 * @param source     ON_DEMAND_LIST: AWS's public on-demand price; EFFECTIVE_RATE: a rate the operator set
 * @param fetched    the day the list price was fetched; null for an operator's rate
 */
public record HostPrice(double usdPerHour, Source source, LocalDate fetched) {

    /** Where a price came from. */
    public enum Source { ON_DEMAND_LIST, EFFECTIVE_RATE }

    public HostPrice {
        Objects.requireNonNull(source, "source");
        if (!(usdPerHour >= 0) || Double.isInfinite(usdPerHour)) {
            throw new IllegalArgumentException("an hourly price must be a non-negative amount: " + usdPerHour);
        }
        if (source == Source.ON_DEMAND_LIST && fetched == null) {
            throw new IllegalArgumentException("a list price needs the day it was fetched");
        }
    }

    public static HostPrice onDemand(double usdPerHour, LocalDate fetched) {
        return new HostPrice(usdPerHour, Source.ON_DEMAND_LIST, fetched);
    }

    public static HostPrice effectiveRate(double usdPerHour) {
        return new HostPrice(usdPerHour, Source.EFFECTIVE_RATE, null);
    }

    /** As the page shows it: "on-demand list price from the Price List API, fetched 2026-12-01". */
    public String describe() {
        return source == Source.ON_DEMAND_LIST
                ? "on-demand list price from the Price List API, fetched " + fetched
                : "effective rate set by the operator";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "$%.4f/h (%s)", usdPerHour, describe());
    }
}
