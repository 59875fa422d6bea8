package io.harbormaster.sandbox.cloudwatch;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statistic CloudWatch computes: the five basic ones, or a percentile {@code pNN} / {@code pNN.NN}. Trimmed means,
 * winsorized means and the other extended statistics are not computed by the sandbox and are rejected as invalid.
 *
 * @param name the statistic as the client spelled it (echoed back as the key of ExtendedStatistics)
 */
record Stat(String name, Kind kind, double percentile) {

    enum Kind { AVERAGE, SUM, MINIMUM, MAXIMUM, SAMPLE_COUNT, PERCENTILE }

    private static final Pattern PERCENTILE = Pattern.compile("[pP](\\d{1,2}(?:\\.\\d{1,10})?|100)");

    /** The statistic named {@code s}, or null when CloudWatch (as the sandbox serves it) knows no such statistic. */
    static Stat parse(String s) {
        if (s == null) {
            return null;
        }
        switch (s) {
            case "Average" -> {
                return new Stat(s, Kind.AVERAGE, 0);
            }
            case "Sum" -> {
                return new Stat(s, Kind.SUM, 0);
            }
            case "Minimum" -> {
                return new Stat(s, Kind.MINIMUM, 0);
            }
            case "Maximum" -> {
                return new Stat(s, Kind.MAXIMUM, 0);
            }
            case "SampleCount" -> {
                return new Stat(s, Kind.SAMPLE_COUNT, 0);
            }
            default -> {
                Matcher m = PERCENTILE.matcher(s);
                if (!m.matches()) {
                    return null;
                }
                double p = Double.parseDouble(m.group(1));
                return p > 100 ? null : new Stat(s, Kind.PERCENTILE, p);
            }
        }
    }

    boolean isPercentile() {
        return kind == Kind.PERCENTILE;
    }

    /** The name Telemetry understands: the basic names, or {@code p99} / {@code p99.9} in lower case. */
    String telemetryName() {
        return isPercentile() ? name.toLowerCase(java.util.Locale.ROOT) : name;
    }
}
