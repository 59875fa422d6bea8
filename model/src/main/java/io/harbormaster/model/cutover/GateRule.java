package io.harbormaster.model.cutover;

import java.util.Objects;

/**
 * One metric judged on one side with two levels. For a metric where higher is worse, warning ≤ critical; where
 * lower is worse, warning ≥ critical. A breach is strictly beyond the level. Equal levels are allowed (no warning
 * band: straight to critical) so that plans journaled that way still read back.
 *
 * @param metric   what is watched
 * @param scope    which side(s) it is judged on
 * @param warning  the level that pauses the cutover (when the policy says so)
 * @param critical the level that rolls it back (when the policy says so)
 */
public record GateRule(GateMetric metric, Scope scope, double warning, double critical) {

    /** Which side a rule judges: the side taking traffic, the side losing it, or both. */
    public enum Scope { TARGET, SOURCE, BOTH }

    public GateRule {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(scope, "scope");
        if (Double.isNaN(warning) || Double.isNaN(critical)) {
            throw new IllegalArgumentException("gate levels must be numbers");
        }
        if (metric.higherIsWorse() ? warning > critical : warning < critical) {
            throw new IllegalArgumentException(metric.label() + (metric.higherIsWorse()
                    ? ": higher is worse, so the warning level must be at or below the critical level"
                    : ": lower is worse, so the warning level must be at or above the critical level")
                    + " (warning " + number(warning) + ", critical " + number(critical) + ")");
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** The verdict a value earns against this rule's levels. */
    public GateVerdict judge(double value) {
        if (metric.higherIsWorse() ? value > critical : value < critical) {
            return GateVerdict.CRITICAL;
        }
        if (metric.higherIsWorse() ? value > warning : value < warning) {
            return GateVerdict.WARNING;
        }
        return GateVerdict.PASS;
    }
}
