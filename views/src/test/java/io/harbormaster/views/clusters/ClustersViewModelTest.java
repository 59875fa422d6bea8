package io.harbormaster.views.clusters;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static io.harbormaster.views.fakes.Fixtures.STAGE;
import static io.harbormaster.views.fakes.Fixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.concurrent.QueuedTaskExecutor;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.fakes.FakeListClusters;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.lifecycle.ManualRepeater;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Clusters page reads the clusters of the one fleet every fleet page shows, and moves with it. */
class ClustersViewModelTest {

    private final FakeListClusters fleets = new FakeListClusters()
            .with("dev", Fixtures.devClusters())
            .with("stage", Fixtures.stageClusters());
    private final ManualRepeater repeater = new ManualRepeater();
    private FleetViewModel fleet;

    private ClustersViewModel viewModel(TaskExecutor executor) {
        fleet = new FleetViewModel(fleets, fleets, executor, repeater, Runnable::run, Fixtures.CLOCK);
        fleet.activeProperty().set(true);
        return new ClustersViewModel(fleet);
    }

    @Test
    void withoutASessionItSaysHowToGetOne() {
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        ClustersViewModel vm = viewModel(executor);
        assertThat(vm.stateProperty().get()).isEqualTo(ClustersViewModel.State.NO_SESSION);
        assertThat(vm.placeholderProperty().get()).contains("Choose an environment").contains("Ctrl+1");
        assertThat(executor.submittedCount()).isZero();
    }

    @Test
    void showsTheClustersOfTheFleet() {
        ClustersViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        fleet.sessionProperty().set(session(DEV));
        assertThat(vm.clusters()).extracting(Cluster::name)
                .containsExactly("payments-api", "batch-workers", "legacy-cron");
        assertThat(vm.stateProperty().get()).isEqualTo(ClustersViewModel.State.LOADED);
        assertThat(vm.summaryProperty().get()).isEqualTo("3 clusters");
        assertThat(vm.sessionProperty().get()).isEqualTo(session(DEV));
    }

    @Test
    void theCountsMoveWithTheFleetsRefreshAndAnUnchangedListIsLeftAlone() {
        ClustersViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        fleet.sessionProperty().set(session(DEV));
        List<Object> changes = new ArrayList<>();
        vm.clusters().addListener((javafx.collections.ListChangeListener<Cluster>) changes::add);

        repeater.tick(); // the fleet's round: nothing moved
        assertThat(fleets.calls).containsExactly("dev", "dev");
        assertThat(changes).as("the same clusters: no row replaced").isEmpty();

        fleets.with("dev", List.of(Fixtures.cluster("payments-api", "ACTIVE", 12, 8, 120, 0),
                Fixtures.cluster("batch-workers", "ACTIVE", 30, 3, 140, 4),
                Fixtures.cluster("legacy-cron", "INACTIVE", 0, 0, 0, 0)));
        repeater.tick(); // payments-api scaled up: its running count moves with the fleet
        assertThat(vm.clusters().get(0).runningTasks()).isEqualTo(120);
        assertThat(fleet.data().snapshot().clusters().get(0).runningTasks()).isEqualTo(120);
    }

    @Test
    void filtersByNameOrStatusIgnoringCase() {
        ClustersViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        fleet.sessionProperty().set(session(DEV));
        vm.filterProperty().set("  PAY ");
        assertThat(vm.clusters()).extracting(Cluster::name).containsExactly("payments-api");
        assertThat(vm.summaryProperty().get()).isEqualTo("1 of 3 clusters");
        vm.filterProperty().set("inactive");
        assertThat(vm.clusters()).extracting(Cluster::name).containsExactly("legacy-cron");
        vm.filterProperty().set("nothing-like-this");
        assertThat(vm.clusters()).isEmpty();
        assertThat(vm.placeholderProperty().get()).isEqualTo("No cluster matches “nothing-like-this”.");
        vm.filterProperty().set("");
        assertThat(vm.clusters()).hasSize(3);
    }

    @Test
    void anEmptyEnvironmentSaysSo() {
        ClustersViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        fleet.sessionProperty().set(session(Fixtures.PROD));
        assertThat(vm.clusters()).isEmpty();
        assertThat(vm.placeholderProperty().get()).isEqualTo("There are no ECS clusters in prod (eu-west-1).");
    }

    @Test
    void aFleetThatCannotLoadIsSaidInTheTable() {
        fleets.failing("stage", Fixtures.denied(STAGE));
        ClustersViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        fleet.sessionProperty().set(session(STAGE));
        assertThat(vm.stateProperty().get()).isEqualTo(ClustersViewModel.State.FAILED);
        assertThat(vm.placeholderProperty().get())
                .isEqualTo("Could not load clusters in stage (eu-west-1): Role not trusted. Press F5 to try again.");
    }

