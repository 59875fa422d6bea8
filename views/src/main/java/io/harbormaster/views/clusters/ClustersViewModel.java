package io.harbormaster.views.clusters;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.packing.FleetPacking;
import io.harbormaster.views.fleet.FleetData;
import io.harbormaster.views.fleet.FleetViewModel;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The clusters of the current environment as its fleet holds them ({@link FleetViewModel}): the same snapshot the
 * Services and Hosts pages show, refreshed with it while a fleet page shows, so their counts never disagree. The
 * clusters show as soon as a load has found them, before their services and hosts are in; their packing once the
 * whole fleet is. A new environment clears the old rows at once, so one environment's clusters are never shown under
 * another's name.
 */
public final class ClustersViewModel {

    public enum State { NO_SESSION, LOADING, LOADED, FAILED }

    private final FleetViewModel fleet;
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObservableList<Cluster> clusters = FXCollections.observableArrayList();
    private final FilteredList<Cluster> shown = new FilteredList<>(clusters, c -> true);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.NO_SESSION);
    private final ReadOnlyObjectWrapper<FleetPacking> packing = new ReadOnlyObjectWrapper<>(this, "packing");
    private final ObjectProperty<String> selected = new SimpleObjectProperty<>(this, "selected");
    /** A cluster asked for by {@link #select} and not yet seen in a loaded list: reveal it when it arrives. */
    private String toReveal;
    private final StringBinding placeholder;
    private final StringBinding summary;

    public ClustersViewModel(FleetViewModel fleet) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        shown.predicateProperty().bind(Bindings.createObjectBinding(() -> matching(filter.get()), filter));
        placeholder = Bindings.createStringBinding(this::describeEmpty, state, fleet.sessionProperty(), filter,
                clusters);
        summary = Bindings.createStringBinding(this::describeCount, shown, clusters, state, packing,
                fleet.placementProperty());
        fleet.sessionProperty().addListener((obs, old, now) -> {
            selected.set(null);
            toReveal = null;
        });
        fleet.dataProperty().addListener((obs, old, now) -> show(now));
        fleet.stateProperty().addListener((obs, old, now) -> follow());
        show(fleet.data());
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

    /** The fleet's clusters, replaced only where they changed: a row that did not change stays the same row. */
    private void show(FleetData data) {
        List<Cluster> now = data == null ? List.of() : data.snapshot().clusters();
        if (!now.equals(clusters)) {
            clusters.setAll(now);
        }
        packing.set(data == null || !data.complete() ? null : data.packing());
        reveal();
        follow();
    }

    private void follow() {
        state.set(switch (fleet.stateProperty().get()) {
            case NO_SESSION -> State.NO_SESSION;
            case FAILED -> clusters.isEmpty() ? State.FAILED : State.LOADED;
            case LOADING -> clusters.isEmpty() ? State.LOADING : State.LOADED;
            case LOADED -> State.LOADED;
        });
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
        EnvironmentSession current = fleet.sessionProperty().get();
        Problem problem = fleet.loadProblemProperty().get();
        return switch (state.get()) {
            case NO_SESSION -> "Choose an environment above to see its clusters (in the bar, Ctrl+1, Ctrl+2, … enter them);"
                    + " with none there yet, Environments… (Ctrl+,) adds them.";
            case LOADING -> "Loading clusters in " + where(current) + "…";
            case FAILED -> "Could not load clusters in " + where(current) + ": "
                    + (problem == null ? "the fleet did not load" : problem.title()) + ". Press F5 to try again.";
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
        String count = shown.size() == total ? total + noun : shown.size() + " of " + total + noun;
        String progress = fleet.loadProgress();
        // reserved and packing come from every task's shape: a large fleet's are minutes behind its clusters
        return packing.get() == null && !progress.isEmpty()
                ? count + " · reserved and packing once every task is in (" + progress + ")" : count;
    }

    private static String where(EnvironmentSession session) {
        return session == null ? "" : session.environment().displayName() + " (" + session.region() + ")";
    }

    /** The environment shown; null for none. */
    public ReadOnlyObjectProperty<EnvironmentSession> sessionProperty() {
        return fleet.sessionProperty();
    }

    /** CPU and memory reserved per cluster, from the fleet snapshot; null until the fleet has loaded. */
    public ReadOnlyObjectProperty<FleetPacking> packingProperty() {
        return packing.getReadOnlyProperty();
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

    public StringBinding placeholderProperty() {
        return placeholder;
    }

    public StringBinding summaryProperty() {
        return summary;
    }
}
