package io.harbormaster.views.cost;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.cost.HostPrice;
import io.harbormaster.model.cost.scaling.ScalingWhatIf;
import io.harbormaster.model.cost.scaling.ServiceScaling;
import io.harbormaster.model.metrics.MetricPoint;
import io.harbormaster.model.metrics.MetricSeries;
import io.harbormaster.views.concurrent.QueuedTaskExecutor;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.model.testdata.InMemoryPriceBook;
import io.harbormaster.views.fleet.FleetData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScalingViewModelTest {

    private static final Instant END = Fixtures.CLOCK.instant().truncatedTo(ChronoUnit.HOURS);
    private static final Instant H0 = END.minus(Duration.ofHours(2));
    private static final Instant H1 = END.minus(Duration.ofHours(1));

    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();
    private final InMemoryPriceBook book = new InMemoryPriceBook();
    private final List<String> asked = new ArrayList<>();
    private final String apiArn = FleetFixtures.snapshot("dev", Fixtures.NOW).services().stream()
            .filter(s -> s.name().equals("api")).findFirst().orElseThrow().arn();
    private static final String HIGH = "TargetTracking-service/web/api-AlarmHigh-0e6f";
    private static final String LOW = "TargetTracking-service/web/api-AlarmLow-7c21";
    private final ServiceScaling api = new ServiceScaling(ServiceScaling.resourceIdOf(apiArn), 1, 2, List.of(),
            List.of(new ServiceScaling.Policy("cpu40", ServiceScaling.Policy.TARGET_TRACKING,
                    "ECSServiceAverageCPUUtilization", 40, "keeps ECSServiceAverageCPUUtilization at 40",
                    List.of(new ServiceScaling.PolicyAlarm(HIGH, "ALARM"), new ServiceScaling.PolicyAlarm(LOW, "OK"))),
                    new ServiceScaling.Policy("backlog", ServiceScaling.Policy.STEP, "", Double.NaN,
                            "PercentChangeInCapacity by +50 when alarm breach in [0, 10), +100 when alarm breach in"
                                    + " [10, +∞)", List.of())),
            List.of(new ServiceScaling.Activity(H1, "Setting desired count to 2.", "monitor alarm … AlarmHigh",
                    "Successful", "", null)));
    /** Every service ran at 25 % CPU in the first hour and 100 % in the second. */
    private final ScalingViewModel vm = new ScalingViewModel(session -> Map.of(api.resourceId(), api),
            (session, queries, start, end) -> {
                asked.add(start + ".." + end);
                return queries.stream().map(q -> new MetricSeries(q, List.of(new MetricPoint(H0, 25),
                        new MetricPoint(H1, 100)))).toList();
            }, book, executor, Fixtures.CLOCK);

    private void showDev() {
        book.putListPrice("eu-west-1", "m5.large", HostPrice.onDemand(0.096, LocalDate.parse("2026-11-20")));
        vm.show(FleetData.of(FleetFixtures.snapshot("dev", Fixtures.NOW)), Fixtures.session(DEV));
        assertThat(vm.rows()).as("read off the UI thread").isEmpty();
        executor.runAll();
    }

    @Test
    void eachScaledServiceWithItsRangePoliciesAndWhetherItIsAtItsMaximum() {
        showDev();
        assertThat(vm.rows()).singleElement().satisfies(r -> {
            assertThat(r.service()).isEqualTo("api");
            assertThat(r.cluster()).isEqualTo("web");
            assertThat(r.desired()).isEqualTo(2);
            assertThat(r.atMaximum()).isTrue();
            assertThat(r.maximum()).isEqualTo("at its maximum");
            assertThat(r.policies()).isEqualTo("cpu40: keeps ECSServiceAverageCPUUtilization at 40\nbacklog:"
                    + " PercentChangeInCapacity by +50 when alarm breach in [0, 10), +100 when alarm breach in [10, +∞)");
            assertThat(r.alarms()).isEqualTo(HIGH + ": ALARM\n" + LOW + ": OK\nbacklog: no alarm invokes it");
            assertThat(r.alarmFiring()).isTrue();
            assertThat(r.lastActivity()).isEqualTo(H1 + " Setting desired count to 2. (Successful)");
        });
        assertThat(vm.messageProperty().get()).isEqualTo("1 services scaled by Service Auto Scaling, 1 at their"
                + " maximum, 1 with a scaling alarm in ALARM");
    }

    /**
     * Target 50 %: worker (1 task) needs ⌈0.5⌉ = 1 then ⌈2⌉ = 2; edge (3) needs ⌈1.5⌉ = 2 then ⌈6⌉ = 6; api scales
     * already and counts 2 every hour. So 6 tasks today need 5, then 10.
     */
    @Test
    void theWhatIfReadsTheWindowsCpuAndCountsTasksEachHour() {
        showDev();
        vm.whatIf(50, Duration.ofHours(24));
        assertThat(vm.whatIfProperty().get()).isNull();
        executor.runAll();

        assertThat(asked).containsExactly(END.minus(Duration.ofHours(24)) + ".." + END);
        ScalingWhatIf.Result r = vm.whatIfProperty().get();
        assertThat(r.hours()).extracting(ScalingWhatIf.Hour::tasksNow).containsExactly(6, 6);
        assertThat(r.hours()).extracting(ScalingWhatIf.Hour::tasksNeeded).containsExactly(5, 10);
        assertThat(r.services()).filteredOn(ScalingWhatIf.ServiceResult::alreadyScales)
                .extracting(ScalingWhatIf.ServiceResult::service).containsExactly("api");
        assertThat(ScalingView.describe(r)).startsWith("At 50 % CPU over 2 hours: hosts 2 today");
    }

    @Test
    void aTargetOutsideAPercentageIsRefusedWithoutWork() {
        showDev();
        vm.whatIf(0, Duration.ofHours(24));
        assertThat(executor.waiting()).isZero();
        assertThat(vm.messageProperty().get()).contains("percentage");
    }
}
