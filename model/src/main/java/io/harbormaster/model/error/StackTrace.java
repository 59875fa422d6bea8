package io.harbormaster.model.error;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** A throwable's stack trace as text, causes and suppressed included, for a bug report an operator can paste. */
public final class StackTrace {

    private StackTrace() {
    }

    public static String of(Throwable failure) {
        StringBuilder text = new StringBuilder();
        append(text, failure, "", "", Collections.newSetFromMap(new IdentityHashMap<>()));
        return text.toString();
    }

    private static void append(StringBuilder text, Throwable t, String caption, String indent, Set<Throwable> seen) {
        if (!seen.add(t)) {
            text.append(indent).append(caption).append("[circular reference: ").append(t).append("]\n");
            return;
        }
        text.append(indent).append(caption).append(t).append('\n');
        for (StackTraceElement frame : t.getStackTrace()) {
            text.append(indent).append("    at ").append(frame).append('\n');
        }
        for (Throwable suppressed : t.getSuppressed()) {
            append(text, suppressed, "Suppressed: ", indent + "    ", seen);
        }
        if (t.getCause() != null) {
            append(text, t.getCause(), "Caused by: ", indent, seen);
        }
    }
}