    @Test
    void anotherSessionClearsTheOldRowsAtOnceAndIgnoresTheirLateAnswer() {
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        ClustersViewModel vm = viewModel(executor);
        fleet.sessionProperty().set(session(DEV));
        executor.runAll();
        assertThat(vm.clusters()).hasSize(3);

        fleet.refresh();                               // a dev refresh is in flight…
        fleet.sessionProperty().set(session(STAGE));   // …when the operator switches to stage
        assertThat(vm.clusters()).isEmpty();
        assertThat(vm.stateProperty().get()).isEqualTo(ClustersViewModel.State.LOADING);
        assertThat(vm.placeholderProperty().get()).isEqualTo("Loading clusters in stage (eu-west-1)…");
        executor.runAll();
        assertThat(vm.clusters()).extracting(Cluster::name).containsExactly("stage-web");
    }

    @Test
    void whileTheTasksLoadTheCountSaysReservedAndPackingWaitForThem() {
        FleetSnapshot whole = FleetFixtures.snapshot("dev", Fixtures.NOW);
        ManualRepeater ticks = new ManualRepeater();
        List<String> seen = new ArrayList<>();
        ClustersViewModel[] page = new ClustersViewModel[1];
        FleetViewModel loading = new FleetViewModel((session, listener) -> {
            Cluster web = whole.clusters().get(0);
            listener.clustersFound(whole.clusters());
            listener.servicesReady(whole.clusters(), whole.services(), whole.taskDefinitions());
            listener.hostsDescribed(web, whole.hosts());
            listener.tasksDescribed(web, whole.tasks().subList(0, 1));
            ticks.tick();
            seen.add(page[0].summaryProperty().get());
            return whole;
        }, fleets, new CurrentThreadTaskExecutor(), ticks, Runnable::run, Fixtures.CLOCK);
        page[0] = new ClustersViewModel(loading);

        loading.sessionProperty().set(session(DEV));

        String count = whole.clusters().size() + (whole.clusters().size() == 1 ? " cluster" : " clusters");
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).matches(count + " · reserved and packing once every task is in \\(tasks 1 of \\d+ · .+\\)");
        assertThat(page[0].packingProperty().get()).isNotNull();
        assertThat(page[0].summaryProperty().get()).as("all in").isEqualTo(count);
    }

    @Test
    void leavingAllEnvironmentsEmptiesTheTable() {
        ClustersViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        fleet.sessionProperty().set(session(DEV));
        fleet.sessionProperty().set(null);
        assertThat(vm.clusters()).isEmpty();
        assertThat(vm.packingProperty().get()).isNull();
        assertThat(vm.stateProperty().get()).isEqualTo(ClustersViewModel.State.NO_SESSION);
    }

    @Test
    void selectingAClusterLeavesAFilterThatShowsItAndClearsOneThatHidesIt() {
        ClustersViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        fleet.sessionProperty().set(session(DEV));
        String batch = vm.clusters().get(1).arn();
        vm.filterProperty().set("active");
        vm.select(batch);
        assertThat(vm.selectedProperty().get()).isEqualTo(batch);
        assertThat(vm.filterProperty().get()).as("the filter shows it: left alone").isEqualTo("active");
        assertThat(vm.clusters()).extracting(Cluster::name).contains("payments-api", "batch-workers");

        vm.filterProperty().set("pay");
        vm.select(batch);
        assertThat(vm.filterProperty().get()).as("the filter hid it: cleared").isEmpty();
        assertThat(vm.clusters()).hasSize(3);
        assertThat(vm.selectedProperty().get()).isEqualTo(batch);
    }

    @Test
    void aClusterSelectedBeforeTheListArrivesIsRevealedWhenItDoesAndOnlyThen() {
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        ClustersViewModel vm = viewModel(executor);
        fleet.sessionProperty().set(session(DEV));
        vm.filterProperty().set("pay");
        String batch = Fixtures.cluster("batch-workers", "ACTIVE", 30, 3, 140, 4).arn();
        vm.select(batch);
        assertThat(vm.filterProperty().get()).as("nothing loaded yet to be hidden").isEqualTo("pay");
        executor.runAll();
        assertThat(vm.filterProperty().get()).isEmpty();
        assertThat(vm.selectedProperty().get()).isEqualTo(batch);

        vm.filterProperty().set("pay"); // the operator filters again afterwards: a refresh must not undo it
        fleet.refresh();
        executor.runAll();
        assertThat(vm.filterProperty().get()).isEqualTo("pay");
    }

    @Test
    void askingForTheSameClusterAgainSelectsItAfresh() {
        ClustersViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        fleet.sessionProperty().set(session(DEV));
        String batch = vm.clusters().get(1).arn();
        vm.select(batch);
        List<String> seen = new ArrayList<>();
        vm.selectedProperty().addListener((obs, old, now) -> seen.add(now));
        vm.select(batch);
        assertThat(seen).as("the view hears about it again").endsWith(batch);
    }

    @Test
    void anotherSessionForgetsTheSelection() {
        ClustersViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        fleet.sessionProperty().set(session(DEV));
        vm.select(vm.clusters().get(0).arn());
        fleet.sessionProperty().set(session(STAGE));
        assertThat(vm.selectedProperty().get()).isNull();
    }
}
