package io.harbormaster.views.shell;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static io.harbormaster.views.fakes.Fixtures.PROD;
import static io.harbormaster.views.fakes.Fixtures.STAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.views.clusters.ClustersPage;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.concurrent.QueuedTaskExecutor;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.fakes.FakeEnterEnvironment;
import io.harbormaster.views.fakes.FakeListClusters;
import io.harbormaster.views.fakes.FakeRegistry;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fakes.InMemoryUiState;
import io.harbormaster.views.fakes.RecordingDialogs;
import io.harbormaster.views.hosts.HostsPage;
import io.harbormaster.views.services.ServicesPage;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ShellViewModelTest {

    private final FakeListClusters clusters = new FakeListClusters().with("dev", Fixtures.devClusters());

    private ShellViewModel shell(TaskExecutor executor, Clock clock) {
        ShellDependencies deps = io.harbormaster.views.fakes.TestShell.deps(new FakeRegistry(DEV, STAGE, PROD),
                new FakeEnterEnvironment(),
                clusters, executor, new InMemoryUiState(), clock);
        ShellViewModel vm = new ShellViewModel(deps, new RecordingDialogs(), MfaPrompt.NONE);
        vm.start();
        return vm;
    }

    private ShellViewModel shell() {
        return shell(new CurrentThreadTaskExecutor(), Fixtures.CLOCK);
    }

    @Test
    void theTitleNamesTheEnvironmentAndShoutsProduction() {
        ShellViewModel vm = shell();
        assertThat(vm.titleProperty().get()).isEqualTo("Harbormaster");
        vm.environmentBar().enter(DEV);
        assertThat(vm.titleProperty().get()).isEqualTo("Harbormaster — dev");
        vm.environmentBar().enter(PROD);
        assertThat(vm.titleProperty().get()).isEqualTo("Harbormaster — PRODUCTION prod");
    }

    @Test
    void startsOnClustersAndEveryFleetPageShowsTheOneFleetLoadedOnce() {
        ShellViewModel vm = shell();
        assertThat(vm.pageProperty().get()).isEqualTo(ClustersPage.ID);
        vm.environmentBar().enter(DEV);
        assertThat(clusters.calls).containsExactly("dev");
        vm.navigate(HostsPage.ID);
        vm.navigate(ClustersPage.ID);
        assertThat(clusters.calls).as("one snapshot for every fleet page").containsExactly("dev");
        vm.navigate("deploys");
        assertThat(vm.canRefreshProperty().get()).as("nothing to refresh on a page not built").isFalse();
        vm.navigate(ClustersPage.ID);
        vm.refresh();
        assertThat(clusters.calls).containsExactly("dev", "dev");
    }

    @Test
    void theStatusBarSaysWhoWhereAndHowFresh() {
        ShellViewModel vm = shell();
        StatusBarViewModel status = vm.statusBar();
        assertThat(status.identityProperty().get()).isEqualTo("Not in an environment");
        assertThat(status.refreshedProperty().get()).isEqualTo("not loaded yet");
        vm.environmentBar().enter(DEV);
        assertThat(status.identityProperty().get()).isEqualTo("assumed-role/admin/alice @ 222222222222");
        assertThat(status.regionProperty().get()).isEqualTo("eu-west-1");
        assertThat(status.refreshedProperty().get()).isEqualTo("as of 14:02:11");
        assertThat(status.sessionLeftProperty().get()).isEqualTo("session 55 min left");
        assertThat(status.sessionExpiringProperty().get()).isFalse();
        assertThat(status.tasksProperty().get()).isEqualTo("Ready");
        vm.navigate("deploys");
        assertThat(status.refreshedProperty().get()).isEqualTo("no data on this page");
    }

    @Test
    void theSessionClockWarnsNearTheEnd() {
        MutableClock clock = new MutableClock();
        ShellViewModel vm = shell(new CurrentThreadTaskExecutor(), clock);
        vm.environmentBar().enter(DEV);
        clock.advance(Duration.ofMinutes(51));
        vm.statusBar().tick();
        assertThat(vm.statusBar().sessionLeftProperty().get()).isEqualTo("session 4 min left");
        assertThat(vm.statusBar().sessionExpiringProperty().get()).isTrue();
        clock.advance(Duration.ofMinutes(10));
        vm.statusBar().tick();
        assertThat(vm.statusBar().sessionLeftProperty().get()).isEqualTo("session expired — re-enter the environment");
    }

    @Test
    void runningWorkIsShownWithItsTitle() {
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        ShellViewModel vm = shell(executor, Fixtures.CLOCK);
        assertThat(vm.statusBar().tasksProperty().get()).isEqualTo("Loading environments…");
        assertThat(vm.statusBar().busyProperty().get()).isTrue();
        assertThat(vm.statusBar().taskProgressProperty().get()).isEqualTo(-1.0);
        vm.environmentBar().enter(DEV);
        assertThat(vm.statusBar().tasksProperty().get()).isEqualTo("Loading environments… (+1 more)");
        executor.runAll();
        vm.environmentBar().enter(PROD);
        vm.environmentBar().enter(STAGE);
        assertThat(vm.statusBar().tasksProperty().get()).as("entering stage cancelled entering prod")
                .isEqualTo("Entering stage…");
        executor.runAll();
        assertThat(vm.statusBar().tasksProperty().get()).isEqualTo("Ready");
        assertThat(vm.statusBar().busyProperty().get()).isFalse();
    }

    @Test
    void aPageWhoseDataIsStillLoadingSaysLoadingNotNotLoaded() {
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        ShellViewModel vm = shell(executor, Fixtures.CLOCK);
        executor.runAll();
        vm.environmentBar().enter(DEV);
        vm.navigate(ClustersPage.ID);
        assertThat(vm.statusBar().refreshedProperty().get()).as("entering and listing clusters").isEqualTo("loading…");
        executor.runAll();
        assertThat(vm.statusBar().refreshedProperty().get()).isEqualTo("as of 14:02:11");
    }

    @Test
    void goingToAClusterSelectsItsRowWithoutFilteringTheOthersAway() {
        ShellViewModel vm = shell();
        vm.environmentBar().enter(DEV);
        vm.navigate(ServicesPage.ID);
        String batch = Fixtures.cluster("batch-workers", "ACTIVE", 30, 3, 140, 4).arn();
        vm.showCluster(batch);
        assertThat(vm.pageProperty().get()).isEqualTo(ClustersPage.ID);
        assertThat(vm.page(ClustersPage.class).viewModel().selectedProperty().get()).isEqualTo(batch);
        assertThat(vm.page(ClustersPage.class).viewModel().filterProperty().get()).isEmpty();
        assertThat(vm.page(ClustersPage.class).viewModel().clusters()).extracting(io.harbormaster.model.fleet.Cluster::name)
                .containsExactly("payments-api", "batch-workers", "legacy-cron");

        vm.page(ClustersPage.class).viewModel().filterProperty().set("pay");
        vm.showCluster(batch);
        assertThat(vm.page(ClustersPage.class).viewModel().filterProperty().get())
                .as("a filter hiding the cluster is cleared").isEmpty();
        vm.page(ClustersPage.class).viewModel().filterProperty().set("workers");
        vm.showCluster(batch);
        assertThat(vm.page(ClustersPage.class).viewModel().filterProperty().get())
                .as("one showing it is left alone").isEqualTo("workers");
    }

        /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private java.time.Instant now = Fixtures.NOW;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }
}
