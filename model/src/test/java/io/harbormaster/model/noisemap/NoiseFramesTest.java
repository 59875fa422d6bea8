package io.harbormaster.model.noisemap;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.metrics.MetricPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoiseFramesTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Duration FIVE = Duration.ofMinutes(5);

    @Test
    void eachPointLandsInTheFrameOfItsPeriodAndHostsWithoutDataAreEmpty() {
        List<Host> hosts = NoiseFixtures.fleet(3);
        FloorPlan plan = FloorPlan.of(hosts, FloorPlan.Rows.CLUSTER);
        NoiseFrames frames = NoiseFrames.of(plan, Map.of(hosts.get(0).arn(), List.of(
                new MetricPoint(T0, 10), new MetricPoint(T0.plus(FIVE), 20), new MetricPoint(T0.plusSeconds(3600), 30))),
                T0, T0.plusSeconds(3600), FIVE);

        int cell = plan.indexOf(hosts.get(0).arn());
        assertThat(frames.size()).isEqualTo(12);
        assertThat(frames.values(0)[cell]).isEqualTo(10);
        assertThat(frames.values(1)[cell]).isEqualTo(20);
        assertThat(frames.values(2)[cell]).isNaN(); // nothing published: not carried, the window goes on for hours
        assertThat(frames.values(0)[plan.indexOf(hosts.get(1).arn())]).isNaN();
        assertThat(frames.time(2)).isEqualTo(T0.plus(FIVE.multipliedBy(2)));
        assertThat(frames.frameAt(T0.plusSeconds(601))).isEqualTo(2);
        assertThat(frames.frameAt(T0.plusSeconds(999_999))).isEqualTo(11);
        assertThat(frames.max()).isEqualTo(20);
    }

    @Test
    void onlyTheNewestPeriodsStillToBePublishedCarryTheLastValue() {
        List<Host> hosts = NoiseFixtures.fleet(3);
        FloorPlan plan = FloorPlan.of(hosts, FloorPlan.Rows.CLUSTER);
        Instant end = T0.plus(FIVE.multipliedBy(12));
        NoiseFrames frames = NoiseFrames.of(plan, Map.of(
                // drained at frame 2 (a cutover), served again from frame 5, CloudWatch behind for the last two
                hosts.get(0).arn(), List.of(new MetricPoint(T0, 10), new MetricPoint(T0.plus(FIVE), 11),
                        new MetricPoint(T0.plus(FIVE.multipliedBy(5)), 12), new MetricPoint(T0.plus(FIVE.multipliedBy(9)), 13)),
                // fell silent three periods before the end: more than CloudWatch's lag, so silent it is
                hosts.get(1).arn(), List.of(new MetricPoint(T0.plus(FIVE.multipliedBy(8)), 7))),
                T0, end, FIVE);

        int busy = plan.indexOf(hosts.get(0).arn());
        assertThat(frames.values(2)[busy]).isNaN();
        assertThat(frames.values(3)[busy]).isNaN();
        assertThat(frames.values(4)[busy]).isNaN();
        assertThat(frames.values(5)[busy]).isEqualTo(12);
        assertThat(frames.values(10)[busy]).isEqualTo(13);
        assertThat(frames.values(11)[busy]).isEqualTo(13);
        int quiet = plan.indexOf(hosts.get(1).arn());
        assertThat(frames.values(9)[quiet]).isNaN();
        assertThat(frames.values(11)[quiet]).isNaN();
    }

    @Test
    void aSnapshotValueIsOneFrameNow() {
        List<Host> hosts = NoiseFixtures.fleet(2);
        FloorPlan plan = FloorPlan.of(hosts, FloorPlan.Rows.CLUSTER);
        NoiseFrames frames = NoiseFrames.now(plan, Map.of(hosts.get(1).arn(), 7.0), T0.plusSeconds(130), FIVE);

        assertThat(frames.size()).isEqualTo(1);
        assertThat(frames.values(0)[plan.indexOf(hosts.get(1).arn())]).isEqualTo(7);
        assertThat(frames.time(0)).isEqualTo(T0);
    }
}
