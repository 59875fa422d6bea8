package io.harbormaster.views.fakes;

import io.harbormaster.model.environment.EnterEnvironment;
import io.harbormaster.model.environment.EnvironmentRegistry;
import io.harbormaster.model.fleet.FleetArchive;
import io.harbormaster.model.settings.UiStateStore;
import io.harbormaster.views.allenv.AllEnvironmentsPage;
import io.harbormaster.views.clusters.ClustersPage;
import io.harbormaster.views.compare.ComparePage;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.hosts.HostsPage;
import io.harbormaster.views.metrics.FakeMetrics;
import io.harbormaster.views.metrics.MetricsPage;
import io.harbormaster.views.page.PageContribution;
import io.harbormaster.views.services.ServicesPage;
import io.harbormaster.views.shell.ShellDependencies;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Shell dependencies for tests: the given fakes, and quiet ones for the ports a test does not look at. The pages
 * are the app's, in its order, over the same fakes.
 */
public final class TestShell {

    private TestShell() {
    }

    /** @param clusters what each environment's fleet holds: its clusters */
    public static ShellDependencies deps(EnvironmentRegistry registry, EnterEnvironment enter, FakeListClusters clusters,
            TaskExecutor executor, UiStateStore uiState, Clock clock) {
        return deps(registry, enter, clusters, executor, uiState, clock, pages(enter));
    }

    public static ShellDependencies deps(EnvironmentRegistry registry, EnterEnvironment enter, FakeListClusters clusters,
            TaskExecutor executor, UiStateStore uiState, Clock clock, List<PageContribution> pages) {
        return new ShellDependencies(registry, enter, executor, uiState, clock, List::of,
                new InMemoryEnvironmentFile(), id -> Optional.empty(), clusters, clusters,
                FleetArchive.NONE, pages, new io.harbormaster.model.recovery.InterruptedWrites(
                        new io.harbormaster.model.journal.InMemoryWriteJournal(clock), id -> id));
    }

    /** The pages of the app, over fakes. */
    public static List<PageContribution> pages(EnterEnvironment enter) {
        FakeMetrics metrics = new FakeMetrics();
        return List.of(
                ClustersPage.contribution(),
                ServicesPage.contribution((session, command) -> { }, (session, command) -> { },
                        (session, service) -> java.util.List.of()),
                AllEnvironmentsPage.contribution(enter, FakeFleet.EMPTY, FakeFleet.EMPTY),
                ComparePage.contribution(enter, FakeFleet.EMPTY, FakeFleet.EMPTY),
                HostsPage.contribution(metrics.deps(), (session, command) -> { }),
                MetricsPage.contribution(metrics.deps()),
                PageContribution.placeholder("deploys", "Deploys", Material2MZ.PUBLISH, "Shortcut+Shift+D",
                        "Roll out a new image, step by step", "A step-by-step wizard."),
                PageContribution.placeholder("cutovers", "Cutovers", Material2AL.CALL_SPLIT, "Shortcut+Shift+U",
                        "Weighted blue/green traffic shifts", "Weighted blue/green cutovers."));
    }
}
