package io.harbormaster.views.palette;

import java.util.Objects;

/**
 * Something the palette can jump to, or an action it can run. {@code key} is what is matched: the lower-cased name
 * and detail. For an action, {@code arn} is the action's id.
 */
public record PaletteEntry(Kind kind, String label, String detail, String arn, String key) {

    public enum Kind { ACTION, CLUSTER, SERVICE, HOST, TASK }

    public PaletteEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(arn, "arn");
        detail = detail == null ? "" : detail;
        key = key == null ? "" : key;
    }
}
