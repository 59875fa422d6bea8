package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.sandbox.core.Telemetry;
import io.harbormaster.sandbox.core.Telemetry.MetricKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A sandbox without the business day ({@link SandboxOptions#forTests()}, {@code --night}) runs the night's load at
 * every hour: a weekday's 13:00 US Eastern as busy as its 03:00, so what a test sees (Service Auto Scaling, above all)
 * does not depend on when it runs. With the business day the same hours differ (TrafficTest).
 */
class NightTrafficTest {

    private static final String PROD = "444444444444";
    private static final String REGION = "us-east-1";

    @Test
    void aWeekdaysPeakIsAsBusyAsItsNight() {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests())) {
            assertThat(SandboxOptions.forTests().businessDay()).isFalse();
            assertThat(SandboxOptions.defaults().businessDay()).as("the console's sandbox keeps the seed's day").isTrue();
            Telemetry telemetry = sandbox.world().component(Telemetry.class);
            ZonedDateTime day = sandbox.clock().now().atZone(ZoneId.of("America/New_York")).truncatedTo(ChronoUnit.DAYS);
            while (day.getDayOfWeek().getValue() >= 6 || !day.withHour(15).toInstant().isBefore(sandbox.clock().now())) {
                day = day.minusDays(1);
            }
            MetricKey cpu = MetricKey.of("AWS/ECS", "CPUUtilization", Map.of("ClusterName", "cdn",
                    "ServiceName", "image-resizer"));
            double peak = average(telemetry, cpu, day.withHour(13).toInstant());
            double night = average(telemetry, cpu, day.withHour(3).toInstant());
            assertThat(peak).isPositive();
            assertThat(night / peak).as("image-resizer's CPU at 03:00 against 13:00").isBetween(0.9, 1.1);
        }
    }

    private static double average(Telemetry telemetry, MetricKey key, Instant from) {
        return telemetry.sample(PROD, REGION, key, from, Duration.ofHours(1), "Average").orElseThrow();
    }
}
