package io.harbormaster.views.text;

import io.harbormaster.model.error.Problem;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The one way every page says that what it shows is older than it should be because a read failed: what could not
 * be read and when, why (the problem as translated at the adapter edge, with its next step), what is shown instead
 * and as of when, and how it is tried again. "Could not refresh stage at 14:02:36: Throttled — Rate exceeded.
 * Showing stage as of 14:02:11; it is retried every 20 s."
 */
public final class StaleText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private StaleText() {
    }

    /**
     * @param failed   what could not be done ("refresh stage", "read CloudWatch")
     * @param showing  what is shown instead ("stage", "the charts")
     * @param asOf     when what is shown was read
     * @param retried  retried on its own every so often; null when only the operator can ask again
     * @param retry    how the operator asks again ("press F5"), said when it is not retried on its own
     */
    public static String of(String failed, Instant failedAt, Problem problem, String showing, Instant asOf,
            java.time.Duration retried, String retry, ZoneId zone) {
        String message = sentence(problem.message());
        String next = retried == null ? sentence(problem.nextStep()) : "";
        return "Could not " + failed + " at " + time(failedAt, zone) + ": " + problem.title()
                + (message.isEmpty() ? "." : " — " + message) + (next.isEmpty() ? "" : " " + next)
                + " Showing " + showing + " as of " + time(asOf, zone)
                + (retried != null ? "; it is retried every " + every(retried) + "." : "; " + retry + " to try again.");
    }

    /** "14:02:11" in {@code zone}. */
    public static String time(Instant instant, ZoneId zone) {
        return TIME.withZone(zone).format(instant);
    }

    private static String every(java.time.Duration period) {
        return period.toSeconds() % 60 == 0 && period.toSeconds() >= 60 ? period.toMinutes() + " min"
                : period.toSeconds() + " s";
    }

    private static String sentence(String text) {
        String s = text == null ? "" : text.strip();
        return s.isEmpty() || s.endsWith(".") || s.endsWith("?") || s.endsWith("!") ? s : s + ".";
    }
}
