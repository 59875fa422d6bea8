package io.harbormaster.model.cost;

/** The conventions of the cost figures, stated once. */
public final class CostRules {

    /** AWS's own month for monthly estimates: 365 × 24 ÷ 12. */
    public static final double HOURS_PER_MONTH = 730;

    /**
     * What 1,000 requests cost at an hourly cost, given how many requests are served an hour; NaN when none were (a
     * cost per request of nothing is not a number).
     */
    public static double usdPerThousandRequests(double usdPerHour, double requestsPerHour) {
        return requestsPerHour > 0 ? usdPerHour / requestsPerHour * 1000 : Double.NaN;
    }

    private CostRules() {
    }
}
