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
}
