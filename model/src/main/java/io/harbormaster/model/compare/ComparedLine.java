package io.harbormaster.model.compare;

import java.util.Objects;

/**
 * One thing compared between two environments' copies of a service.
 *
 * @param section what the line belongs to: "Service", "Container web", "Environment of web", "Placement"
 * @param left    as shown (secret-looking values masked); "—" when that side has none
 * @param differs whether the underlying values differ (decided on the real values, so two different secrets
 *                differ even though both show masked)
 */
public record ComparedLine(String section, String label, String left, String right, boolean differs) {

    public static final String NONE = "—";

    public ComparedLine {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(label, "label");
        left = left == null || left.isEmpty() ? NONE : left;
        right = right == null || right.isEmpty() ? NONE : right;
    }
}
