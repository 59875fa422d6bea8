package io.harbormaster.model.cutover;

/** What a gate watches on a side, and which way is bad. Read from AWS/ApplicationELB. */
public enum GateMetric {
    /** Target 5xx ÷ requests over the window, in % (HTTPCode_Target_5XX_Count ÷ RequestCount); higher is worse. */
    FIVE_XX_RATE("5xx rate", "%", true),
    /** TargetResponseTime p99 over the window, in ms; higher is worse. */
    P99_LATENCY("p99 latency", "ms", true),
    /** HealthyHostCount, the lowest minute of the window; lower is worse. */
    HEALTHY_HOSTS("healthy hosts", "", false),
    /** RequestCount per minute, the lowest minute of the window; lower is worse (traffic not arriving). */
    REQUEST_COUNT("requests/min", "", false);

    private final String label;
    private final String unit;
    private final boolean higherIsWorse;

    GateMetric(String label, String unit, boolean higherIsWorse) {
        this.label = label;
        this.unit = unit;
        this.higherIsWorse = higherIsWorse;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /** True when a value above the level breaches it; false when a value below does. */
    public boolean higherIsWorse() {
        return higherIsWorse;
    }
}
