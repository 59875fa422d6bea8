package io.harbormaster.model.compare;

import java.util.Objects;

/**
 * One thing compared between two environments' copies of a service.
 *
 * @param section what the line belongs to: "Service", "Container web", "Environment of web", "Placement"
 * @param left    as shown (secret-looking values masked); "—" when that side has none
 * @param differs whether the underlying values differ (decided on the real values, so two different secrets
 *                differ even though both show masked)
 * @param hidden  both sides are masked: what the operator sees cannot tell them apart, {@link #verdict()} does
 */
public record ComparedLine(String section, String label, String left, String right, boolean differs,
        boolean hidden) {

    public static final String NONE = "—";
    public static final String HIDDEN_DIFFER = "differs (values hidden)";
    public static final String HIDDEN_SAME = "same";

    /** A line whose values are shown as they are. */
    public ComparedLine(String section, String label, String left, String right, boolean differs) {
        this(section, label, left, right, differs, false);
    }

    public ComparedLine {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(label, "label");
        left = left == null || left.isEmpty() ? NONE : left;
        right = right == null || right.isEmpty() ? NONE : right;
    }

    /** For two masked values, "differs (values hidden)" or "same"; blank where the values speak for themselves. */
    public String verdict() {
        if (!hidden) {
            return "";
        }
        return differs ? HIDDEN_DIFFER : HIDDEN_SAME;
    }
}
