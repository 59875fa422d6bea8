package io.harbormaster.views.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class DateTextTest {

    private static final Instant NOW = Instant.parse("2026-12-06T07:30:00Z");

    private static String ago(Duration age) {
        return DateText.age(NOW.minus(age), NOW);
    }

    @Test
    void aDateCarriesItsYearInTheGivenZone() {
        Instant when = Instant.parse("2025-12-31T23:30:05Z");
        assertThat(DateText.date(when, ZoneId.of("UTC"))).isEqualTo("2025-12-31 23:30:05");
        assertThat(DateText.date(when, ZoneId.of("Europe/Berlin"))).isEqualTo("2026-01-01 00:30:05");
    }

    @Test
    void anAgeIsInTheLargestUnitThatReadsNaturally() {
        assertThat(ago(Duration.ofSeconds(59))).isEqualTo("just now");
        assertThat(ago(Duration.ofSeconds(-30))).as("a clock a little ahead").isEqualTo("just now");
        assertThat(ago(Duration.ofMinutes(12))).isEqualTo("12 min ago");
        assertThat(ago(Duration.ofMinutes(59))).isEqualTo("59 min ago");
        assertThat(ago(Duration.ofMinutes(60))).isEqualTo("1 h ago");
        assertThat(ago(Duration.ofHours(47))).isEqualTo("47 h ago");
        assertThat(ago(Duration.ofHours(72))).isEqualTo("3 days ago");
        assertThat(ago(Duration.ofDays(364))).isEqualTo("364 days ago");
        assertThat(ago(Duration.ofDays(400))).isEqualTo("a year ago");
        assertThat(ago(Duration.ofDays(800))).isEqualTo("2 years ago");
    }

    @Test
    void dateAndAgeTogether() {
        assertThat(DateText.dateAndAge(Instant.parse("2026-12-03T07:12:05Z"), NOW, ZoneId.of("UTC")))
                .isEqualTo("2026-12-03 07:12:05 (3 days ago)");
    }

    @Test
    void aTimeFromAnotherDayThanTheNewestCarriesItsDate() {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant newest = Instant.parse("2026-12-06T00:10:00Z"); // 01:10 in Berlin
        assertThat(DateText.timeOnDay(Instant.parse("2026-12-05T23:30:00.250Z"), newest, berlin, time))
                .as("00:30 in Berlin: the newest line's day").isEqualTo("00:30:00.250");
        assertThat(DateText.timeOnDay(Instant.parse("2026-12-05T22:59:58.120Z"), newest, berlin, time))
                .as("23:59 in Berlin: the day before").isEqualTo("2026-12-05 23:59:58.120");
        assertThat(DateText.timeOnDay(newest, null, berlin, time)).isEqualTo("2026-12-06 01:10:00.000");
    }
}
