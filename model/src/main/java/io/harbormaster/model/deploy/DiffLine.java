package io.harbormaster.model.deploy;

import java.util.Objects;

/** One line of a unified diff. Secret values never appear in {@link #text}. */
public record DiffLine(Kind kind, String text) {

    public enum Kind { SAME, REMOVED, ADDED }

    public DiffLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** "+ text", "- text" or "  text", as a unified diff prints it. */
    public String unified() {
        return (kind == Kind.ADDED ? "+ " : kind == Kind.REMOVED ? "- " : "  ") + text;
    }
}
