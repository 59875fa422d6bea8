package io.harbormaster.views.deploys.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** How the live view names what it shows. */
class LiveFactsTest {

    @Test
    void aTargetGroupIsCalledByTheNameItWasGivenNotItsId() {
        assertThat(LiveDeploymentView.targetGroupName(
                "arn:aws:elasticloadbalancing:us-east-1:222222222222:targetgroup/web-blue/38963e4dc033f185"))
                .isEqualTo("web-blue");
        assertThat(LiveDeploymentView.targetGroupName("web-green")).isEqualTo("web-green");
    }

    @Test
    void eventsOfEarlierDaysCarryTheirDate() {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        Instant newest = Instant.parse("2026-12-06T09:17:46Z");
        assertThat(LiveDeploymentView.eventTime(Instant.parse("2026-12-06T08:00:00Z"), newest, zone))
                .isEqualTo("09:00:00");
        assertThat(LiveDeploymentView.eventTime(Instant.parse("2026-12-05T22:30:00Z"), newest, zone))
                .as("23:30 in Berlin, the day before").isEqualTo("2026-12-05 23:30:00");
        assertThat(LiveDeploymentView.eventTime(Instant.parse("2026-12-05T23:30:00Z"), newest, zone))
                .as("00:30 in Berlin, the same day").isEqualTo("00:30:00");
    }
}
