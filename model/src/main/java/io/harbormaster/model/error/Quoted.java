package io.harbormaster.model.error;

/**
 * Operator input quoted in a message: at most 60 characters, control characters made visible. A message echoes what
 * was typed so the operator sees which value is wrong; a pasted megabyte or a stray NUL would bury that.
 */
public final class Quoted {

    private static final int MAX = 60;

    private Quoted() {
    }

    /** "'web:1.0'", or "'registry.example.com/…' (1,048,576 characters)" for a long one. */
    public static String of(String typed) {
        if (typed == null) {
            return "nothing";
        }
        StringBuilder b = new StringBuilder("'");
        int shown = Math.min(typed.length(), MAX);
        for (int i = 0; i < shown; i++) {
            char c = typed.charAt(i);
            b.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        b.append(typed.length() > MAX ? "…'" : "'");
        if (typed.length() > MAX) {
            b.append(String.format(java.util.Locale.ROOT, " (%,d characters)", typed.length()));
        }
        return b.toString();
    }
}
