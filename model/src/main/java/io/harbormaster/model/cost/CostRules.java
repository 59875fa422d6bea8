package io.harbormaster.model.cost;

/** The conventions of the cost figures, stated once. */
public final class CostRules {

    /** AWS's own month for monthly estimates: 365 × 24 ÷ 12. */
    public static final double HOURS_PER_MONTH = 730;

    private CostRules() {
    }
}
