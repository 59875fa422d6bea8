package io.harbormaster.views.palette;

import java.util.Objects;

/**
 * Something the palette can jump to, or an action it can run. {@code key} is what is matched: the lower-cased name
 * and detail. For an action, {@code arn} is the action's id.
 */
public record PaletteEntry(Kind kind, String label, String detail, String arn, String key) {

    public enum Kind { ACTION, CLUSTER, SERVICE, HOST, TASK }

    /** What the palette says before the reason of an action that may not run now. */
    public static final String UNAVAILABLE = "Not available: ";

    public PaletteEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(arn, "arn");
        detail = detail == null ? "" : detail;
        key = key == null ? "" : key;
    }

    /** An action that may not run now (its detail says why). */
    public boolean unavailable() {
        return kind == Kind.ACTION && detail.startsWith(UNAVAILABLE);
    }
}
