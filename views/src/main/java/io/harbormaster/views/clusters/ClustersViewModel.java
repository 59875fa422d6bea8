package io.harbormaster.views.clusters;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.ListClusters;
import io.harbormaster.model.packing.FleetPacking;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.LatestWins;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.dialog.DialogService;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The clusters of the current session. Loads only while {@link #activeProperty() active} (the view is showing):
 * a session that changes while hidden is loaded when the view comes back. A new session clears the old rows at
 * once, so one environment's clusters are never shown under another's name.
 */
public final class ClustersViewModel {

    public enum State { NO_SESSION, LOADING, LOADED, FAILED }

    private final ListClusters listClusters;
    private final DialogService dialogs;
    private final Clock clock;

    private final ObjectProperty<EnvironmentSession> session = new SimpleObjectProperty<>(this, "session");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObservableList<Cluster> clusters = FXCollections.observableArrayList();
    private final FilteredList<Cluster> shown = new FilteredList<>(clusters, c -> true);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.NO_SESSION);
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyObjectWrapper<Instant> lastRefreshed = new ReadOnlyObjectWrapper<>(this, "lastRefreshed");
    private final ObjectProperty<FleetPacking> packing = new SimpleObjectProperty<>(this, "packing");
    private final ObjectProperty<String> selected = new SimpleObjectProperty<>(this, "selected");
    /** A cluster asked for by {@link #select} and not yet seen in a loaded list: reveal it when it arrives. */
    private String toReveal;
    private final StringBinding placeholder;
    private final StringBinding summary;
    private boolean stale;
    private final LatestWins loads;

    public ClustersViewModel(ListClusters listClusters, TaskExecutor executor, DialogService dialogs, Clock clock) {
        this.listClusters = Objects.requireNonNull(listClusters, "listClusters");
        this.loads = new LatestWins(executor);
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.clock = Objects.requireNonNull(clock, "clock");

        shown.predicateProperty().bind(Bindings.createObjectBinding(() -> matching(filter.get()), filter));
        placeholder = Bindings.createStringBinding(this::describeEmpty, state, problem, session, filter, clusters);
        summary = Bindings.createStringBinding(this::describeCount, shown, clusters, state);

        session.addListener((obs, old, now) -> sessionChanged());
        active.addListener((obs, was, now) -> {
            if (now && stale) {
                load();
            }
        });
    }

    /**
     * Selects a cluster by ARN (from the palette): the view selects and scrolls to its row. The filter is left alone
     * unless it would hide that row, and then cleared; a cluster not loaded yet is revealed when its list arrives.
     */
    public void select(String clusterArn) {
        if (Objects.equals(selected.get(), clusterArn)) {
            selected.set(null); // asked again (the row scrolled away or was deselected): the view selects it afresh
        }
        selected.set(clusterArn);
        toReveal = clusterArn;
        reveal();
    }

    private void reveal() {
        if (toReveal == null || clusters.stream().noneMatch(c -> c.arn().equals(toReveal))) {
            return;
        }
        String arn = toReveal;
        toReveal = null;
        if (shown.stream().noneMatch(c -> c.arn().equals(arn))) {
            filter.set("");
        }
    }

    /** Reloads if showing; otherwise loads when next shown. */
    public void refresh() {
        stale = session.get() != null;
        if (active.get()) {
            load();
        }
    }

    private void sessionChanged() {
        loads.cancel(); // whatever was loading belongs to the previous session
        clusters.clear();
        selected.set(null);
        toReveal = null;
        lastRefreshed.set(null);
        problem.set(null);
        state.set(session.get() == null ? State.NO_SESSION : State.LOADING);
        refresh();
    }

    private void load() {
        EnvironmentSession current = session.get();
        if (current == null) {
            return;
        }
        stale = false;
        state.set(State.LOADING);
        String where = current.environment().displayName();
        loads.submit(BackgroundTask.of("Loading clusters in " + where, () -> listClusters.listClusters(current))
                .onSuccess(loaded -> {
                    clusters.setAll(loaded);
                    reveal();
                    problem.set(null);
                    lastRefreshed.set(clock.instant());
                    state.set(State.LOADED);
                })
                .onFailure(failure -> {
                    problem.set(failure);
                    state.set(State.FAILED);
                    dialogs.showProblem(failure);
                }));
    }

    private static java.util.function.Predicate<Cluster> matching(String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return c -> true;
        }
        return c -> c.name().toLowerCase(Locale.ROOT).contains(needle)
                || c.status().toLowerCase(Locale.ROOT).contains(needle);
    }

    private String describeEmpty() {
        EnvironmentSession current = session.get();
        return switch (state.get()) {
            case NO_SESSION -> "Choose an environment above (Ctrl+1, Ctrl+2, …) to see its clusters;"
                    + " with none there yet, Environments… (Ctrl+,) adds them.";
            case LOADING -> "Loading clusters in " + where(current) + "…";
            case FAILED -> "Could not load clusters in " + where(current) + ": " + problem.get().title()
                    + ". Press F5 to try again.";
            case LOADED -> clusters.isEmpty()
                    ? "There are no ECS clusters in " + where(current) + "."
                    : "No cluster matches “" + filter.get().strip() + "”.";
        };
    }

    private String describeCount() {
        if (state.get() != State.LOADED || clusters.isEmpty()) {
            return "";
        }
        int total = clusters.size();
        String noun = total == 1 ? " cluster" : " clusters";
        return shown.size() == total ? total + noun : shown.size() + " of " + total + noun;
    }

    private static String where(EnvironmentSession session) {
        return session == null ? "" : session.environment().displayName() + " (" + session.region() + ")";
    }

    public ObjectProperty<EnvironmentSession> sessionProperty() {
        return session;
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    /** CPU and memory reserved per cluster, from the fleet snapshot; null until the fleet has loaded. */
    public ObjectProperty<FleetPacking> packingProperty() {
        return packing;
    }

    /** The selected cluster's ARN; null when none. */
    public ObjectProperty<String> selectedProperty() {
        return selected;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** The clusters passing the filter; the view sorts them. */
    public ObservableList<Cluster> clusters() {
        return shown;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> lastRefreshedProperty() {
        return lastRefreshed.getReadOnlyProperty();
    }

    public StringBinding placeholderProperty() {
        return placeholder;
    }

    public StringBinding summaryProperty() {
        return summary;
    }
}
