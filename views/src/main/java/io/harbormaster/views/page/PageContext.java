package io.harbormaster.views.page;

import io.harbormaster.model.environment.EnterEnvironment;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.fleet.LoadFleet;
import io.harbormaster.model.fleet.RefreshFleet;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.dialog.DialogService;
import io.harbormaster.views.fleet.FleetNavigator;
import io.harbormaster.views.fleet.FleetReads;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.lifecycle.Repeater;
import io.harbormaster.views.guard.WriteGuard;
import java.time.Clock;
import java.util.List;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;

/**
 * What the shell of one window gives each page it builds: the window's shared state and services, never a port
 * (a page's factory closes over the ports the app gave it).
 *
 * @param session      the environment the window is in (null for none)
 * @param environments every environment defined, in bar order
 * @param openSessions the sessions the window holds now (the current environment, and the side-by-side one)
 * @param shown        true while this page is the one in front
 * @param fleet        the current environment's fleet, loaded while a page that {@linkplain Page#usesFleet uses it}
 *                     shows
 * @param navigator    sends the operator to a destination on whichever page shows it
 * @param executor     the one way to run work off the UI thread
 * @param dialogs      problems and questions for the operator
 * @param mfaPrompt    asks for an MFA code when a page enters an environment itself
 * @param writeGuard   whether writes are allowed where the operator is, and the typed-name guard before each
 * @param repeater     the window's periodic clock: stopped for every page when the window closes
 * @param clock        what "now" is
 * @param refresh      F5: the current page again, and its fleet
 */
public record PageContext(ObservableValue<EnvironmentSession> session, ObservableList<Environment> environments,
                          List<ObservableValue<EnvironmentSession>> openSessions, ObservableBooleanValue shown,
                          FleetViewModel fleet, FleetNavigator navigator, TaskExecutor executor,
                          DialogService dialogs, MfaPrompt mfaPrompt, WriteGuard writeGuard, Repeater repeater,
                          Clock clock, Runnable refresh) {

    /** How a page holding other environments' fleets reads them: its ports, this window's prompt, executor, clock. */
    public FleetReads fleetReads(EnterEnvironment enter, LoadFleet load, RefreshFleet refresh) {
        return new FleetReads(enter, mfaPrompt, load, refresh, executor, clock);
    }
}
