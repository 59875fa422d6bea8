package io.harbormaster.views.fleet;

import io.harbormaster.model.environment.EnterEnvironment;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.fleet.LoadFleet;
import io.harbormaster.model.fleet.RefreshFleet;
import io.harbormaster.views.concurrent.TaskExecutor;
import java.time.Clock;
import java.util.Objects;

/** What a page needs to hold other environments' fleets: the ports that enter and read them, and where to run. */
public record FleetReads(EnterEnvironment enterEnvironment, MfaPrompt mfaPrompt, LoadFleet loadFleet,
        RefreshFleet refreshFleet, TaskExecutor executor, Clock clock) {

    public FleetReads {
        Objects.requireNonNull(enterEnvironment, "enterEnvironment");
        Objects.requireNonNull(mfaPrompt, "mfaPrompt");
        Objects.requireNonNull(loadFleet, "loadFleet");
        Objects.requireNonNull(refreshFleet, "refreshFleet");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * For the fleet of the environment the bar entered: it is read with the bar's session ({@link
     * HeldFleet#load(io.harbormaster.model.environment.EnvironmentSession, String, HeldFleet.Listening,
     * java.util.function.BiFunction, java.util.function.Consumer, java.util.function.Consumer)}), never entered here.
     */
    public static FleetReads withSession(LoadFleet loadFleet, RefreshFleet refreshFleet, TaskExecutor executor,
            Clock clock) {
        EnterEnvironment notHere = (environment, prompt) -> {
            throw new IllegalStateException(environment.displayName() + " is entered by the environment bar");
        };
        return new FleetReads(notHere, MfaPrompt.NONE, loadFleet, refreshFleet, executor, clock);
    }
}
