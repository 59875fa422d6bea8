package io.harbormaster.views.allenv;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.error.Problem;
import io.harbormaster.views.fleet.FleetReads;
import io.harbormaster.views.fleet.HeldFleet;
import java.time.Instant;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/** One environment's checkbox on the All environments page, and how its load and refreshes went. */
public final class EnvironmentChoice {

    /** Where an environment's fleet stands on the page. */
    public enum State {
        /** Not ticked, or not loaded yet. */
        IDLE,
        LOADING,
        LOADED,
        REFRESHING,
        /** Its last refresh failed: the rows shown are from {@link #asOfProperty()}. */
        STALE,
        /** It could not be entered or loaded (denied, MFA cancelled): no rows, and no retry until asked. */
        FAILED
    }

    private final Environment environment;
    private final BooleanProperty chosen = new SimpleBooleanProperty(this, "chosen", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyObjectWrapper<Instant> asOf = new ReadOnlyObjectWrapper<>(this, "asOf");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");

    /** Its fleet as last read, and the one policy on age and retries. */
    final HeldFleet fleet;

    EnvironmentChoice(Environment environment, FleetReads reads) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.fleet = new HeldFleet(environment, reads);
    }

    public Environment environment() {
        return environment;
    }

    public BooleanProperty chosenProperty() {
        return chosen;
    }

    /** "", "loading…", "59 services · as of 14:02:11", or why it failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** When the rows shown for it were read; null before its first load. */
    public ReadOnlyObjectProperty<Instant> asOfProperty() {
        return asOf.getReadOnlyProperty();
    }

    /** Why its load or last refresh failed; null when it did not. */
    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    State state() {
        return state.get();
    }

    void update(State newState, Instant newAsOf, Problem newProblem, String text) {
        state.set(newState);
        asOf.set(newAsOf);
        problem.set(newProblem);
        status.set(text);
    }

    void status(String text) {
        status.set(text);
    }

    boolean inFlight() {
        return state.get() == State.LOADING || state.get() == State.REFRESHING;
    }
}
