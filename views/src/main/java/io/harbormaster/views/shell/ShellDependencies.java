package io.harbormaster.views.shell;

import io.harbormaster.model.environment.DetectEnvironments;
import io.harbormaster.model.environment.EnterEnvironment;
import io.harbormaster.model.environment.EnvironmentFile;
import io.harbormaster.model.environment.EnvironmentRegistry;
import io.harbormaster.model.environment.SessionExpiry;
import io.harbormaster.model.fleet.ListClusters;
import io.harbormaster.model.fleet.FleetArchive;
import io.harbormaster.model.fleet.LoadFleet;
import io.harbormaster.model.fleet.RefreshFleet;
import io.harbormaster.model.fleet.ScaleService;
import io.harbormaster.model.settings.UiStateStore;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.shared.metrics.MetricsDependencies;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything the shell needs from the app, wired by hand in {@code app}.
 *
 * @param detectEnvironments profiles in the AWS configuration that could be environments (settings dialog)
 * @param environmentFile    import/export of environment definitions (settings dialog)
 * @param sessionExpiry      when each entered environment's credentials run out (time left on toggles, status bar)
 * @param scaleService       the one write so far: a service's desired count
 * @param loadFleet          the whole fleet of an environment (Services, Hosts, packing on Clusters)
 * @param refreshFleet       the next fleet snapshot, fetching only what changed
 * @param fleetArchive       the last fleet seen per environment, shown at once while the current one loads
 * @param metrics            CloudWatch metrics, the local metric cache, levels, alarms and logs (Metrics page)
 */
public record ShellDependencies(EnvironmentRegistry environments, EnterEnvironment enterEnvironment,
                                ListClusters listClusters, TaskExecutor executor, UiStateStore uiState,
                                Clock clock, DetectEnvironments detectEnvironments, EnvironmentFile environmentFile,
                                SessionExpiry sessionExpiry, ScaleService scaleService,
                                LoadFleet loadFleet, RefreshFleet refreshFleet,
                                FleetArchive fleetArchive, MetricsDependencies metrics) {

    public ShellDependencies {
        Objects.requireNonNull(environments, "environments");
        Objects.requireNonNull(enterEnvironment, "enterEnvironment");
        Objects.requireNonNull(listClusters, "listClusters");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(uiState, "uiState");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(detectEnvironments, "detectEnvironments");
        Objects.requireNonNull(environmentFile, "environmentFile");
        Objects.requireNonNull(sessionExpiry, "sessionExpiry");
        Objects.requireNonNull(scaleService, "scaleService");
        Objects.requireNonNull(loadFleet, "loadFleet");
        Objects.requireNonNull(refreshFleet, "refreshFleet");
        Objects.requireNonNull(fleetArchive, "fleetArchive");
        Objects.requireNonNull(metrics, "metrics");
    }
}
