package io.harbormaster.sandbox.traffic;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * The shape of a day's requests, as the seed describes it: US business hours peak (a steep rise at 9:00 US Eastern,
 * easing off after 18:00 on weekdays); nights and weekends run at about 60% of peak. 1.0 is the weekday peak.
 */
final class Shape {

    /** Nights' and weekends' share of the weekday peak; the whole day's for a sandbox without the business day. */
    static final double NIGHT = 0.6;
    private static final ZoneRules EASTERN = ZoneId.of("America/New_York").getRules();

    private Shape() {
    }

    static double at(long minute) {
        long second = minute * 60;
        long local = second + EASTERN.getOffset(Instant.ofEpochSecond(second)).getTotalSeconds();
        long day = Math.floorDiv(local, 86_400);
        double hour = Math.floorMod(local, 86_400) / 3600.0;
        int dayOfWeek = (int) Math.floorMod(day + 3, 7); // 0 = Monday; 1970-01-01 was a Thursday
        if (dayOfWeek >= 5) {
            double afternoon = Math.exp(-Math.pow((hour - 14) / 3, 2));
            return NIGHT + 0.03 * afternoon;
        }
        double rise = logistic((hour - 8.7) / 0.3);
        double fall = logistic((18.2 - hour) / 0.6);
        return NIGHT + 0.4 * rise * fall;
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
