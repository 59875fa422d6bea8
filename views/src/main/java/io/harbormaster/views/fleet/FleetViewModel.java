package io.harbormaster.views.fleet;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.FleetLoadListener;
import io.harbormaster.model.fleet.FleetProblem;
import io.harbormaster.model.fleet.FleetProgress;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.FleetStats;
import io.harbormaster.model.fleet.LoadFleet;
import io.harbormaster.model.fleet.RefreshFleet;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.TaskDefinition;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.TaskExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The fleet of the current environment, for every fleet page: a full load when an environment becomes current
 * (the Services table fills as soon as the services are in), then an incremental refresh every
 * {@link #REFRESH_EVERY} while a fleet page is {@link #activeProperty() showing}. Each result is swapped in whole
 * on the UI thread, so pages read one snapshot and never half of two.
 *
 * <p>A refresh that fails keeps the last snapshot and says so ({@link #stalenessProperty()}); a snapshot with
 * missing parts says what is missing ({@link #missingProperty()}).
 */
public final class FleetViewModel {

    public enum State { NO_SESSION, LOADING, LOADED, FAILED }

    public static final Duration REFRESH_EVERY = Duration.ofSeconds(20);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final LoadFleet loadFleet;
    private final RefreshFleet refreshFleet;
    private final TaskExecutor executor;
    private final Repeater repeater;
    private final Executor uiThread;
    private final Clock clock;

    private final ObjectProperty<EnvironmentSession> session = new SimpleObjectProperty<>(this, "session");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final ReadOnlyObjectWrapper<FleetData> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.NO_SESSION);
    private final ReadOnlyObjectWrapper<Problem> loadProblem = new ReadOnlyObjectWrapper<>(this, "loadProblem");
    private final ReadOnlyStringWrapper staleness = new ReadOnlyStringWrapper(this, "staleness", "");
    private final ReadOnlyStringWrapper missing = new ReadOnlyStringWrapper(this, "missing", "");
    private final ReadOnlyObjectWrapper<Instant> asOf = new ReadOnlyObjectWrapper<>(this, "asOf");
    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper(this, "refreshing", false);
    private final ReadOnlyObjectWrapper<FleetStats> lastStats = new ReadOnlyObjectWrapper<>(this, "lastStats");

    private long generation;
    private Runnable stopPolling;

    /**
     * @param uiThread runs a callback on the UI thread (UiThread::runOnUi in the app, Runnable::run in tests)
     */
    /** How many environments' last fleets are kept for switching back (a large fleet is ~200 MB). */
    static final int KEPT_FLEETS = 3;

    private final Map<String, FleetData> kept = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FleetData> eldest) {
            return size() > KEPT_FLEETS;
        }
    };

    public FleetViewModel(LoadFleet loadFleet, RefreshFleet refreshFleet, TaskExecutor executor, Repeater repeater,
            Executor uiThread, Clock clock) {
        this.loadFleet = Objects.requireNonNull(loadFleet, "loadFleet");
        this.refreshFleet = Objects.requireNonNull(refreshFleet, "refreshFleet");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.repeater = Objects.requireNonNull(repeater, "repeater");
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
        this.clock = Objects.requireNonNull(clock, "clock");
        session.addListener((obs, old, now) -> sessionChanged());
        active.addListener((obs, was, now) -> {
            if (now && isOld()) {
                refresh();
            }
            followActivity();
        });
    }

    /** Everything again from scratch (F5 on a fleet page). */
    public void reload() {
        if (session.get() != null) {
            load();
        }
    }

    /** An incremental refresh now; does nothing while a load or refresh is running or before the first load. */
    public void refresh() {
        FleetData current = data.get();
        EnvironmentSession in = session.get();
        if (in == null || current == null || !current.complete() || state.get() != State.LOADED || refreshing.get()) {
            return;
        }
        long mine = generation;
        refreshing.set(true);
        FleetSnapshot previous = current.snapshot();
        executor.submit(BackgroundTask.of("Refreshing the fleet of " + in.environment().displayName(),
                        () -> FleetData.of(refreshFleet.refresh(in, previous, FleetLoadListener.NONE)))
                .onSuccess(next -> {
                    if (mine == generation) {
                        refreshing.set(false);
                        staleness.set("");
                        publish(next);
                    }
                })
                .onFailure(problem -> {
                    if (mine == generation) {
                        refreshing.set(false);
                        staleness.set("Refresh failed at " + time(clock.instant()) + ": " + problem.title() + " — "
                                + problem.message() + ". Showing the fleet as of " + time(previous.asOf())
                                + "; it is retried every " + REFRESH_EVERY.toSeconds() + " s.");
                    }
                }));
    }

    private void sessionChanged() {
        generation++; // whatever was loading or refreshing belongs to the previous environment
        stopPolling();
        data.set(null);
        asOf.set(null);
        loadProblem.set(null);
        staleness.set("");
        missing.set("");
        refreshing.set(false);
        state.set(session.get() == null ? State.NO_SESSION : State.LOADING);
        EnvironmentSession in = session.get();
        FleetData known = in == null ? null : kept.get(keyOf(in));
        if (known == null) {
            reload();
            return;
        }
        // Back to an environment seen a moment ago: its fleet shows at once, "as of" when it was read, and an
        // incremental refresh tops it up — a switch must not cost a full load.
        state.set(State.LOADED);
        publish(known);
        followActivity();
        refresh();
    }

    private static String keyOf(EnvironmentSession in) {
        return in.environment().id() + "|" + in.region();
    }

    private void load() {
        EnvironmentSession in = session.get();
        long mine = ++generation;
        stopPolling();
        refreshing.set(false);
        state.set(State.LOADING);
        loadProblem.set(null);
        String where = in.environment().displayName();
        executor.submit(BackgroundTask.withProgress("Loading the fleet of " + where, progress -> {
                    FleetLoadListener listener = new FleetLoadListener() {
                        @Override
                        public void progress(FleetProgress p) {
                            progress.update(p.clustersDone(), p.clustersTotal());
                            progress.message(p.stage() + " · " + p.callsMade() + " calls");
                        }

                        @Override
                        public void servicesReady(List<Cluster> clusters, List<Service> services,
                                Map<String, TaskDefinition> taskDefinitions) {
                            FleetSnapshot early = new FleetSnapshot(in.environment().id(), in.region(),
                                    clock.instant(), clusters, services, List.of(), List.of(), taskDefinitions,
                                    Map.of(), List.of(), FleetStats.NONE);
                            FleetData servicesOnly = FleetData.servicesOnly(early);
                            uiThread.execute(() -> {
                                if (mine == generation && state.get() == State.LOADING) {
                                    data.set(servicesOnly);
                                }
                            });
                        }
                    };
                    return FleetData.of(loadFleet.load(in, listener));
                })
                .onSuccess(loaded -> {
                    if (mine == generation) {
                        state.set(State.LOADED);
                        publish(loaded);
                        followActivity();
                    }
                })
                .onFailure(problem -> {
                    if (mine == generation) {
                        loadProblem.set(problem);
                        state.set(State.FAILED);
                    }
                }));
    }

    private void publish(FleetData next) {
        EnvironmentSession in = session.get();
        if (in != null && next.complete()) {
            kept.put(keyOf(in), next);
        }
        data.set(next);
        asOf.set(next.snapshot().asOf());
        lastStats.set(next.snapshot().stats());
        missing.set(describeMissing(next.snapshot().problems()));
    }

    private void followActivity() {
        boolean poll = active.get() && session.get() != null && state.get() == State.LOADED;
        if (poll && stopPolling == null) {
            stopPolling = repeater.every(REFRESH_EVERY, this::refresh);
        } else if (!poll) {
            stopPolling();
        }
    }

    private void stopPolling() {
        if (stopPolling != null) {
            stopPolling.run();
            stopPolling = null;
        }
    }

    private boolean isOld() {
        return asOf.get() != null && Duration.between(asOf.get(), clock.instant()).compareTo(REFRESH_EVERY) >= 0;
    }

    private String time(Instant instant) {
        return TIME.withZone(clock.getZone()).format(instant);
    }

    static String describeMissing(List<FleetProblem> problems) {
        if (problems.isEmpty()) {
            return "";
        }
        return "Not shown: " + problems.stream().map(p -> p.missing() + " (" + p.problem().title() + ")")
                .collect(Collectors.joining("; ")) + ". Everything else is current.";
    }

    public ObjectProperty<EnvironmentSession> sessionProperty() {
        return session;
    }

    /** True while a fleet page shows: only then does the fleet refresh by itself. */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** The latest snapshot and its packing; null before the first services arrive. */
    public ReadOnlyObjectProperty<FleetData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public FleetData data() {
        return data.get();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Problem> loadProblemProperty() {
        return loadProblem.getReadOnlyProperty();
    }

    /** Why the data shown may be out of date; empty when the last refresh worked. */
    public ReadOnlyStringProperty stalenessProperty() {
        return staleness.getReadOnlyProperty();
    }

    /** What the snapshot is missing (a cluster denied); empty when it is whole. */
    public ReadOnlyStringProperty missingProperty() {
        return missing.getReadOnlyProperty();
    }

    /** When the snapshot shown was taken; null until the first full load is in. */
    public ReadOnlyObjectProperty<Instant> asOfProperty() {
        return asOf.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty refreshingProperty() {
        return refreshing.getReadOnlyProperty();
    }

    /** API calls, retries and throttles of the last load or refresh. */
    public ReadOnlyObjectProperty<FleetStats> lastStatsProperty() {
        return lastStats.getReadOnlyProperty();
    }

    /** Whether periodic refresh is running now; for tests and the status line. */
    public boolean polling() {
        return stopPolling != null;
    }
}
