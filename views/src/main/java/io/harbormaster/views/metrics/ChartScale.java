package io.harbormaster.views.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Nice round ticks for a chart's axes: 0, 20, 40 … on the value axis; whole minutes, hours or days on time. */
final class ChartScale {

    private static final long[] TIME_STEPS = {60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200,
            86_400, 172_800};
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d");
    /** The least share of a unit that one decimal of the unit below shows as 1000 (999.95k reads "1000.0k"). */
    private static final double ROUNDS_TO_ONE = 0.99995;

    private ChartScale() {
    }

    /** A top for the value axis a little above {@code max}, on a nice step; at least {@code floor}. */
    static double niceTop(double max, double floor) {
        double top = Math.max(max * 1.1, floor);
        if (!(top > 0)) {
            return 1;
        }
        double step = niceStep(top / 4);
        return Math.ceil(top / step) * step;
    }

    static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double n = rough / magnitude;
        double nice = n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    static List<Double> valueTicks(double top) {
        double step = niceStep(top / 4);
        List<Double> ticks = new ArrayList<>();
        for (double v = 0; v <= top + step / 1000; v += step) {
            ticks.add(v);
        }
        return ticks;
    }

    /** Ticks on whole steps of local time, about {@code wanted} of them. */
    static List<Instant> timeTicks(Instant start, Instant end, int wanted, ZoneId zone) {
        long span = Math.max(1, Duration.between(start, end).getSeconds());
        long step = TIME_STEPS[TIME_STEPS.length - 1];
        for (long s : TIME_STEPS) {
            if (span / s <= wanted) {
                step = s;
                break;
            }
        }
        long offset = zone.getRules().getOffset(start).getTotalSeconds();
        long first = Math.floorDiv(start.getEpochSecond() + offset + step - 1, step) * step - offset;
        List<Instant> ticks = new ArrayList<>();
        for (long t = first; t <= end.getEpochSecond(); t += step) {
            ticks.add(Instant.ofEpochSecond(t));
        }
        return ticks;
    }

    static String timeLabel(Instant at, Duration span, ZoneId zone) {
        return (span.compareTo(Duration.ofDays(2)) > 0 ? DAY : CLOCK).withZone(zone).format(at);
    }

    static String value(double v, String unit) {
        String number = number(v);
        if (unit == null || unit.isEmpty()) {
            return number;
        }
        return "%".equals(unit) ? number + " %" : number + " " + unit;
    }

    /**
     * 6,000,000 as "6M", 12,500 as "12.5k", 0.0042 as "0.0042": short, and never "6000k" — nor "1000k" for 999,990,
     * which one decimal rounds up into the next unit.
     */
    static String number(double v) {
        double a = Math.abs(v);
        if (a >= ROUNDS_TO_ONE * 1e9) {
            return trimmed(v / 1e9) + "G";
        }
        if (a >= ROUNDS_TO_ONE * 1e6) {
            return trimmed(v / 1e6) + "M";
        }
        if (a >= 10_000) {
            return trimmed(v / 1e3) + "k";
        }
        if (a >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 1) {
            return trimmed(v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
    }

    /** One decimal at most, none when it is zero: 12.5, 6, 999.9. */
    private static String trimmed(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
