package io.harbormaster.views.allenv;

import io.harbormaster.views.concurrent.LatestWins;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.FleetSnapshot;
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

    /** The session and fleet last read, for the next incremental refresh; only touched on the UI thread. */
    EnvironmentSession session;
    FleetSnapshot snapshot;
    /** What runs for this environment; a new turn (unticked, loaded again) cancels what stopped mattering. */
    final LatestWins work;
    /** The last refresh failed for a reason a retry will not cure: refreshed again only when the operator asks. */
    boolean onlyWhenAsked;

    EnvironmentChoice(Environment environment, TaskExecutor executor) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.work = new LatestWins(executor);
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
