package io.harbormaster.views.shell;

import io.harbormaster.model.environment.DetectEnvironments;
import io.harbormaster.model.environment.EnterEnvironment;
import io.harbormaster.model.environment.EnvironmentFile;
import io.harbormaster.model.environment.EnvironmentRegistry;
import io.harbormaster.model.environment.SessionExpiry;
import io.harbormaster.model.fleet.FleetArchive;
import io.harbormaster.model.fleet.LoadFleet;
import io.harbormaster.model.fleet.RefreshFleet;
import io.harbormaster.model.recovery.InterruptedWrites;
import io.harbormaster.model.settings.UiStateStore;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.page.PageContribution;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * What the shell itself needs from the app, wired by hand in {@code app}: the environment bar, the fleet every page
 * shares, the side-by-side pane, the settings dialog, and the pages, which bring their own ports.
 *
 * @param pages        every page, in sidebar order; the first shows when the window opens
 * @param interrupted  the writes a previous run left open in the journal, for the restart notice
 */
public record ShellDependencies(EnvironmentRegistry environments, EnterEnvironment enterEnvironment,
                                TaskExecutor executor, UiStateStore uiState,
                                Clock clock, DetectEnvironments detectEnvironments, EnvironmentFile environmentFile,
                                SessionExpiry sessionExpiry, LoadFleet loadFleet, RefreshFleet refreshFleet,
                                FleetArchive fleetArchive, List<PageContribution> pages,
                                InterruptedWrites interrupted) {

    public ShellDependencies {
        for (Object required : new Object[] {environments, enterEnvironment, executor, uiState, clock,
                detectEnvironments, environmentFile, sessionExpiry, loadFleet, refreshFleet, fleetArchive, pages,
                interrupted}) {
            Objects.requireNonNull(required, "every dependency of the shell is required");
        }
        pages = List.copyOf(pages);
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("the shell needs at least one page");
        }
        if (!pages.stream().map(PageContribution::id).allMatch(new HashSet<>()::add)) {
            throw new IllegalArgumentException("two pages share an id: " + pages.stream().map(PageContribution::id)
                    .toList());
        }
    }
}
