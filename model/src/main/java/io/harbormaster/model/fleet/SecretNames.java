package io.harbormaster.model.fleet;

import java.util.List;
import java.util.Locale;

/**
 * Decides which environment variables are shown masked. A name is secret-looking when it contains PASSWORD,
 * PASSWD, SECRET, TOKEN, KEY or CREDENTIAL in any case ({@code DB_PASSWORD}, {@code apiKey},
 * {@code GITHUB_TOKEN}). Over-masking ({@code MONKEY_COUNT}) is the accepted price: a hidden harmless value costs
 * a click, a shown secret ends up in a screenshot.
 */
public final class SecretNames {

    /** Shown in place of a masked value; the same length whatever the value, so nothing leaks. */
    public static final String MASK = "••••••••";

    private static final List<String> MARKERS = List.of("PASSWORD", "PASSWD", "SECRET", "TOKEN", "KEY",
            "CREDENTIAL");

    private SecretNames() {
    }

    public static boolean looksSecret(String name) {
        if (name == null) {
            return false;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        return MARKERS.stream().anyMatch(upper::contains);
    }

    /** The value as it may be shown: masked when the name looks secret (an empty value stays visibly empty). */
    public static String displayValue(String name, String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return looksSecret(name) ? MASK : value;
    }
}
