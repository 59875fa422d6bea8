package io.harbormaster.views.hosts;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.cost.HostPrice;
import io.harbormaster.model.cost.repack.PortMode;
import io.harbormaster.model.cost.repack.RepackPicture;
import io.harbormaster.model.cost.repack.RepackResult;
import io.harbormaster.model.cost.repack.RepackWhatIf;
import io.harbormaster.model.cost.repack.TargetType;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.FleetLoadListener;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.LoadFleet;
import io.harbormaster.model.fleet.LoadFocus;
import io.harbormaster.model.packing.Stranding;
import io.harbormaster.model.testdata.FleetSnapshotBuilder;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.fakes.FakeFleet;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.lifecycle.ManualRepeater;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostsViewModelTest {

    private final FakeFleet ports = new FakeFleet().with("dev", FleetFixtures.snapshot("dev", Fixtures.NOW));
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final FleetViewModel fleet = new FleetViewModel(ports, ports, executor, new ManualRepeater(),
            Runnable::run, Fixtures.CLOCK);
    private final HostsViewModel vm = new HostsViewModel(fleet, executor);

    @Test
    void laysOutEveryHostWithItsTasksByService() {
        fleet.sessionProperty().set(Fixtures.session(DEV));
        HostLayout layout = vm.layoutProperty().get();
        assertThat(layout.size()).isEqualTo(2);
        HostCell h1 = layout.cell(layout.indexOf(FleetFixtures.H1));
        assertThat(h1.taskCount()).isEqualTo(3);
        assertThat(h1.usedCpu()).isEqualTo(256 + 512 + 1024);
        assertThat(vm.services()).extracting(HostsViewModel.ServiceChoice::name).containsExactly("api", "edge", "worker");
        assertThat(vm.summaryProperty().get()).startsWith("2 hosts · 5 tasks");
    }

    @Test
    void whileTheTasksLoadEveryHostIsDrawnFromWhatItReportsAndTasksFillInWithAProgressCount() {
        FleetSnapshot whole = FleetFixtures.snapshot("dev", Fixtures.NOW);
        ManualRepeater ticks = new ManualRepeater();
        List<String> seen = new ArrayList<>();
        FleetViewModel loading = new FleetViewModel((session, listener) -> {
            io.harbormaster.model.fleet.Cluster web = whole.clusters().get(0);
            listener.clustersFound(whole.clusters());
            listener.servicesReady(whole.clusters(), whole.services(), whole.taskDefinitions());
            listener.hostsDescribed(web, whole.hosts());
            listener.tasksDescribed(web, whole.tasks().subList(0, 1));
            ticks.tick();
            seen.add(loadingPage.summaryProperty().get());
            HostLayout partial = loadingPage.layoutProperty().get();
            HostCell h1 = partial.cell(partial.indexOf(FleetFixtures.H1));
            assertThat(partial.size()).as("every host, before its tasks").isEqualTo(2);
            assertThat(h1.taskCount()).isEqualTo(1);
            assertThat(h1.reservedCpu).as("what the host reports reserved").isEqualTo(256 + 512 + 1024);
            assertThat(h1.unread()).isTrue();
            listener.tasksDescribed(web, whole.tasks().subList(1, 3));
            ticks.tick();
            seen.add(loadingPage.summaryProperty().get());
            return whole;
        }, ports, executor, ticks, Runnable::run, Fixtures.CLOCK);
        loadingPage = new HostsViewModel(loading, executor);

        loading.sessionProperty().set(Fixtures.session(DEV));

        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).startsWith("2 hosts · tasks 1 of 4 · estimating the time left · ");
        assertThat(seen.get(1)).startsWith("2 hosts · tasks 3 of 4 · estimating the time left · ");
        assertThat(loadingPage.loadingTasksProperty().get()).as("all in").isNull();
        HostCell h1 = loadingPage.layoutProperty().get().cell(loadingPage.layoutProperty().get()
                .indexOf(FleetFixtures.H1));
        assertThat(h1.taskCount()).isEqualTo(3);
        assertThat(h1.unread()).isFalse();
        assertThat(loadingPage.summaryProperty().get()).startsWith("2 hosts · 5 tasks");
    }

    private HostsViewModel loadingPage;

    /**
     * A slow load (a host's tasks a tick, as under ECS's quota) that takes the hosts in the order the load's focus
     * asks, then the rest: the page looks at h2, and h2's blocks arrive before h1's.
     */
    @Test
    void theHostsInViewHaveTheirTasksLoadedFirst() {
        FleetSnapshot whole = FleetFixtures.snapshot("dev", Fixtures.NOW);
        ManualRepeater ticks = new ManualRepeater();
        List<LoadFocus.Hosts> asked = new ArrayList<>();
        List<String> hostsInTurn = new ArrayList<>();
        FleetViewModel loading = new FleetViewModel(new LoadFleet() {
            @Override
            public FleetSnapshot load(EnvironmentSession session, FleetLoadListener listener) {
                throw new AssertionError("the page's loads carry its focus");
            }

            @Override
            public FleetSnapshot load(EnvironmentSession session, FleetLoadListener listener, LoadFocus focus) {
                io.harbormaster.model.fleet.Cluster web = whole.clusters().get(0);
                listener.clustersFound(whole.clusters());
                listener.servicesReady(whole.clusters(), whole.services(), whole.taskDefinitions());
                listener.hostsDescribed(web, whole.hosts());
                ticks.tick();
                HostLayout laid = loadingPage.layoutProperty().get();
                int h2 = laid.indexOf(FleetFixtures.H2);
                loadingPage.viewing(laid.x(h2), laid.y(h2), laid.x(h2) + HostLayout.CARD_W, laid.y(h2) + 1); // the canvas
                asked.add(focus.now());
                List<String> order = new ArrayList<>(focus.now().hostArns());
                whole.hosts().stream().map(Host::arn).filter(h -> !order.contains(h)).forEach(order::add);
                for (String host : order) {
                    listener.tasksDescribed(web, whole.tasks().stream().filter(t -> t.containerInstanceArn()
                            .equals(host)).toList());
                    ticks.tick();
                    hostsInTurn.add(host + (loadingPage.unreadInView() == 0 ? " in view complete" : " in view loading"));
                }
                return whole;
            }
        }, ports, executor, ticks, Runnable::run, Fixtures.CLOCK);
        loadingPage = new HostsViewModel(loading, executor);

        loading.sessionProperty().set(Fixtures.session(DEV));

        assertThat(asked).extracting(LoadFocus.Hosts::hostArns).containsExactly(List.of(FleetFixtures.H2));
        assertThat(hostsInTurn).containsExactly(FleetFixtures.H2 + " in view complete",
                FleetFixtures.H1 + " in view complete");
    }

    @Test
    void thePickedHostLeadsTheHostsInViewInTheFocusTheNextLoadCarries() {
        List<LoadFocus.Hosts> told = new ArrayList<>();
        FleetViewModel watching = new FleetViewModel(new LoadFleet() {
            @Override
            public FleetSnapshot load(EnvironmentSession session, FleetLoadListener listener) {
                return ports.load(session, listener);
            }

            @Override
            public FleetSnapshot load(EnvironmentSession session, FleetLoadListener listener, LoadFocus given) {
                told.add(given.now());
                return ports.load(session, listener);
            }
        }, ports, executor, new ManualRepeater(), Runnable::run, Fixtures.CLOCK);
        HostsViewModel page = new HostsViewModel(watching, executor);
        watching.sessionProperty().set(Fixtures.session(DEV));
        HostLayout laid = page.layoutProperty().get();

        page.centreOn(FleetFixtures.H2);
        page.viewing(0, 0, laid.width(), laid.height());
        watching.reload();

        assertThat(told).hasSize(2);
        assertThat(told.get(1).hostArns()).containsExactly(FleetFixtures.H2, FleetFixtures.H1);
        assertThat(page.inViewCount()).isEqualTo(2);
    }


    @Test
    void aRepackWhatIfIsDrawnInsteadOfTheFleetTodayOrRepackedUntilClosed() {
        fleet.sessionProperty().set(Fixtures.session(DEV));
        FleetSnapshot snapshot = fleet.data().snapshot();
        RepackResult result = RepackWhatIf.of(snapshot, FleetFixtures.CLUSTER,
                (env, type) -> Optional.of(HostPrice.effectiveRate(0.10)),
                new TargetType("m5.xlarge", 4096, 16384, HostPrice.effectiveRate(0.19)), PortMode.DYNAMIC);

        vm.showRepack(result);

        assertThat(result.hostsAfter()).isEqualTo(1);
        HostLayout repacked = vm.layoutProperty().get();
        assertThat(repacked.size()).as("one packed host, one of today's left empty").isEqualTo(2);
        HostCell packed = repacked.cell(0).status.equals(RepackPicture.FREED) ? repacked.cell(1) : repacked.cell(0);
        assertThat(packed.taskCount()).isEqualTo(5);
        assertThat(packed.instanceType).isEqualTo("m5.xlarge");
        assertThat(vm.summaryProperty().get())
                .isEqualTo("Showing the repacked cluster web: 1 host (and 1 of today's left empty) · 5 tasks");
        assertThat(repacked.groups()).singleElement().satisfies(g -> assertThat(g.title())
                .startsWith("web — 1 host, 5 tasks, CPU 75% · memory ").endsWith(" · 1 of today's hosts left empty"));
        assertThat(vm.repackProperty().get().summary()).startsWith("What-if for cluster web, nothing changes in AWS: "
                + "2 hosts → 1 × m5.xlarge (dynamic ports;");
        assertThat(vm.services()).extracting(HostsViewModel.ServiceChoice::name).containsExactly("api", "edge",
                "worker");

        vm.sideProperty().set(RepackShown.Side.TODAY);
        assertThat(vm.layoutProperty().get().indexOf(FleetFixtures.H1)).as("today's hosts").isNotNegative();
        assertThat(vm.summaryProperty().get()).isEqualTo("Showing cluster web as it runs today: 2 hosts · 5 tasks");

        fleet.refresh();
        assertThat(vm.repackProperty().get()).as("a refresh leaves the what-if drawn").isNotNull();
        assertThat(vm.layoutProperty().get().indexOf(FleetFixtures.H1)).isNotNegative();

        vm.closeRepack();
        assertThat(vm.repackProperty().get()).isNull();
        assertThat(vm.summaryProperty().get()).startsWith("2 hosts · 5 tasks");
        assertThat(vm.layoutProperty().get().cell(0).instanceType).isEqualTo("m5.large");
    }

    @Test
    void measuredUseIsReadOnlyWhileShownAndAskedFor() {
        io.harbormaster.views.metrics.FakeMetrics metrics = new io.harbormaster.views.metrics.FakeMetrics();
        metrics.cloudWatch = (q, at) -> q.metric().name().contains("cpu") ? 12.0 : 64.0;
        vm.measureWith(metrics, Fixtures.CLOCK);
        fleet.sessionProperty().set(Fixtures.session(DEV));

        vm.showMeasuredProperty().set(true);
        assertThat(metrics.fetches).as("the page is hidden").isEmpty();
        vm.activeProperty().set(true);
        assertThat(metrics.fetches).as("CPU and memory, every host in one call each").hasSize(2)
                .allSatisfy(call -> assertThat(call).hasSize(2));
        MeasuredUse.Use h1 = vm.measuredProperty().get().get(FleetFixtures.H1);
        assertThat(h1.cpu()).isEqualTo(12.0);
        assertThat(h1.memory()).isEqualTo(64.0);
        assertThat(vm.measuredProperty().get()).containsOnlyKeys(FleetFixtures.H1, FleetFixtures.H2);

        vm.showMeasuredProperty().set(false);
        assertThat(vm.measuredProperty().get()).isEmpty();
        vm.activeProperty().set(false);
        vm.showMeasuredProperty().set(true);
        assertThat(metrics.fetches).as("nothing read while hidden").hasSize(2);
    }

    @Test
    void leavingThePageStopsTheMeasuredUseReadAndComingBackReadsAgain() {
        io.harbormaster.views.concurrent.QueuedTaskExecutor queued =
                new io.harbormaster.views.concurrent.QueuedTaskExecutor();
        FleetViewModel live = new FleetViewModel(ports, ports, queued, new ManualRepeater(), Runnable::run,
                Fixtures.CLOCK);
        HostsViewModel page = new HostsViewModel(live, queued);
        io.harbormaster.views.metrics.FakeMetrics metrics = new io.harbormaster.views.metrics.FakeMetrics();
        page.measureWith(metrics, Fixtures.CLOCK);
        live.sessionProperty().set(Fixtures.session(DEV));
        live.activeProperty().set(true);
        queued.runAll(); // the fleet, and its layout
        page.activeProperty().set(true);
        page.showMeasuredProperty().set(true);
        int cancelledBefore = queued.cancelled();

        page.activeProperty().set(false); // the shell: another page came to front
        page.hidden();
        queued.runAll();
        assertThat(queued.cancelled()).isEqualTo(cancelledBefore + 1);
        assertThat(metrics.fetches).isEmpty();

        page.activeProperty().set(true);
        queued.runAll();
        assertThat(metrics.fetches).hasSize(2);
        assertThat(page.measuredProperty().get()).containsOnlyKeys(FleetFixtures.H1, FleetFixtures.H2);
    }

    @Test
    void measuredUseThatIsMissingOrUnreadableIsSaidInWords() {
        io.harbormaster.views.metrics.FakeMetrics metrics = new io.harbormaster.views.metrics.FakeMetrics();
        vm.measureWith(metrics, Fixtures.CLOCK);
        fleet.sessionProperty().set(Fixtures.session(DEV));
        vm.activeProperty().set(true);

        metrics.offline = true;
        vm.showMeasuredProperty().set(true);
        assertThat(vm.measuredProperty().get()).isEmpty();
        assertThat(vm.measuredNoteProperty().get()).startsWith("Measured use not read: ")
                .contains("CloudWatch is unreachable");

        metrics.offline = false;
        metrics.cloudWatch = (q, at) -> null;
        toggle();
        assertThat(vm.measuredNoteProperty().get())
                .isEqualTo("No measured use: CloudWatch has no CPU or memory readings for these hosts in the last "
                        + "15 minutes.");

        metrics.cloudWatch = (q, at) -> FleetFixtures.H1.endsWith(q.metric().dimensions().get("ContainerInstanceId"))
                ? 30.0 : null;
        toggle();
        assertThat(vm.measuredProperty().get()).containsOnlyKeys(FleetFixtures.H1);
        assertThat(vm.measuredNoteProperty().get()).isEqualTo(
                "Measured use of 1 of 2 hosts; the others have no CloudWatch readings in the last 15 minutes.");

        metrics.cloudWatch = (q, at) -> 30.0;
        toggle();
        assertThat(vm.measuredNoteProperty().get()).as("every host measured: nothing to add").isEmpty();
        metrics.offline = true;
        toggle();
        vm.showMeasuredProperty().set(false);
        assertThat(vm.measuredNoteProperty().get()).as("switched off, the failure is no longer news").isEmpty();
    }

    @Test
    void withoutEnhancedContainerInsightsCpuIsEc2sAndMemorySaysWhatItNeeds() {
        FakeFleet plain = new FakeFleet().with("dev", FleetFixtures.snapshot("dev", Fixtures.NOW, "disabled"));
        FleetViewModel on = new FleetViewModel(plain, plain, executor, new ManualRepeater(), Runnable::run,
                Fixtures.CLOCK);
        HostsViewModel page = new HostsViewModel(on, executor);
        io.harbormaster.views.metrics.FakeMetrics metrics = new io.harbormaster.views.metrics.FakeMetrics();
        metrics.cloudWatch = (q, at) -> 20.0;
        page.measureWith(metrics, Fixtures.CLOCK);
        on.sessionProperty().set(Fixtures.session(DEV));
        page.activeProperty().set(true);
        page.showMeasuredProperty().set(true);

        assertThat(metrics.fetches).as("CPU only: EC2 publishes no memory").hasSize(1);
        assertThat(metrics.fetches.get(0)).extracting(q -> q.metric().namespace()).containsOnly("AWS/EC2");
        assertThat(page.measuredProperty().get().get(FleetFixtures.H1).cpu()).isEqualTo(20.0);
        assertThat(page.measuredProperty().get().get(FleetFixtures.H1).memory()).isNaN();
        assertThat(page.measuredNoteProperty().get()).isEqualTo("CPU of 2 hosts from EC2 (AWS/EC2 CPUUtilization);"
                + " their memory utilisation needs Container Insights with enhanced observability on the cluster,"
                + " or the CloudWatch agent.");
    }

    @Test
    void withoutAMetricSourceTheToggleSaysWhy() {
        fleet.sessionProperty().set(Fixtures.session(DEV));
        vm.activeProperty().set(true);
        vm.showMeasuredProperty().set(true);
        assertThat(vm.measuredNoteProperty().get()).startsWith("Measured use cannot be read in this window");
    }

    private void toggle() {
        vm.showMeasuredProperty().set(false);
        vm.showMeasuredProperty().set(true);
    }

    @Test
    void highlightingAServiceLightsUpExactlyItsHosts() {
        fleet.sessionProperty().set(Fixtures.session(DEV));
        vm.highlight(FleetFixtures.WORKER);
        assertThat(vm.highlightedHostsProperty().get()).isEqualTo(Set.of(FleetFixtures.H1));
        HostLayout layout = vm.layoutProperty().get();
        assertThat(vm.highlightedCellsProperty().get().cardinality()).isEqualTo(1);
        assertThat(vm.highlightedCellsProperty().get().get(layout.indexOf(FleetFixtures.H1))).isTrue();
        vm.highlight(FleetFixtures.API);
        assertThat(vm.highlightedHostsProperty().get()).isEqualTo(Set.of(FleetFixtures.H1, FleetFixtures.H2));
        vm.groupingProperty().set(HostLayout.Grouping.ZONE);
        assertThat(vm.layoutProperty().get().groups()).hasSize(2);
        assertThat(vm.highlightedCellsProperty().get().cardinality()).as("kept across a new layout").isEqualTo(2);
        vm.highlight(null);
        assertThat(vm.highlightedHostsProperty().get()).isEmpty();
        assertThat(vm.highlightedCellsProperty().get()).isNull();
    }

    @Test
    void theTooltipNamesServiceTaskAndReservation() {
        fleet.sessionProperty().set(Fixtures.session(DEV));
        HostLayout layout = vm.layoutProperty().get();
        int h2 = layout.indexOf(FleetFixtures.H2);
        HostCell cell = layout.cell(h2);
        int edgeTask = cell.task(0).group().equals("service:edge") ? 0 : 1;
        String text = vm.describe(new HostLayout.Hit(h2, HostLayout.Bar.CPU, edgeTask));
        assertThat(text).startsWith("edge\ntask t5").contains("1024 CPU units · 1024 MiB · host ports 80")
                .contains("on i-0002 (m5.large, us-east-1b)");
        String host = vm.describe(new HostLayout.Hit(h2, HostLayout.Bar.NONE, -1));
        assertThat(host).startsWith("i-0002 · m5.large · us-east-1b").contains("CPU 1,280 of 2,048 units reserved");
    }

    @Test
    void nothingIsLaidOutUntilHostsAreIn() {
        assertThat(vm.layoutProperty().get()).isNull();
        assertThat(vm.summaryProperty().get()).startsWith("Choose an environment");
    }

    @Test
    void aHostWithCpuButNoMemoryForAnyTaskIsMarkedStranded() {
        FleetSnapshot usual = FleetFixtures.snapshot("dev", Fixtures.NOW);
        Host h2 = usual.host(FleetFixtures.H2).orElseThrow();
        Host starved = new Host(h2.arn(), h2.clusterArn(), h2.ec2InstanceId(), h2.instanceType(),
                h2.availabilityZone(), h2.status(), h2.agentConnected(), h2.registeredCpu(), h2.registeredMemory(),
                1536, 256, h2.registeredPorts(), h2.usedPorts(), h2.runningTasks(), h2.pendingTasks());
        ports.with("dev", FleetSnapshotBuilder.from(usual)
                .hosts(usual.host(FleetFixtures.H1).orElseThrow(), starved).build());
        fleet.sessionProperty().set(Fixtures.session(DEV));

        HostLayout layout = vm.layoutProperty().get();
        assertThat(layout.cell(layout.indexOf(FleetFixtures.H1)).stranding).isEqualTo(Stranding.NONE);
        assertThat(layout.cell(layout.indexOf(FleetFixtures.H2)).stranding)
                .as("1,536 CPU units free, 256 MiB: no task's memory fits").isEqualTo(Stranding.CPU_WITHOUT_MEMORY);
    }
}
