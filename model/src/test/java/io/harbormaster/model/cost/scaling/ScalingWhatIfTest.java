package io.harbormaster.model.cost.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.harbormaster.model.cost.scaling.ScalingWhatIf.ClusterHosts;
import io.harbormaster.model.cost.scaling.ScalingWhatIf.Hour;
import io.harbormaster.model.cost.scaling.ScalingWhatIf.ServiceLoad;
import io.harbormaster.model.cost.scaling.ScalingWhatIf.ServiceResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScalingWhatIfTest {

    private static final Instant H0 = Instant.parse("2026-12-05T14:00:00Z");
    private static final Instant H1 = Instant.parse("2026-12-06T03:00:00Z");
    /** Three hosts of 4,096 CPU units and 8,192 MiB at $0.20 an hour. */
    private static final Map<String, ClusterHosts> WEB = Map.of("web", new ClusterHosts("web", 3, 4096, 8192, 0.20));

    /**
     * Target 50 % CPU. api: 6 tasks of 1,024/1,024, range 2–12; at 60 % it needs ⌈6 × 60 ÷ 50⌉ = ⌈7.2⌉ = 8, at
     * 20 % ⌈2.4⌉ = 3. worker: 2 tasks of 512/2,048, range 1–2; at 90 % ⌈3.6⌉ = 4, held at its maximum 2; at 10 %
     * ⌈0.4⌉ = 1. cron scales already: 1 task of 256/512 every hour, whatever its CPU.
     *
     * <p>Hour 0: 11 tasks reserve 9,472 CPU (⌈2.31⌉ = 3 hosts) and 12,800 MiB (⌈1.56⌉ = 2): 3 hosts. Hour 1: 5 tasks
     * reserve 3,840 CPU and 5,632 MiB: 1 host. Today 3 hosts all the time = $438 a month; needed (3 + 1) ÷ 2 hosts on
     * average = $292 a month; saving $146.
     */
    @Test
    void tasksAndHostsEachHourAndTheSaving() {
        List<ServiceLoad> services = List.of(
                new ServiceLoad("web", "api", 6, 1024, 1024, 2, 12, Map.of(H0, 60.0, H1, 20.0), false),
                new ServiceLoad("web", "worker", 2, 512, 2048, 1, 2, Map.of(H0, 90.0, H1, 10.0), false),
                new ServiceLoad("web", "cron", 1, 256, 512, 1, 3, Map.of(H0, 100.0, H1, 100.0), true));

        ScalingWhatIf.Result r = ScalingWhatIf.of(services, WEB, 50);

        assertThat(r.hours()).containsExactly(new Hour(H0, 9, 11, 3, 3), new Hour(H1, 9, 5, 3, 1));
        assertThat(r.services()).containsExactly(
                new ServiceResult("web", "api", 6, 3, 8, 5.5, false),
                new ServiceResult("web", "worker", 2, 1, 2, 1.5, false),
                new ServiceResult("web", "cron", 1, 1, 1, 1.0, true));
        assertThat(r.usdPerMonthNow()).isCloseTo(438, within(1e-9));
        assertThat(r.usdPerMonthNeeded()).isCloseTo(292, within(1e-9));
        assertThat(r.monthlySaving()).isCloseTo(146, within(1e-9));
    }

    /** An hour with no CPU data keeps today's count; exactly on target needs no extra task (6 × 50 ÷ 50 = 6). */
    @Test
    void anHourWithoutDataKeepsTodaysCountAndExactlyOnTargetNeedsNoMore() {
        ServiceLoad api = new ServiceLoad("web", "api", 6, 1024, 1024, 1, 20, Map.of(H0, 50.0), false);
        assertThat(api.neededAt(H0, 50)).isEqualTo(6);
        assertThat(api.neededAt(H1, 50)).isEqualTo(6);
        assertThat(api.neededAt(H0, 25)).isEqualTo(12);
    }

    @Test
    void aServiceOfAClusterWithoutHostsIsLeftOutAndTheTargetIsAPercentage() {
        ScalingWhatIf.Result r = ScalingWhatIf.of(List.of(new ServiceLoad("fargate", "f", 4, 256, 512, 1, 8,
                Map.of(H0, 80.0), false)), WEB, 50);
        assertThat(r.services()).isEmpty();
        assertThat(r.monthlySaving()).isZero();
        assertThatThrownBy(() -> ScalingWhatIf.of(List.of(), WEB, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScalingWhatIf.of(List.of(), WEB, 101)).isInstanceOf(IllegalArgumentException.class);
    }
}
