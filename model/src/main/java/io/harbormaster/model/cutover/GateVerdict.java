package io.harbormaster.model.cutover;

/** A gate's conclusion, from best to worst; the decision of a step is its worst gate's. */
public enum GateVerdict {
    PASS, WAIT, WARNING, CRITICAL;

    public GateVerdict worse(GateVerdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
