package io.harbormaster.views.text;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How every page writes a point in time: a date with its year (an event from last December is not this one's), and
 * its age ("3 days ago") where the operator scans for how recent something is. Pure; the caller gives "now".
 */
public final class DateText {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd ");

    /** The widest texts {@link #age} writes, for a column that must show any of them whole. */
    public static final String[] WIDEST_AGES = {"364 days ago", "59 min ago", "47 h ago", "10 years ago"};

    private DateText() {
    }

    /** "2026-12-03 07:12:05" in that zone. */
    public static String date(Instant when, ZoneId zone) {
        return DATE.withZone(zone).format(when);
    }

    /** "just now", "12 min ago", "5 h ago", "3 days ago", "2 years ago"; "just now" for a clock a little ahead. */
    public static String age(Instant when, Instant now) {
        Duration age = Duration.between(when, now);
        if (age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min ago";
        }
        if (age.toHours() < 48) {
            return age.toHours() + " h ago";
        }
        long days = age.toDays();
        if (days < 365) {
            return days + " days ago";
        }
        long years = days / 365;
        return years == 1 ? "a year ago" : years + " years ago";
    }

    /**
     * {@code at} as {@code time} says it ("23:59:58.120"), with its date in front when it falls on another day than
     * {@code reference} ("2026-12-05 23:59:58.120"): in a list of times read as today's, one from yesterday says so.
     * The reference is the list's newest entry rather than the wall clock, which a sandbox at ×60 runs ahead of;
     * with none, the date is always given.
     */
    public static String timeOnDay(Instant at, Instant reference, ZoneId zone, DateTimeFormatter time) {
        String clock = time.withZone(zone).format(at);
        if (reference != null && LocalDate.ofInstant(at, zone).equals(LocalDate.ofInstant(reference, zone))) {
            return clock;
        }
        return DAY.withZone(zone).format(at) + clock;
    }

    /** "2026-12-03 07:12:05 (3 days ago)". */
    public static String dateAndAge(Instant when, Instant now, ZoneId zone) {
        return date(when, zone) + " (" + age(when, now) + ")";
    }
}
