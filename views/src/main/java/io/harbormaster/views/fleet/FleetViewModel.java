package io.harbormaster.views.fleet;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.FleetArchive;
import io.harbormaster.model.fleet.FleetDraft;
import io.harbormaster.model.fleet.FleetProblem;
import io.harbormaster.model.fleet.FleetStats;
import io.harbormaster.model.fleet.LoadFleet;
import io.harbormaster.model.fleet.LoadFocus;
import io.harbormaster.model.fleet.PlacementDraft;
import io.harbormaster.model.fleet.RefreshFleet;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.lifecycle.Repeater;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * The fleet of the current environment, for every fleet page: a full load when an environment becomes current,
 * then an incremental refresh every {@link #REFRESH_EVERY} while a fleet page is {@link #activeProperty() showing}.
 * Each result is swapped in whole on the UI thread, so pages read one snapshot and never half of two.
 *
 * <p>While a full load runs, the Services table does not wait for it: every service shows by name as soon as its
 * cluster is listed, and fills in as DescribeServices batches land ({@link FleetData#describing()}), a few times a
 * second ({@link LoadInProgress}). Entering an environment with nothing in memory also shows the fleet saved by the
 * last visit ({@link FleetArchive}) at once, marked as saved ({@link #stalenessProperty()}), its rows replaced as
 * fresh ones arrive (see {@link FleetDraft}); every completed load and refresh is saved for the next time.
 *
 * <p>Each environment's fleet is a {@link HeldFleet}: one staleness, retry and refresh policy with every other
 * page holding a fleet. A refresh that fails keeps the last snapshot and says so ({@link #stalenessProperty()}),
 * retried by the next round only when the failure was a passing one; a snapshot with missing parts says what is
 * missing ({@link #missingProperty()}).
 */
public final class FleetViewModel {

    public enum State { NO_SESSION, LOADING, LOADED, FAILED }

    public static final Duration REFRESH_EVERY = Duration.ofSeconds(20);

    private final FleetReads reads;
    private final SavedFleets saved;
    private final Repeater repeater;
    private final Executor uiThread;

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
    private final ReadOnlyObjectWrapper<PlacementDraft.View> placement = new ReadOnlyObjectWrapper<>(this, "placement");
    /** The hosts the pages that draw hosts have on screen, for the loads to describe their tasks first. */
    private final LoadFocus focus = new LoadFocus();

    /** The environment shown: its fleet as held, with the one policy on age and retries; null with no session. */
    private HeldFleet held;
    private final RefreshRounds rounds;
    private LoadInProgress loading;
    private PlacementInProgress placing;
    /** When the saved fleet shown while loading was read from AWS; null when none is shown. */
    private Instant savedAt;

    /** How many environments' last fleets are kept for switching back (a large fleet is ~200 MB). */
    static final int KEPT_FLEETS = 3;

    /** A fleet kept for switching back, with what was derived from it. */
    private record Kept(HeldFleet fleet, FleetData data) {
    }

    private final Map<String, Kept> kept = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > KEPT_FLEETS;
        }
    };

    /** With nothing saved between visits (tests that do not look at the archive). */
    public FleetViewModel(LoadFleet loadFleet, RefreshFleet refreshFleet, TaskExecutor executor, Repeater repeater,
            Executor uiThread, Clock clock) {
        this(loadFleet, refreshFleet, FleetArchive.NONE, executor, repeater, uiThread, clock);
    }

    /**
     * @param archive  the last fleet seen per environment, read and written off the UI thread
     * @param uiThread runs a callback on the UI thread (UiThread::runOnUi in the app, Runnable::run in tests)
     */
    public FleetViewModel(LoadFleet loadFleet, RefreshFleet refreshFleet, FleetArchive archive, TaskExecutor executor,
            Repeater repeater, Executor uiThread, Clock clock) {
        this.reads = FleetReads.withSession(loadFleet, refreshFleet, executor, clock);
        this.saved = new SavedFleets(Objects.requireNonNull(archive, "archive"), executor);
        this.repeater = Objects.requireNonNull(repeater, "repeater");
        this.rounds = new RefreshRounds(repeater, () -> {
            if (held != null && held.dueForRound()) {
                refresh();
            }
        });
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
        session.addListener((obs, old, now) -> sessionChanged());
        active.addListener((obs, was, now) -> {
            if (now && held != null && held.isOld() && held.worthRetrying()) {
                refresh();
            }
            followActivity();
        });
    }

    /** F5 on a fleet page: a loaded fleet is refreshed (a failed refresh is tried again), any other loaded again. */
    public void renew() {
        if (state.get() == State.LOADED) {
            refresh();
        } else {
            reload();
        }
    }

    /** Everything again from scratch. */
    public void reload() {
        if (session.get() != null) {
            load();
        }
    }

    /**
     * An incremental refresh now; does nothing while a load or refresh is running or before the first load. A
     * failure keeps the snapshot and says so; a passing one is retried by the next round, any other waits for F5.
     */
    public void refresh() {
        EnvironmentSession in = session.get();
        if (in == null || held == null || !held.held() || held.inFlight() || state.get() != State.LOADED) {
            return;
        }
        refreshing.set(true);
        HeldFleet fleet = held;
        fleet.refresh("Refreshing the fleet of " + in.environment().displayName(), false,
                (entered, snapshot) -> FleetData.of(snapshot),
                read -> {
                    refreshing.set(false);
                    staleness.set("");
                    publish(fleet, read.derived());
                    saved.save(read.snapshot());
                },
                problem -> {
                    refreshing.set(false);
                    staleness.set(fleet.staleness("press F5"));
                });
    }

    private void sessionChanged() {
        if (held != null && !held.held()) {
            HeldFleet stopped = held;
            stopped.drop(); // a load of the previous environment: nobody will see it, the next visit loads again
            kept.values().removeIf(k -> k.fleet() == stopped);
        } else if (held != null) {
            held.cancel(); // its refresh belongs to the previous environment; what it holds is kept
        }
        saved.cancel();
        rounds.follow(false);
        stopLoading();
        focus.lookAt(List.of()); // the hosts on screen were the last environment's
        savedAt = null;
        data.set(null);
        asOf.set(null);
        loadProblem.set(null);
        staleness.set("");
        missing.set("");
        refreshing.set(false);
        state.set(session.get() == null ? State.NO_SESSION : State.LOADING);
        EnvironmentSession in = session.get();
        Kept known = in == null ? null : kept.get(keyOf(in));
        held = known == null ? null : known.fleet();
        if (known == null) {
            reload();
            return;
        }
        // Back to an environment seen a moment ago: its fleet shows at once, "as of" when it was read, and an
        // incremental refresh tops it up — a switch must not cost a full load.
        state.set(State.LOADED);
        publish(known.fleet(), known.data());
        followActivity();
        refresh();
    }

    private static String keyOf(EnvironmentSession in) {
        return in.environment().id() + "|" + in.region();
    }

    private void load() {
        EnvironmentSession in = session.get();
        rounds.follow(false);
        stopLoading();
        saved.cancel();
        refreshing.set(false);
        state.set(State.LOADING);
        loadProblem.set(null);
        String where = in.environment().displayName();
        FleetDraft draft = new FleetDraft(in.environment().id(), in.region());
        FleetData shown = data.get();
        if (shown != null) {
            draft.earlier(shown.snapshot()); // a reload: what is on screen stays until fresh rows replace it
            if (savedAt != null) {
                staleness.set(savedBanner(where, null));
            }
        }
        LoadInProgress news = new LoadInProgress(draft, reads.executor(), uiThread, reads.clock(), this::showSoFar);
        PlacementInProgress placed = new PlacementInProgress(reads.clock(), uiThread, view -> {
            if (loading == news && state.get() == State.LOADING) {
                placement.set(view);
            }
        });
        loading = news;
        placing = placed;
        news.start(repeater);
        placed.start(repeater);
        if (shown == null) {
            readSaved(in, news);
        }
        if (held == null || !held.environment().equals(in.environment())) {
            held = new HeldFleet(in.environment(), reads);
        }
        HeldFleet fleet = held;
        // A short title: the load's count ("tasks 82,000 of 203,809 · about 2 min left …") follows it in the status bar.
        fleet.load(in, "Loading " + where, HeldFleet.Listening.withProgress(news.and(placed), progress -> {
                    news.reportTo(progress);
                    placed.reportTo(progress);
                }), focus, (entered, snapshot) -> FleetData.of(snapshot),
                read -> {
                    stopLoading();
                    savedAt = null;
                    staleness.set("");
                    state.set(State.LOADED);
                    publish(fleet, read.derived());
                    saved.save(read.snapshot());
                    followActivity();
                },
                problem -> {
                    stopLoading();
                    loadProblem.set(problem);
                    state.set(State.FAILED);
                    if (savedAt != null) {
                        staleness.set(SavedFleets.failedBanner(where, savedAt, reads.clock().getZone()));
                    }
                });
    }

    /** The services loaded so far, shown whole while the load still runs. */
    private void showSoFar(FleetDraft.View view) {
        if (state.get() != State.LOADING) {
            return;
        }
        data.set(FleetData.loading(view));
        if (savedAt != null) {
            boolean allFresh = view.earlier().isEmpty() && view.listed() > 0;
            staleness.set(allFresh ? "" : savedBanner(session.get().environment().displayName(), view));
        }
    }

    /**
     * The fleet saved by the last visit, shown unless the load has described every service by then: the saved
     * values fill the rows still being described (describing starts while the names are still being listed, so
     * the first batches often land before the archive answers).
     */
    private void readSaved(EnvironmentSession in, LoadInProgress news) {
        saved.read(in, snapshot -> {
            if (loading == news && !news.servicesIn()) {
                news.draft().earlier(snapshot);
                savedAt = snapshot.asOf();
                staleness.set(savedBanner(in.environment().displayName(), null));
                news.showNow();
            }
        });
    }

    private String savedBanner(String where, FleetDraft.View view) {
        return SavedFleets.banner(where, savedAt, reads.clock().getZone(), view);
    }

    private void stopLoading() {
        if (loading != null) {
            loading.stop();
            loading = null;
        }
        if (placing != null) {
            placing.stop();
            placing = null;
        }
        placement.set(null);
    }

    private void publish(HeldFleet fleet, FleetData next) {
        EnvironmentSession in = session.get();
        if (in != null) {
            kept.put(keyOf(in), new Kept(fleet, next));
        }
        data.set(next);
        asOf.set(next.snapshot().asOf());
        lastStats.set(next.snapshot().stats());
        missing.set(describeMissing(next.snapshot().problems()));
    }

    private void followActivity() {
        rounds.follow(active.get() && session.get() != null && state.get() == State.LOADED);
    }

    static String describeMissing(List<FleetProblem> problems) {
        if (problems.isEmpty()) {
            return "";
        }
        return "Not shown: " + problems.stream().map(p -> p.missing() + " (" + p.problem().title() + ")")
                .collect(Collectors.joining("; ")) + ". Everything else is current.";
    }

    /**
     * The hosts a page has on screen, most wanted first: while a full load runs, their tasks are described ahead of
     * the rest (a hint; the fleet loaded is the same). Any host of another environment is simply never met.
     */
    public void lookAt(List<String> hostArns) {
        focus.lookAt(hostArns);
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

    /**
     * The hosts and tasks a running full load has described so far, about once a second, for the pages that draw
     * hosts before every task is in; null when no full load runs (the data then has them all).
     */
    public ReadOnlyObjectProperty<PlacementDraft.View> placementProperty() {
        return placement.getReadOnlyProperty();
    }

    /**
     * How far a running full load has got ("tasks 82,000 of 203,809 · about 2 min left at ECS's rate", hosts first
     * while they come), for the pages that wait for every task to say so; empty when none runs.
     */
    public String loadProgress() {
        PlacementDraft.View placed = placement.get();
        return state.get() == State.LOADING && placed != null ? placed.progress() : "";
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
        return rounds.running();
    }
}
