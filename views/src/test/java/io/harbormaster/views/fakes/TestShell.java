package io.harbormaster.views.fakes;

import io.harbormaster.model.environment.EnterEnvironment;
import io.harbormaster.model.environment.EnvironmentRegistry;
import io.harbormaster.model.fleet.ListClusters;
import io.harbormaster.model.settings.UiStateStore;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.shell.ShellDependencies;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Shell dependencies for tests: the given fakes, and quiet ones for the ports a test does not look at. */
public final class TestShell {

    private TestShell() {
    }

    public static ShellDependencies deps(EnvironmentRegistry registry, EnterEnvironment enter, ListClusters clusters,
            TaskExecutor executor, UiStateStore uiState, Clock clock) {
        return new ShellDependencies(registry, enter, clusters, executor, uiState, clock, List::of,
                new InMemoryEnvironmentFile(), id -> Optional.empty(), (session, command) -> { },
                FakeFleet.EMPTY, FakeFleet.EMPTY, io.harbormaster.model.fleet.FleetArchive.NONE,
                new io.harbormaster.views.metrics.FakeMetrics().deps());
    }
}
