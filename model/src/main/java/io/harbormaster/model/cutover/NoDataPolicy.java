package io.harbormaster.model.cutover;

/** What a gate concludes when its window holds no data point: chosen by the operator, never assumed. */
public enum NoDataPolicy {
    /** No data is a critical breach (the safe choice for a side that should be serving). */
    FAIL,
    /** No data passes (e.g. a side that legitimately takes no traffic yet). */
    PASS,
    /** No data means judge again later; the step waits (pausing after {@link GatePolicy#maxWait()}). */
    WAIT
}
