package io.harbormaster.views.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.model.alarms.Alarm;
import io.harbormaster.model.alarms.AlarmState;
import io.harbormaster.model.alarms.ChartAlarms;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.metrics.MetricId;
import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.metrics.MetricQuery;
import io.harbormaster.model.metrics.ServiceDashboard;
import io.harbormaster.model.metrics.ThresholdSettings;
import io.harbormaster.model.metrics.Thresholds;
import io.harbormaster.model.metrics.TimeRange;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.concurrent.QueuedTaskExecutor;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fakes.MovableClock;
import io.harbormaster.views.fleet.FleetData;
import io.harbormaster.views.lifecycle.ManualRepeater;
import java.time.Duration;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class ServiceDashboardViewModelTest {

    private final FakeMetrics metrics = new FakeMetrics();
    private final ManualRepeater repeater = new ManualRepeater();
    private final FleetData fleet = FleetData.of(FleetFixtures.snapshot("prod", Fixtures.NOW));

    private final MovableClock clock = new MovableClock();

    private ServiceDashboardViewModel viewModel(TaskExecutor executor) {
        ServiceDashboardViewModel vm = new ServiceDashboardViewModel(metrics.deps(), executor, repeater, clock);
        vm.bind(new SimpleObjectProperty<EnvironmentSession>(Fixtures.session(Fixtures.PROD)),
                new SimpleObjectProperty<>(fleet));
        return vm;
    }

    @Test
    void theServicesOfTheFleetArePickable() {
        ServiceDashboardViewModel vm = viewModel(new CurrentThreadTaskExecutor());

        assertThat(vm.services()).extracting(s -> s.name()).containsExactly("api", "edge", "worker");
    }

    @Test
    void liveChartsPollOnlyWhileShown() {
        ServiceDashboardViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.showService(FleetFixtures.API);
        assertThat(metrics.fetches).isEmpty();

        vm.activeProperty().set(true);
        assertThat(metrics.fetches).hasSize(1);
        assertThat(vm.polling()).isTrue();
        repeater.tick();
        assertThat(metrics.fetches).as("the metrics clock has not moved a minute").hasSize(1);
        clock.advance(Duration.ofSeconds(60));
        repeater.tick();
        assertThat(metrics.fetches).hasSize(2);

        vm.activeProperty().set(false);
        assertThat(vm.polling()).isFalse();
        assertThat(repeater.running()).isFalse();
    }

    @Test
    void aSandboxClockAtSixtyTimesMovesTheChartAMinuteATimeAndKeepsItsHistory() {
        ServiceDashboardViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.showService(FleetFixtures.API);
        vm.activeProperty().set(true);
        assertThat(repeater.period).as("the wall asks every second whether a sandbox minute has passed")
                .isEqualTo(ServiceDashboardViewModel.LIVE_TICK);
        java.time.Instant firstEnd = vm.windowProperty().get().end();

        for (int second = 0; second < 60; second++) { // a wall minute at x60
            clock.advance(Duration.ofMinutes(1));
            repeater.tick();
        }

        assertThat(metrics.fetches).as("a top-up each sandbox minute").hasSize(61);
        java.time.Instant end = vm.windowProperty().get().end();
        assertThat(end).isEqualTo(firstEnd.plus(Duration.ofHours(1)));
        java.util.List<io.harbormaster.model.metrics.MetricPoint> cpu = vm.seriesProperty().get()
                .get(MetricKind.CPU_UTILIZATION).get(0).points();
        assertThat(cpu).as("the whole last hour, no gap").hasSizeGreaterThanOrEqualTo(59);
    }

    @Test
    void aClockThatJumpsAnHourIsCaughtUpInOneTopUp() {
        ServiceDashboardViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.showService(FleetFixtures.API);
        vm.activeProperty().set(true);
        java.time.Instant before = vm.windowProperty().get().end();

        clock.advance(Duration.ofHours(1));
        repeater.tick();

        java.time.Instant[] asked = metrics.windows.get(metrics.windows.size() - 1);
        assertThat(asked[0]).as("the whole hour shown, not only its last 5 minutes")
                .isEqualTo(vm.windowProperty().get().start()).isBefore(before.plus(Duration.ofMinutes(1)));
        assertThat(vm.seriesProperty().get().get(MetricKind.CPU_UTILIZATION).get(0).points())
                .hasSizeGreaterThanOrEqualTo(59);
    }

    @Test
    void aPastRangeDoesNotPoll() {
        ServiceDashboardViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.activeProperty().set(true);
        vm.showService(FleetFixtures.API);
        vm.rangeProperty().set(TimeRange.H24);

        assertThat(vm.polling()).isFalse();
        assertThat(metrics.fetches.get(metrics.fetches.size() - 1).get(0).period()).isEqualTo(Duration.ofMinutes(5));
        assertThat(Duration.between(vm.windowProperty().get().start(), vm.windowProperty().get().end()))
                .isGreaterThanOrEqualTo(Duration.ofHours(24));
    }

    @Test
    void theCacheShowsFirstThenCloudWatchTopsItUp() {
        ServiceDashboardViewModel vm = viewModel(new QueuedTaskExecutor());
        MetricQuery cpu = ServiceDashboard.of(fleet.snapshot().service(FleetFixtures.API).orElseThrow(), Map.of())
                .queries(TimeRange.LIVE.period()).get(0);
        metrics.cache(cpu, Fixtures.NOW.minus(Duration.ofMinutes(30)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES),
                12.5);
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        vm = viewModel(executor);
        vm.activeProperty().set(true);
        vm.showService(FleetFixtures.API);

        executor.runNext(); // cache
        assertThat(vm.fromCacheProperty().get()).isTrue();
        assertThat(vm.seriesProperty().get().get(MetricKind.CPU_UTILIZATION).get(0).points())
                .extracting(p -> p.value()).containsExactly(12.5);
        assertThat(metrics.fetches).isEmpty();

        executor.runNext(); // CloudWatch
        assertThat(vm.fromCacheProperty().get()).isFalse();
        assertThat(vm.seriesProperty().get().get(MetricKind.CPU_UTILIZATION).get(0).points()).hasSizeGreaterThan(50);
        assertThat(metrics.cached).isNotEmpty();
    }

    @Test
    void leavingThePageStopsTheCloudWatchReadAndComingBackReadsAgain() {
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        ServiceDashboardViewModel vm = viewModel(executor);
        vm.activeProperty().set(true);
        vm.showService(FleetFixtures.API);
        executor.runNext(); // cache; the CloudWatch read waits

        vm.activeProperty().set(false); // the shell: another page came to front
        vm.hidden();
        executor.runAll();
        assertThat(executor.cancelled()).isEqualTo(1);
        assertThat(metrics.fetches).isEmpty();

        vm.activeProperty().set(true);
        executor.runAll();
        assertThat(metrics.fetches).isNotEmpty();
        assertThat(vm.seriesProperty().get().get(MetricKind.CPU_UTILIZATION).get(0).points()).hasSizeGreaterThan(50);
    }

    @Test
    void whenCloudWatchFailsTheCachedHistoryStaysAndSaysSo() {
        MetricQuery cpu = ServiceDashboard.of(fleet.snapshot().service(FleetFixtures.API).orElseThrow(), Map.of())
                .queries(TimeRange.LIVE.period()).get(0);
        metrics.cache(cpu, Fixtures.NOW.minus(Duration.ofMinutes(30)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES),
                12.5);
        metrics.offline = true;
        ServiceDashboardViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.activeProperty().set(true);
        vm.showService(FleetFixtures.API);

        assertThat(vm.seriesProperty().get().get(MetricKind.CPU_UTILIZATION).get(0).points()).hasSize(1);
        assertThat(vm.messageProperty().get()).startsWith("Showing cached history.");
    }

    @Test
    void chartsWhoseTopUpFailsAreMarkedStaleUntilCloudWatchAnswersAgain() {
        ServiceDashboardViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.activeProperty().set(true);
        vm.showService(FleetFixtures.API);
        assertThat(vm.stalenessProperty().get()).as("read just now").isEmpty();

        metrics.offline = true;
        clock.advance(Duration.ofSeconds(60));
        repeater.tick();
        assertThat(vm.seriesProperty().get().get(MetricKind.CPU_UTILIZATION).get(0).points()).as("what was drawn stays")
                .hasSizeGreaterThan(50);
        assertThat(vm.stalenessProperty().get()).startsWith("Could not read CloudWatch at 14:03:11: ")
                .endsWith("Showing the charts as of 14:02:11; it is retried every 1 min.");

        clock.advance(Duration.ofSeconds(60));
        repeater.tick();
        assertThat(vm.stalenessProperty().get()).as("still as of the last answer").startsWith(
                "Could not read CloudWatch at 14:04:11").contains("as of 14:02:11");

        metrics.offline = false;
        clock.advance(Duration.ofSeconds(60));
        repeater.tick();
        assertThat(vm.stalenessProperty().get()).as("one good read clears it").isEmpty();
    }

    @Test
    void aPastRangeWhoseReadFailsSaysToPressF5AndNothingDrawnIsNothingStale() {
        metrics.offline = true;
        ServiceDashboardViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.activeProperty().set(true);
        vm.showService(FleetFixtures.API);
        assertThat(vm.stalenessProperty().get()).as("no chart drawn: the message says why").isEmpty();

        MetricQuery cpu = ServiceDashboard.of(fleet.snapshot().service(FleetFixtures.API).orElseThrow(), Map.of())
                .queries(TimeRange.H6.period()).get(0);
        metrics.cache(cpu, Fixtures.NOW.minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.HOURS),
                40.0);
        vm.rangeProperty().set(TimeRange.H6);
        assertThat(vm.stalenessProperty().get()).contains("Showing the charts as of 12:00:00; press F5 to try again.");
    }

    @Test
    void withNoEnvironmentEnteredARecentServiceIsDrawnFromTheCacheAlone() {
        ServiceDashboardViewModel online = viewModel(new CurrentThreadTaskExecutor());
        online.activeProperty().set(true);
        online.showService(FleetFixtures.API);
        assertThat(metrics.cached).isNotEmpty();
        int fetched = metrics.fetches.size();

        // a restart where prod cannot be entered: no session, no fleet; the same local store
        ServiceDashboardViewModel offline = new ServiceDashboardViewModel(metrics.deps(),
                new CurrentThreadTaskExecutor(), repeater, Fixtures.CLOCK);
        offline.bind(new SimpleObjectProperty<EnvironmentSession>(), new SimpleObjectProperty<FleetData>());
        offline.activeProperty().set(true);
        assertThat(offline.services()).extracting(s -> s.arn()).containsExactly(FleetFixtures.API);

        offline.showService(FleetFixtures.API);
        assertThat(offline.seriesProperty().get().get(MetricKind.CPU_UTILIZATION).get(0).points())
                .hasSizeGreaterThan(50);
        assertThat(offline.fromCacheProperty().get()).isTrue();
        assertThat(offline.offlineProperty().get()).isTrue();
        assertThat(offline.messageProperty().get()).contains("prod is not entered");
        assertThat(offline.polling()).isFalse();
        assertThat(metrics.fetches).hasSize(fetched);
    }

    @Test
    void chartsLeftOutForWantOfTheLoadBalancerSaySo() {
        io.harbormaster.model.fleet.FleetSnapshot base = fleet.snapshot();
        io.harbormaster.model.fleet.Service api = base.service(FleetFixtures.API).orElseThrow();
        io.harbormaster.model.fleet.Service behindLb = new io.harbormaster.model.fleet.Service(api.arn(), api.name(),
                api.clusterArn(), api.status(), api.desiredCount(), api.runningCount(), api.pendingCount(),
                api.launchType(), api.taskDefinitionArn(), api.deployments(), api.events(), api.placementStrategy(),
                api.placementConstraints(), java.util.List.of(new io.harbormaster.model.fleet.LoadBalancerTarget(
                        "arn:tg/api", null, "api", 8080)), api.createdAt());
        java.util.List<io.harbormaster.model.fleet.Service> services = new java.util.ArrayList<>(base.services());
        services.replaceAll(s -> s.arn().equals(api.arn()) ? behindLb : s);
        FleetData withLb = FleetData.of(new io.harbormaster.model.fleet.FleetSnapshot(base.environmentId(),
                base.region(), base.asOf(), base.clusters(), services, base.hosts(), base.tasks(),
                base.taskDefinitions(), base.targetHealth(), base.problems(), base.stats()));
        ServiceDashboardViewModel vm = new ServiceDashboardViewModel(metrics.deps(), new CurrentThreadTaskExecutor(),
                repeater, Fixtures.CLOCK);
        vm.bind(new SimpleObjectProperty<EnvironmentSession>(Fixtures.session(Fixtures.PROD)),
                new SimpleObjectProperty<>(withLb));
        metrics.loadBalancersUnreachable = true;
        vm.activeProperty().set(true);
        vm.showService(FleetFixtures.API);

        assertThat(vm.chartsProperty().get()).contains(MetricKind.CPU_UTILIZATION)
                .doesNotContain(MetricKind.LATENCY_P99);
        assertThat(vm.messageProperty().get()).as("still said once CloudWatch has answered")
                .isEqualTo("Request and latency charts left out: the load balancers of api could not be read "
                        + "(Something went wrong).");

        metrics.loadBalancersUnreachable = false;
        metrics.loadBalancers.put("arn:tg/api", "arn:aws:elasticloadbalancing:eu-west-1:222222222222:"
                + "loadbalancer/app/api/1");
        vm.showService(FleetFixtures.WORKER);
        vm.showService(FleetFixtures.API);
        assertThat(vm.chartsProperty().get()).contains(MetricKind.LATENCY_P99);
        assertThat(vm.messageProperty().get()).isEmpty();
    }

    @Test
    void recentServicesKeepTheNewestOncePerEnvironment() {
        io.harbormaster.views.fakes.InMemoryUiState state = new io.harbormaster.views.fakes.InMemoryUiState();
        RecentServices recent = new RecentServices(state);
        for (int i = 0; i < RecentServices.KEEP + 3; i++) {
            recent.remember(new RecentServices.Entry("prod", "prod", "us-east-1", "arn:svc/" + i, "s" + i,
                    "arn:cluster/web", Map.of("arn:tg/" + i, "arn:lb/app/x/" + i)));
        }
        recent.remember(new RecentServices.Entry("prod", "prod", "us-east-1", "arn:svc/5", "s5", "arn:cluster/web",
                Map.of()));

        assertThat(recent.all()).hasSize(RecentServices.KEEP);
        assertThat(recent.all().get(0).serviceArn()).isEqualTo("arn:svc/5");
        assertThat(recent.all()).extracting(RecentServices.Entry::serviceArn).doesNotHaveDuplicates();
        assertThat(recent.all().get(1).loadBalancerByTargetGroup()).containsEntry("arn:tg/14", "arn:lb/app/x/14");
        assertThat(recent.all().get(1).service().targetGroupArns()).containsExactly("arn:tg/14");
    }

    @Test
    void levelsAreTheDefaultsUntilSetThenKeptPerServiceAndMetric() {
        ServiceDashboardViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.activeProperty().set(true);
        vm.showService(FleetFixtures.API);
        assertThat(vm.thresholdsProperty().get().get(MetricKind.CPU_UTILIZATION)).isEqualTo(new Thresholds(70, 90,
                true));

        vm.setThresholds(MetricKind.CPU_UTILIZATION, 50, 60);

        assertThat(vm.thresholdsProperty().get().get(MetricKind.CPU_UTILIZATION)).isEqualTo(new Thresholds(50, 60,
                true));
        assertThat(metrics.find("prod", ThresholdSettings.serviceScope("web", "api"), MetricKind.CPU_UTILIZATION))
                .contains(new Thresholds(50, 60, true));
        assertThatThrownBy(() -> vm.setThresholds(MetricKind.CPU_UTILIZATION, 80, 60))
                .isInstanceOf(IllegalArgumentException.class);

        vm.resetThresholds(MetricKind.CPU_UTILIZATION);
        assertThat(vm.thresholdsProperty().get().get(MetricKind.CPU_UTILIZATION)).isEqualTo(new Thresholds(70, 90,
                true));
        assertThat(metrics.levels).isEmpty();
    }

    @Test
    void theServicesAlarmsAreDrawnOnTheirChartsAndDefaultLevelsGiveWayToThem() {
        ServiceDashboardViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        javafx.collections.ObservableList<Alarm> alarms = javafx.collections.FXCollections.observableArrayList();
        vm.drawAlarmsOf(alarms);
        vm.activeProperty().set(true);
        vm.showService(FleetFixtures.API);
        assertThat(vm.alarmLevelsProperty().get()).isEmpty();
        assertThat(vm.drawnLevelsProperty().get()).containsEntry(MetricKind.CPU_UTILIZATION,
                new Thresholds(70, 90, true));

        alarms.setAll(cpuAlarm("api", "prod-api-cpu-critical", 85, AlarmState.ALARM),
                cpuAlarm("worker", "prod-worker-cpu-critical", 80, AlarmState.OK));

        assertThat(vm.alarmLevelsProperty().get()).containsOnlyKeys(MetricKind.CPU_UTILIZATION);
        assertThat(vm.alarmLevelsProperty().get().get(MetricKind.CPU_UTILIZATION)).containsExactly(
                new ChartAlarms.Level("prod-api-cpu-critical", 85, ">", AlarmState.ALARM));
        assertThat(vm.drawnLevelsProperty().get()).as("the alarm stands for the default levels")
                .doesNotContainKey(MetricKind.CPU_UTILIZATION)
                .containsEntry(MetricKind.MEMORY_UTILIZATION, new Thresholds(80, 95, true));

        vm.setThresholds(MetricKind.CPU_UTILIZATION, 70, 90);
        assertThat(vm.drawnLevelsProperty().get()).as("the operator's own levels, even equal to the defaults")
                .containsEntry(MetricKind.CPU_UTILIZATION, new Thresholds(70, 90, true));
        vm.resetThresholds(MetricKind.CPU_UTILIZATION);
        assertThat(vm.drawnLevelsProperty().get()).doesNotContainKey(MetricKind.CPU_UTILIZATION);

        vm.showService(FleetFixtures.WORKER);
        assertThat(vm.alarmLevelsProperty().get().get(MetricKind.CPU_UTILIZATION)).extracting(ChartAlarms.Level::alarm)
                .containsExactly("prod-worker-cpu-critical");
        alarms.clear();
        assertThat(vm.alarmLevelsProperty().get()).isEmpty();
        assertThat(vm.drawnLevelsProperty().get()).containsKey(MetricKind.CPU_UTILIZATION);
    }

    private static Alarm cpuAlarm(String service, String name, double threshold, AlarmState state) {
        return new Alarm(name, "", "", MetricId.of("AWS/ECS", "CPUUtilization", Map.of("ClusterName", "web",
                "ServiceName", service)), "Average", Duration.ofMinutes(1), threshold, "GreaterThanThreshold", 3, state,
                "", java.time.Instant.EPOCH);
    }

    @Test
    void aLoadBalancedServiceGetsItsLoadBalancerCharts() {
        ServiceDashboardViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.activeProperty().set(true);
        vm.showService(FleetFixtures.WORKER);

        assertThat(vm.chartsProperty().get()).containsExactly(MetricKind.CPU_UTILIZATION,
                MetricKind.MEMORY_UTILIZATION);
    }
}
