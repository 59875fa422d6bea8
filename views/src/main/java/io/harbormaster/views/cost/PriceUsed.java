package io.harbormaster.views.cost;

/** The price an instance type was costed at, and where it came from (the page always says). */
public record PriceUsed(String instanceType, double usdPerHour, String source) {
}
