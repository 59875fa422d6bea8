package io.harbormaster.views.cutovers.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.cutover.CutoverPhase;
import io.harbormaster.model.cutover.CutoverPlan;
import io.harbormaster.model.cutover.CutoverState;
import io.harbormaster.model.cutover.GateMetric;
import io.harbormaster.model.cutover.GateReadings;
import io.harbormaster.model.cutover.SplitPoint;
import io.harbormaster.model.metrics.MetricPoint;
import io.harbormaster.model.metrics.NamedSeries;
import io.harbormaster.model.metrics.Thresholds;
import io.harbormaster.model.metrics.TimeWindow;
import io.harbormaster.model.testdata.ManualClock;
import io.harbormaster.views.concurrent.QueuedTaskExecutor;
import io.harbormaster.views.lifecycle.ManualRepeater;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The live view's charts: both sides' gate metrics from before the cutover to the runner's "now", with the gates'
 * levels and a marker per weight change; read while shown, polled on the window's repeater, silent when hidden.
 */
class CutoverMetricsViewModelTest {

    private static final Instant STARTED = Instant.parse("2031-05-04T03:00:00Z");
    private static final CutoverPlan PLAN = CutoverLiveFixtures.plan("prod", "prod");

    private final ManualClock runnerClock = new ManualClock(STARTED.plus(Duration.ofMinutes(42)));
    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();
    private final ManualRepeater repeater = new ManualRepeater();
    private final List<TimeWindow> asked = new ArrayList<>();
    private final CutoverMetricsViewModel vm = new CutoverMetricsViewModel(PLAN, CutoverMetricsViewModelTest::state,
            (plan, window) -> {
                asked.add(window);
                return Map.of("blue", perMinute(window, 1000, 2), "green", perMinute(window, 500, 40));
            }, executor, repeater, runnerClock);

    /** Two writes: 50 % at the start, 100 % ten minutes later (its confirmation is the same weights again). */
    private static CutoverState state() {
        List<SplitPoint> history = List.of(new SplitPoint(STARTED, PLAN.step(1).weights(), null),
                new SplitPoint(STARTED.plusSeconds(5), PLAN.step(1).weights(), PLAN.step(1).weights()),
                new SplitPoint(STARTED.plus(Duration.ofMinutes(10)), PLAN.step(2).weights(), null));
        return new CutoverState(PLAN, CutoverPhase.BAKING, 2, PLAN.step(2).weights(), PLAN.step(1).weights(), null,
                "", "", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), history);
    }

    private static GateReadings perMinute(TimeWindow window, double requests, double errors) {
        List<MetricPoint> r = new ArrayList<>();
        List<MetricPoint> e = new ArrayList<>();
        for (Instant t = window.start(); t.isBefore(window.end()); t = t.plusSeconds(60)) {
            r.add(new MetricPoint(t, requests));
            e.add(new MetricPoint(t, errors));
        }
        return new GateReadings(Map.of(GateReadings.Series.REQUESTS, r, GateReadings.Series.TARGET_5XX, e), Map.of());
    }

    @Test
    void hiddenItReadsNothing() {
        assertThat(executor.waiting()).isZero();
        assertThat(vm.polling()).isFalse();
        assertThat(vm.charts()).isEmpty();
    }

    @Test
    void shownItChartsBothSidesFromBeforeTheStartToTheRunnersNowWithTheGatesLevels() {
        vm.activeProperty().set(true);
        executor.runAll();

        assertThat(asked).containsExactly(new TimeWindow(STARTED.minus(Duration.ofMinutes(10)),
                runnerClock.instant()));
        assertThat(vm.charts()).extracting(CutoverMetricsViewModel.Chart::metric)
                .containsExactly(GateMetric.values());
        CutoverMetricsViewModel.Chart errors = vm.charts().get(0);
        assertThat(errors.series()).extracting(NamedSeries::label).containsExactly("blue", "green");
        assertThat(errors.series().get(1).points()).extracting(MetricPoint::value).containsOnly(8.0);
        assertThat(errors.series().get(0).points()).extracting(MetricPoint::value).containsOnly(0.2);
        assertThat(errors.levels()).isEqualTo(new Thresholds(1, 5, true));
        assertThat(errors.judgedOn()).isEqualTo("both");
        assertThat(vm.charts().get(1).levels()).as("no gate on p99 latency: no lines").isNull();
        assertThat(errors.markers()).extracting(m -> m.at()).containsExactly(STARTED,
                STARTED.plus(Duration.ofMinutes(10)));
        assertThat(errors.markers().get(1).text()).contains("blue 0 · green 100", "100 % to green");
        assertThat(vm.messageProperty().get()).isEmpty();
    }

    @Test
    void itPollsOnTheRepeaterWithTheRunnersClockAndStopsWhenHidden() {
        vm.activeProperty().set(true);
        executor.runAll();
        assertThat(vm.polling()).isTrue();
        assertThat(repeater.period).isEqualTo(CutoverMetricsViewModel.REFRESH);

        runnerClock.advance(Duration.ofMinutes(3));   // the sandbox at --speed moves faster than the repeater
        repeater.tick();
        repeater.tick();   // a read in flight is not doubled
        assertThat(executor.waiting()).isEqualTo(1);
        executor.runAll();
        assertThat(asked).hasSize(2);
        assertThat(asked.get(1).end()).isEqualTo(STARTED.plus(Duration.ofMinutes(45)));

        vm.activeProperty().set(false);
        assertThat(vm.polling()).isFalse();
        assertThat(repeater.running()).isFalse();
    }

    @Test
    void aCutoverJustStartedStillShowsHalfAnHour() {
        ManualClock early = new ManualClock(STARTED.plus(Duration.ofMinutes(2)));
        CutoverMetricsViewModel fresh = new CutoverMetricsViewModel(PLAN, CutoverMetricsViewModelTest::state,
                (plan, window) -> {
                    asked.add(window);
                    return Map.of();
                }, executor, repeater, early);
        fresh.activeProperty().set(true);
        executor.runAll();
        assertThat(asked.get(0).span()).isEqualTo(CutoverMetricsViewModel.MIN_SPAN);
        assertThat(fresh.messageProperty().get()).startsWith("CloudWatch has no data for either side");
    }
}
