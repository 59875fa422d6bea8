package io.harbormaster.views.shell;

import io.harbormaster.model.environment.EnterEnvironment;
import io.harbormaster.model.environment.EnvironmentRegistry;
import io.harbormaster.model.fleet.ListClusters;
import io.harbormaster.model.settings.UiStateStore;
import io.harbormaster.views.concurrent.TaskExecutor;
import java.time.Clock;
import java.util.Objects;

/** Everything the shell needs from the app, wired by hand in {@code app}. */
public record ShellDependencies(EnvironmentRegistry environments, EnterEnvironment enterEnvironment,
                                ListClusters listClusters, TaskExecutor executor, UiStateStore uiState,
                                Clock clock) {

    public ShellDependencies {
        Objects.requireNonNull(environments, "environments");
        Objects.requireNonNull(enterEnvironment, "enterEnvironment");
        Objects.requireNonNull(listClusters, "listClusters");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(uiState, "uiState");
        Objects.requireNonNull(clock, "clock");
    }
}
