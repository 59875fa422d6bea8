package io.harbormaster.views.clusters;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static io.harbormaster.views.fakes.Fixtures.STAGE;
import static io.harbormaster.views.fakes.Fixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.concurrent.QueuedTaskExecutor;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.fakes.FakeListClusters;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fakes.RecordingDialogs;
import org.junit.jupiter.api.Test;

class ClustersViewModelTest {

    private final FakeListClusters port = new FakeListClusters()
            .with("dev", Fixtures.devClusters())
            .with("stage", Fixtures.stageClusters());
    private final RecordingDialogs dialogs = new RecordingDialogs();

    private ClustersViewModel viewModel(TaskExecutor executor) {
        return new ClustersViewModel(port, executor, dialogs, Fixtures.CLOCK);
    }

    @Test
    void withoutASessionItSaysHowToGetOne() {
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        ClustersViewModel vm = viewModel(executor);
        vm.activeProperty().set(true);
        assertThat(vm.stateProperty().get()).isEqualTo(ClustersViewModel.State.NO_SESSION);
        assertThat(vm.placeholderProperty().get()).contains("Choose an environment").contains("Ctrl+1");
        assertThat(executor.submittedCount()).isZero();
    }

    @Test
    void loadsTheClustersOfTheCurrentSessionAndRecordsWhen() {
        ClustersViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.activeProperty().set(true);
        vm.sessionProperty().set(session(DEV));
        assertThat(vm.clusters()).extracting(Cluster::name)
                .containsExactly("payments-api", "batch-workers", "legacy-cron");
        assertThat(vm.stateProperty().get()).isEqualTo(ClustersViewModel.State.LOADED);
        assertThat(vm.lastRefreshedProperty().get()).isEqualTo(Fixtures.NOW);
        assertThat(vm.summaryProperty().get()).isEqualTo("3 clusters");
    }

    @Test
    void filtersByNameOrStatusIgnoringCase() {
        ClustersViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.activeProperty().set(true);
        vm.sessionProperty().set(session(DEV));
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
        vm.activeProperty().set(true);
        vm.sessionProperty().set(session(Fixtures.PROD));
        assertThat(vm.clusters()).isEmpty();
        assertThat(vm.placeholderProperty().get()).isEqualTo("There are no ECS clusters in prod (eu-west-1).");
    }

    @Test
    void aHiddenViewLoadsNothingUntilShown() {
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        ClustersViewModel vm = viewModel(executor);
        vm.sessionProperty().set(session(DEV));
        vm.refresh();
        assertThat(port.calls).isEmpty();
        vm.activeProperty().set(true);
        assertThat(port.calls).containsExactly("dev");
        vm.activeProperty().set(false);
        vm.activeProperty().set(true);
        assertThat(port.calls).as("not stale: nothing to reload").containsExactly("dev");
    }

    @Test
    void refreshReloads() {
        ClustersViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.activeProperty().set(true);
        vm.sessionProperty().set(session(DEV));
        vm.refresh();
        assertThat(port.calls).containsExactly("dev", "dev");
    }

    @Test
    void aFailureIsShownAndTheTableSaysWhatHappened() {
        port.failing("stage", Fixtures.denied(STAGE));
        ClustersViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.activeProperty().set(true);
        vm.sessionProperty().set(session(STAGE));
        assertThat(vm.stateProperty().get()).isEqualTo(ClustersViewModel.State.FAILED);
        assertThat(dialogs.problems).hasSize(1);
        assertThat(vm.placeholderProperty().get())
                .isEqualTo("Could not load clusters in stage (eu-west-1): Role not trusted. Press F5 to try again.");
    }

    @Test
    void anotherSessionClearsTheOldRowsAtOnceAndIgnoresTheirLateAnswer() {
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        ClustersViewModel vm = viewModel(executor);
        vm.activeProperty().set(true);
        vm.sessionProperty().set(session(DEV));
        executor.runAll();
        assertThat(vm.clusters()).hasSize(3);

        vm.refresh();                               // a dev reload is in flight…
        vm.sessionProperty().set(session(STAGE));   // …when the operator switches to stage
        assertThat(vm.clusters()).isEmpty();
        assertThat(vm.stateProperty().get()).isEqualTo(ClustersViewModel.State.LOADING);
        assertThat(vm.placeholderProperty().get()).isEqualTo("Loading clusters in stage (eu-west-1)…");
        executor.runAll();
        assertThat(vm.clusters()).extracting(Cluster::name).containsExactly("stage-web");
    }

    @Test
    void leavingAllEnvironmentsEmptiesTheTable() {
        ClustersViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.activeProperty().set(true);
        vm.sessionProperty().set(session(DEV));
        vm.sessionProperty().set(null);
        assertThat(vm.clusters()).isEmpty();
        assertThat(vm.lastRefreshedProperty().get()).isNull();
        assertThat(vm.stateProperty().get()).isEqualTo(ClustersViewModel.State.NO_SESSION);
    }

    @Test
    void selectingAClusterLeavesAFilterThatShowsItAndClearsOneThatHidesIt() {
        ClustersViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.activeProperty().set(true);
        vm.sessionProperty().set(session(DEV));
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
        vm.sessionProperty().set(session(DEV));
        vm.filterProperty().set("pay");
        String batch = Fixtures.cluster("batch-workers", "ACTIVE", 30, 3, 140, 4).arn();
        vm.select(batch);
        assertThat(vm.filterProperty().get()).as("nothing loaded yet to be hidden").isEqualTo("pay");
        vm.activeProperty().set(true);
        executor.runAll();
        assertThat(vm.filterProperty().get()).isEmpty();
        assertThat(vm.selectedProperty().get()).isEqualTo(batch);

        vm.filterProperty().set("pay"); // the operator filters again afterwards: a refresh must not undo it
        vm.refresh();
        executor.runAll();
        assertThat(vm.filterProperty().get()).isEqualTo("pay");
    }

    @Test
    void askingForTheSameClusterAgainSelectsItAfresh() {
        ClustersViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.activeProperty().set(true);
        vm.sessionProperty().set(session(DEV));
        String batch = vm.clusters().get(1).arn();
        vm.select(batch);
        java.util.List<String> seen = new java.util.ArrayList<>();
        vm.selectedProperty().addListener((obs, old, now) -> seen.add(now));
        vm.select(batch);
        assertThat(seen).as("the view hears about it again").endsWith(batch);
    }

    @Test
    void anotherSessionForgetsTheSelection() {
        ClustersViewModel vm = viewModel(new CurrentThreadTaskExecutor());
        vm.activeProperty().set(true);
        vm.sessionProperty().set(session(DEV));
        vm.select(vm.clusters().get(0).arn());
        vm.sessionProperty().set(session(STAGE));
        assertThat(vm.selectedProperty().get()).isNull();
    }
}
