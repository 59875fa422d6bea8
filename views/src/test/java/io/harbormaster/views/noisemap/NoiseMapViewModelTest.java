package io.harbormaster.views.noisemap;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.metrics.HostMetricSource;
import io.harbormaster.model.metrics.HostMetrics;
import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.metrics.MetricQuery;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.concurrent.QueuedTaskExecutor;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fleet.FleetData;
import io.harbormaster.views.lifecycle.ManualRepeater;
import io.harbormaster.views.metrics.FakeMetrics;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class NoiseMapViewModelTest {

    private final FakeMetrics metrics = new FakeMetrics();
    private final ManualRepeater repeater = new ManualRepeater();
    private final FleetData fleet = FleetData.of(FleetFixtures.snapshot("prod", Fixtures.NOW));

    private NoiseMapViewModel viewModel(TaskExecutor executor) {
        NoiseMapViewModel vm = new NoiseMapViewModel(metrics.deps(), executor, repeater, Fixtures.CLOCK);
        vm.bind(new SimpleObjectProperty<EnvironmentSession>(Fixtures.session(Fixtures.PROD)),
                new SimpleObjectProperty<>(fleet));
        return vm;
    }

    private int cellOf(NoiseMapViewModel vm, String hostArn) {
        return vm.layoutProperty().get().plan().indexOf(hostArn);
    }

    @Test
    void aHiddenMapFetchesNothingAndPollsNothing() {
        NoiseMapViewModel vm = viewModel(new CurrentThreadTaskExecutor());

        assertThat(vm.layoutProperty().get()).isNotNull();
        assertThat(metrics.fetches).isEmpty();
        assertThat(vm.polling()).isFalse();

        vm.activeProperty().set(true);
        assertThat(metrics.fetches).hasSize(1);
        assertThat(metrics.fetches.get(0)).hasSize(2); // one query per host, in one call
        assertThat(vm.polling()).isTrue();
        assertThat(repeater.period).isEqualTo(NoiseMapViewModel.LIVE_EVERY);

        vm.activeProperty().set(false);
        assertThat(vm.polling()).isFalse();
        repeater.tick();
        assertThat(metrics.fetches).hasSize(1);
    }

    @Test
    void whileShownLiveTheLatestMinutesAreToppedUpEachMinute() {
        NoiseMapViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.activeProperty().set(true);

        repeater.tick();

        assertThat(metrics.fetches).hasSize(2);
        Instant[] window = metrics.windows.get(1);
        assertThat(Duration.between(window[0], window[1])).isLessThanOrEqualTo(NoiseMapViewModel.TOP_UP
                .plus(NoiseMapViewModel.PERIOD));
    }

    @Test
    void theCacheShowsAtOnceThenCloudWatchTopsItUp() {
        MetricQuery h1 = new HostMetrics(HostMetricSource.SANDBOX).queries(fleet.snapshot().hosts(),
                MetricKind.CPU_UTILIZATION, NoiseMapViewModel.PERIOD).queries().get(0);
        metrics.cache(h1, Fixtures.NOW.minus(Duration.ofMinutes(10)), 95);
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        NoiseMapViewModel vm = viewModel(executor);
        vm.activeProperty().set(true);

        executor.runNext(); // layout
        executor.runNext(); // cache
        assertThat(metrics.fetches).isEmpty();
        assertThat(vm.valuesProperty().get()[cellOf(vm, FleetFixtures.H1)]).isEqualTo(95);
        assertThat(vm.critical()).extracting(HostReading::hostArn).containsExactly(FleetFixtures.H1);

        executor.runNext(); // CloudWatch
        assertThat(metrics.fetches).hasSize(1);
        assertThat(vm.valuesProperty().get()[cellOf(vm, FleetFixtures.H1)]).isEqualTo(50);
        assertThat(vm.critical()).isEmpty();
    }

    @Test
    void leavingThePageStopsTheCloudWatchReadAndComingBackReadsAgain() {
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        NoiseMapViewModel vm = viewModel(executor);
        vm.activeProperty().set(true);
        executor.runNext(); // layout
        executor.runNext(); // cache; the CloudWatch read waits

        vm.activeProperty().set(false); // the shell: another page came to front
        vm.hidden();
        executor.runAll();
        assertThat(executor.cancelled()).isEqualTo(1);
        assertThat(metrics.fetches).isEmpty();

        vm.activeProperty().set(true);
        executor.runAll();
        assertThat(metrics.fetches).hasSize(1);
        assertThat(vm.valuesProperty().get()[cellOf(vm, FleetFixtures.H1)]).isEqualTo(50);
    }

    @Test
    void leavingThePageWhileLayingOutLaysOutAgainWhenItShows() {
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        NoiseMapViewModel vm = viewModel(executor);
        vm.hidden();
        executor.runAll();
        assertThat(executor.cancelled()).isEqualTo(1);
        assertThat(vm.layoutProperty().get()).isNull();

        vm.activeProperty().set(true);
        executor.runAll();
        assertThat(vm.layoutProperty().get()).isNotNull();
        assertThat(metrics.fetches).hasSize(1);
    }

    @Test
    void hostsOverCriticalAreListedHottestFirst() {
        metrics.cloudWatch = (q, at) -> q.metric().dimensions().containsValue("h1") ? 97.0 : 40.0;
        NoiseMapViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.activeProperty().set(true);

        assertThat(vm.critical()).extracting(HostReading::hostArn).containsExactly(FleetFixtures.H1);
        assertThat(vm.thresholdsProperty().get().critical()).isEqualTo(90);
    }

    @Test
    void scrubbingLeavesLiveAndStopsPollingPlayingStepsTenMinutesAFrame() {
        metrics.cloudWatch = (q, at) -> (double) (at.getEpochSecond() / 300 % 100);
        NoiseMapViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.activeProperty().set(true);
        int last = vm.framesProperty().get().size() - 1;
        assertThat(last).isGreaterThanOrEqualTo(287);
        assertThat(vm.frameProperty().get()).isEqualTo(last);

        vm.frameProperty().set(10);
        assertThat(vm.liveProperty().get()).isFalse();
        assertThat(vm.polling()).isFalse();
        assertThat(vm.frameTimeProperty().get()).isEqualTo(vm.framesProperty().get().time(10));
        int fetched = metrics.fetches.size();

        vm.playingProperty().set(true);
        repeater.tick();
        assertThat(vm.frameProperty().get()).isEqualTo(12);
        assertThat(metrics.fetches).hasSize(fetched); // replay is drawing only

        vm.goLive();
        assertThat(vm.playingProperty().get()).isFalse();
        assertThat(vm.frameProperty().get()).isEqualTo(last);
        assertThat(vm.polling()).isTrue();
    }

    @Test
    void taskCountComesFromTheSnapshotWithoutACall() {
        NoiseMapViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.metricProperty().set(MetricKind.TASK_COUNT);
        vm.activeProperty().set(true);

        assertThat(metrics.fetches).isEmpty();
        assertThat(vm.valuesProperty().get()[cellOf(vm, FleetFixtures.H1)]).isEqualTo(3);
        assertThat(vm.framesProperty().get().size()).isEqualTo(1);
    }

    @Test
    void aClickedHostShowsItsTasksReservationAndMeasuredUse() {
        NoiseMapViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.activeProperty().set(true);

        vm.selectHost(FleetFixtures.H1);

        HostDetail detail = vm.selectedProperty().get();
        assertThat(detail.host().arn()).isEqualTo(FleetFixtures.H1);
        assertThat(detail.taskCount()).isEqualTo(3);
        assertThat(detail.tasks()).contains("edge ×1", "api ×1", "worker ×1");
        assertThat(detail.cpuReserved()).isCloseTo(87.5, org.assertj.core.api.Assertions.within(0.1));
        assertThat(detail.cpuUsed()).isEqualTo(50);
        assertThat(detail.useRead()).isTrue();
        assertThat(detail.overReserved()).isFalse();
    }

    @Test
    void aHostWhoseUseCannotBeReadStopsReadingAndSaysWhy() {
        NoiseMapViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.activeProperty().set(true);
        metrics.offline = true;

        vm.selectHost(FleetFixtures.H1);

        HostDetail detail = vm.selectedProperty().get();
        assertThat(detail.useRead()).as("not 'reading…' for ever").isTrue();
        assertThat(detail.cpuUsed()).isNull();
        assertThat(vm.messageProperty().get()).startsWith("Measured use not read: ")
                .contains("CloudWatch is unreachable");
    }

    @Test
    void theSameHostsAfterARefreshKeepTheirCells() {
        SimpleObjectProperty<FleetData> current = new SimpleObjectProperty<>(fleet);
        NoiseMapViewModel vm = new NoiseMapViewModel(metrics.deps(), new CurrentThreadTaskExecutor(), repeater,
                Fixtures.CLOCK);
        vm.bind(new SimpleObjectProperty<>(Fixtures.session(Fixtures.PROD)), current);
        var plan = vm.layoutProperty().get().plan();

        current.set(FleetData.of(FleetFixtures.snapshot("prod", Fixtures.NOW.plusSeconds(20))));

        assertThat(vm.layoutProperty().get().plan()).isSameAs(plan);
        assertThat(vm.layoutProperty().get().snapshot().asOf()).isEqualTo(Fixtures.NOW.plusSeconds(20));
    }
}
