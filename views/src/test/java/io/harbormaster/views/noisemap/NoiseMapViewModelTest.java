package io.harbormaster.views.noisemap;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.FleetStats;
import io.harbormaster.model.fleet.PlacementDraft;
import io.harbormaster.model.metrics.HostMetrics;
import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.metrics.MetricQuery;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.concurrent.QueuedTaskExecutor;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fakes.MovableClock;
import io.harbormaster.views.fleet.FleetData;
import io.harbormaster.views.lifecycle.ManualRepeater;
import io.harbormaster.views.metrics.FakeMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class NoiseMapViewModelTest {

    private final FakeMetrics metrics = new FakeMetrics();
    private final ManualRepeater repeater = new ManualRepeater();
    private FleetData fleet = FleetData.of(FleetFixtures.snapshot("prod", Fixtures.NOW));

    private final MovableClock clock = new MovableClock();

    private NoiseMapViewModel viewModel(TaskExecutor executor) {
        NoiseMapViewModel vm = new NoiseMapViewModel(metrics.deps(), executor, repeater, clock);
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
        assertThat(repeater.period).isEqualTo(NoiseMapViewModel.LIVE_TICK);

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
        assertThat(metrics.fetches).as("not a minute of the metrics clock yet").hasSize(1);
        clock.advance(NoiseMapViewModel.LIVE_EVERY);
        repeater.tick();

        assertThat(metrics.fetches).hasSize(2);
        Instant[] window = metrics.windows.get(1);
        assertThat(Duration.between(window[0], window[1])).isLessThanOrEqualTo(NoiseMapViewModel.TOP_UP
                .plus(NoiseMapViewModel.PERIOD));
    }

    @Test
    void aMapWhoseLiveTopUpFailsIsMarkedStaleUntilCloudWatchAnswersAgain() {
        NoiseMapViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.activeProperty().set(true);
        assertThat(vm.stalenessProperty().get()).isEmpty();

        metrics.offline = true;
        clock.advance(NoiseMapViewModel.LIVE_EVERY);
        repeater.tick();
        assertThat(vm.framesProperty().get()).as("what was drawn stays").isNotNull();
        assertThat(vm.stalenessProperty().get()).startsWith("Could not read CloudWatch at 14:03:11: ")
                .endsWith("Showing the map as of 14:02:11; it is retried every 1 min.");

        metrics.offline = false;
        clock.advance(NoiseMapViewModel.LIVE_EVERY);
        repeater.tick();
        assertThat(vm.stalenessProperty().get()).as("one good read clears it").isEmpty();
    }

    @Test
    void whenNoQueryIsSentTheMapSaysSoNotThatCloudWatchHasNothing() {
        NoiseMapViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.metricProperty().set(MetricKind.REQUEST_RATE); // no target group has a load balancer here
        vm.activeProperty().set(true);

        assertThat(metrics.fetches).isEmpty();
        assertThat(vm.messageProperty().get()).startsWith("No query sent:").doesNotContain("CloudWatch has no");
    }

    @Test
    void anotherMetricKeepsPollingLive() {
        NoiseMapViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.activeProperty().set(true);
        vm.metricProperty().set(MetricKind.MEMORY_UTILIZATION);
        int fetched = metrics.fetches.size();

        clock.advance(NoiseMapViewModel.LIVE_EVERY);
        repeater.tick();

        assertThat(metrics.fetches).hasSize(fetched + 1);
    }

    @Test
    void aClockThatRanAnHourBetweenTicksIsCaughtUpWhole() {
        NoiseMapViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.activeProperty().set(true);
        Instant before = Fixtures.NOW;

        clock.advance(Duration.ofHours(1));
        repeater.tick();

        Instant[] asked = metrics.windows.get(metrics.windows.size() - 1);
        assertThat(asked[0]).isBefore(before.minus(NoiseMapViewModel.TOP_UP).plusSeconds(1));
        int last = vm.framesProperty().get().size() - 1;
        int cell = cellOf(vm, FleetFixtures.H1);
        for (int f = last - 12; f <= last; f++) {
            assertThat(vm.framesProperty().get().values(f)[cell]).as("frame " + f + " of the hour run through")
                    .isEqualTo(50);
        }
    }

    @Test
    void reservationWithoutContainerInsightsComesFromEcsAndSaysSo() {
        fleet = FleetData.of(FleetFixtures.snapshot("prod", Fixtures.NOW, "disabled"));
        NoiseMapViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.metricProperty().set(MetricKind.CPU_RESERVATION);
        vm.activeProperty().set(true);

        assertThat(metrics.fetches).isEmpty();
        assertThat(vm.valuesProperty().get()[cellOf(vm, FleetFixtures.H1)]).isEqualTo(87.5);
        assertThat(vm.sourceProperty().get()).startsWith("Source: ECS");
        assertThat(vm.messageProperty().get()).as("no query was sent, so none is said to have failed").isEmpty();
        assertThat(vm.fieldProperty().get()).as("reservation is per-host cells, not a field").isFalse();
    }

    @Test
    void reservationWithContainerInsightsOffShowsEcsNowAndSaysWhatCloudWatchAnswered() {
        metrics.cloudWatch = (q, at) -> Double.NaN; // enhanced, but nothing published yet: the queries come back empty
        NoiseMapViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.metricProperty().set(MetricKind.MEMORY_RESERVATION);
        vm.activeProperty().set(true);

        assertThat(metrics.fetches).as(vm.messageProperty().get()).hasSize(1);
        assertThat(vm.valuesProperty().get()).doesNotContain(Double.NaN);
        assertThat(vm.sourceProperty().get()).contains("ECS now").contains("Container Insights");
        assertThat(vm.messageProperty().get()).isEqualTo("CloudWatch answered 2 queries for memory reservation"
                + " with no data; the live frame is ECS's.");
    }

    @Test
    void withoutEnhancedContainerInsightsCpuComesFromEc2AndMemoryIsSaidToHaveNoSource() {
        fleet = FleetData.of(FleetFixtures.snapshot("prod", Fixtures.NOW, "enabled"));
        NoiseMapViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.activeProperty().set(true);

        assertThat(metrics.fetches).hasSize(1);
        assertThat(metrics.fetches.get(0)).allSatisfy(q -> {
            assertThat(q.metric().namespace()).isEqualTo("AWS/EC2");
            assertThat(q.metric().name()).isEqualTo("CPUUtilization");
        });
        assertThat(vm.sourceProperty().get()).contains("AWS/EC2").contains("for 2 hosts")
                .doesNotContain("ContainerInsights");

        vm.metricProperty().set(MetricKind.MEMORY_UTILIZATION);
        assertThat(metrics.fetches).as("EC2 publishes no memory: nothing to ask").hasSize(1);
        assertThat(vm.sourceProperty().get()).contains("2 hosts without a source").contains("CloudWatch agent");
        assertThat(vm.messageProperty().get()).startsWith("No query sent: no cluster here has Container Insights");
    }

    @Test
    void aFullyReservedHostIsNotCriticalTheListShowsStrandedCapacity() {
        metrics.put(Fixtures.PROD.id(), io.harbormaster.model.metrics.ThresholdSettings.FLEET,
                MetricKind.CPU_RESERVATION, new io.harbormaster.model.metrics.Thresholds(50, 80, true));
        NoiseMapViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.metricProperty().set(MetricKind.CPU_RESERVATION);
        vm.activeProperty().set(true);

        assertThat(vm.scaleProperty().get().leveled()).isFalse();
        assertThat(vm.critical()).as("87.5 % reserved is packing, not an alarm").isEmpty();
        assertThat(vm.sideTitleProperty().get()).isEqualTo("Stranded CPU now: 0 hosts");
        assertThat(vm.sideEmptyProperty().get()).as("one line: beside a host's detail the list has room for no more")
                .isEqualTo("No host has CPU stranded.");
    }

    @Test
    void aQuietDayIsColouredRelativeToItsBusiestHostAndSaysItIsQuiet() {
        metrics.cloudWatch = (q, at) -> q.metric().dimensions().containsValue("h1") ? 12.0 : 4.0;
        NoiseMapViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.activeProperty().set(true);

        assertThat(vm.scaleProperty().get().leveled()).isFalse();
        assertThat(vm.scaleProperty().get().position(12)).isEqualTo(1.0);
        assertThat(vm.scaleNoteProperty().get()).startsWith("Quiet: no host passed 12.0 %");
        assertThat(vm.sideTitleProperty().get()).isEqualTo("Busiest hosts");
        assertThat(vm.critical()).extracting(HostReading::hostArn).startsWith(FleetFixtures.H1);
    }

    @Test
    void theCacheShowsAtOnceThenCloudWatchTopsItUp() {
        MetricQuery h1 = HostMetrics.of(fleet.snapshot()).queries(fleet.snapshot().hosts(),
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
        fleet = FleetData.of(FleetFixtures.snapshot("prod", Fixtures.NOW, "disabled"));
        NoiseMapViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.metricProperty().set(MetricKind.TASK_COUNT);
        vm.activeProperty().set(true);

        assertThat(metrics.fetches).isEmpty();
        assertThat(vm.valuesProperty().get()[cellOf(vm, FleetFixtures.H1)]).isEqualTo(3);
        assertThat(vm.framesProperty().get().size()).isEqualTo(1);
    }

    @Test
    void whileTheTasksLoadTheMapIsLaidOutFromTheHostsAndWhatIsCountedFromTasksWaitsForThem() {
        FleetSnapshot whole = FleetFixtures.snapshot("prod", Fixtures.NOW, "disabled");
        SimpleObjectProperty<FleetData> data = new SimpleObjectProperty<>(FleetData.servicesOnly(
                new FleetSnapshot(whole.environmentId(), whole.region(), whole.asOf(), whole.clusters(),
                        whole.services(), List.of(), List.of(), Map.of(), Map.of(), List.of(), FleetStats.NONE)));
        SimpleObjectProperty<PlacementDraft.View> placed = new SimpleObjectProperty<>(new PlacementDraft.View(
                whole.hosts().subList(0, 1), List.of(), whole.hosts().size(), whole.tasks().size(), null, 1));
        NoiseMapViewModel vm = new NoiseMapViewModel(metrics.deps(), new CurrentThreadTaskExecutor(), repeater, clock);
        vm.bind(new SimpleObjectProperty<EnvironmentSession>(Fixtures.session(Fixtures.PROD)), data, placed);
        vm.metricProperty().set(MetricKind.CPU_RESERVATION);
        vm.activeProperty().set(true);

        assertThat(vm.layoutProperty().get()).as("not every host is in").isNull();
        assertThat(vm.messageProperty().get()).startsWith("Waiting for every host (hosts 1 of 2 · tasks 0 of 5");

        placed.set(new PlacementDraft.View(whole.hosts(), List.of(), whole.hosts().size(), whole.tasks().size(), null,
                2));
        assertThat(vm.layoutProperty().get().hostsOnly()).isTrue();
        assertThat(vm.layoutProperty().get().plan().cells()).hasSize(2);
        assertThat(vm.valuesProperty().get()[cellOf(vm, FleetFixtures.H1)]).as("ECS's reservation, from the host")
                .isEqualTo(87.5);
        assertThat(vm.messageProperty().get()).isEmpty();
        vm.selectHost(FleetFixtures.H1);
        assertThat(vm.selectedProperty().get().taskCount()).as("ECS's count of the host's tasks")
                .isEqualTo(whole.host(FleetFixtures.H1).orElseThrow().runningTasks()
                        + whole.host(FleetFixtures.H1).orElseThrow().pendingTasks());
        assertThat(vm.selectedProperty().get().tasks()).containsExactly("their services: still being read");

        vm.metricProperty().set(MetricKind.TASK_COUNT);
        assertThat(vm.valuesProperty().get()).as("no count from tasks not yet read").isNull();
        assertThat(vm.critical()).as("nor the last mode's list beside it").isEmpty();
        assertThat(vm.sideTitleProperty().get()).isEmpty();
        assertThat(vm.scaleProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).startsWith("Waiting for every task (tasks 0 of 5 · ")
                .endsWith("): this mode counts them on each host.");

        data.set(FleetData.of(whole));
        assertThat(vm.layoutProperty().get().hostsOnly()).isFalse();
        assertThat(vm.valuesProperty().get()[cellOf(vm, FleetFixtures.H1)]).isEqualTo(3);
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(vm.selectedProperty().get().tasks()).as("the picked host's services, now they are in")
                .contains("edge ×1", "api ×1", "worker ×1");
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
