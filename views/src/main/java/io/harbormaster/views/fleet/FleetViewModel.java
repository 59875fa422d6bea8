package io.harbormaster.views.fleet;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.FleetArchive;
import io.harbormaster.model.fleet.FleetDraft;
import io.harbormaster.model.fleet.FleetLoadListener;
import io.harbormaster.model.fleet.FleetProblem;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.FleetStats;
import io.harbormaster.model.fleet.LoadFleet;
import io.harbormaster.model.fleet.PlacementDraft;
import io.harbormaster.model.fleet.RefreshFleet;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.LatestWins;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.lifecycle.Repeater;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * <p>A refresh that fails keeps the last snapshot and says so ({@link #stalenessProperty()}); a snapshot with
 * missing parts says what is missing ({@link #missingProperty()}).
 */
public final class FleetViewModel {

    public enum State { NO_SESSION, LOADING, LOADED, FAILED }

    public static final Duration REFRESH_EVERY = Duration.ofSeconds(20);

    private static final DateTimeFormatter SAVED_AT = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
    private static final System.Logger LOG = System.getLogger(FleetViewModel.class.getName());

    private final LoadFleet loadFleet;
    private final RefreshFleet refreshFleet;
    private final FleetArchive archive;
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
    private final ReadOnlyObjectWrapper<PlacementDraft.View> placement = new ReadOnlyObjectWrapper<>(this, "placement");

    /** The load or refresh of the environment shown; a switch cancels it. */
    private final LatestWins work;
    private Runnable stopPolling;
    private LoadInProgress loading;
    private PlacementInProgress placing;
    /** When the saved fleet shown while loading was read from AWS; null when none is shown. */
    private Instant savedAt;

    /** How many environments' last fleets are kept for switching back (a large fleet is ~200 MB). */
    static final int KEPT_FLEETS = 3;

    private final Map<String, FleetData> kept = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FleetData> eldest) {
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
        this.loadFleet = Objects.requireNonNull(loadFleet, "loadFleet");
        this.refreshFleet = Objects.requireNonNull(refreshFleet, "refreshFleet");
        this.archive = Objects.requireNonNull(archive, "archive");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.repeater = Objects.requireNonNull(repeater, "repeater");
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.work = new LatestWins(executor);
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
        refreshing.set(true);
        FleetSnapshot previous = current.snapshot();
        work.current().submit(BackgroundTask.of("Refreshing the fleet of " + in.environment().displayName(),
                        () -> FleetData.of(refreshFleet.refresh(in, previous, FleetLoadListener.NONE)))
                .onSuccess(next -> {
                    refreshing.set(false);
                    staleness.set("");
                    publish(next);
                    save(next.snapshot());
                })
                .onFailure(problem -> {
                    refreshing.set(false);
                    staleness.set("Refresh failed at " + time(clock.instant()) + ": " + problem.title() + " — "
                            + problem.message().replaceAll("\\.+$", "") + ". Showing the fleet as of " + time(previous.asOf())
                            + "; it is retried every " + REFRESH_EVERY.toSeconds() + " s.");
                }));
    }

    private void sessionChanged() {
        work.next(); // whatever was loading or refreshing belongs to the previous environment: stop it
        stopPolling();
        stopLoading();
        savedAt = null;
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
        LatestWins.Turn mine = work.next();
        stopPolling();
        stopLoading();
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
        LoadInProgress news = new LoadInProgress(draft, executor, uiThread, clock, view -> showSoFar(mine, view));
        PlacementInProgress placed = new PlacementInProgress(clock, uiThread, view -> {
            if (mine.isCurrent() && state.get() == State.LOADING) {
                placement.set(view);
            }
        });
        loading = news;
        placing = placed;
        news.start(repeater);
        placed.start(repeater);
        if (shown == null) {
            readSaved(in, mine, news);
        }
        mine.submit(BackgroundTask.withProgress("Loading the fleet of " + where, progress -> {
                    news.reportTo(progress);
                    placed.reportTo(progress);
                    return FleetData.of(loadFleet.load(in, news.and(placed)));
                })
                .onSuccess(loaded -> {
                    stopLoading();
                    savedAt = null;
                    staleness.set("");
                    state.set(State.LOADED);
                    publish(loaded);
                    save(loaded.snapshot());
                    followActivity();
                })
                .onFailure(problem -> {
                    stopLoading();
                    loadProblem.set(problem);
                    state.set(State.FAILED);
                    if (savedAt != null) {
                        staleness.set("Saved view of " + where + " from " + savedAt() + " — the current fleet "
                                + "could not be loaded.");
                    }
                }));
    }

    /** The services loaded so far, shown whole while the load still runs. */
    private void showSoFar(LatestWins.Turn mine, FleetDraft.View view) {
        if (!mine.isCurrent() || state.get() != State.LOADING) {
            return;
        }
        data.set(FleetData.loading(view));
        if (savedAt != null) {
            boolean allFresh = view.earlier().isEmpty() && view.listed() > 0;
            staleness.set(allFresh ? "" : savedBanner(session.get().environment().displayName(), view));
        }
    }

    /**
     * The fleet saved by the last visit, read off the UI thread and shown unless the load has described every
     * service by then: the saved values fill the rows still being described (describing starts while the names
     * are still being listed, so the first batches often land before the archive answers).
     */
    private void readSaved(EnvironmentSession in, LatestWins.Turn mine, LoadInProgress news) {
        if (archive == FleetArchive.NONE) {
            return; // nothing to read: keep the executor's queue as it was
        }
        String id = in.environment().id();
        String region = in.region();
        mine.submit(BackgroundTask.of("Reading the saved fleet of " + in.environment().displayName(),
                        () -> archive.lastSaved(id, region))
                .quietly()
                .onSuccess(saved -> {
                    if (state.get() != State.LOADING || saved.isEmpty()
                            || !saved.get().environmentId().equals(id) || !saved.get().region().equals(region)
                            || news.servicesIn()) {
                        return;
                    }
                    news.draft().earlier(saved.get());
                    savedAt = saved.get().asOf();
                    staleness.set(savedBanner(in.environment().displayName(), null));
                    news.showNow();
                })
                .onFailure(problem -> LOG.log(System.Logger.Level.WARNING, "The saved fleet of " + id
                        + " could not be read (" + problem.title() + ": " + problem.message()
                        + "); loading it from AWS only")));
    }

    /** Keeps the fleet for the next visit, off the UI thread; a failure is logged, never shown. */
    private void save(FleetSnapshot snapshot) {
        if (archive == FleetArchive.NONE) {
            return;
        }
        executor.submit(BackgroundTask.run("Saving the fleet of " + snapshot.environmentId(),
                        () -> archive.save(snapshot))
                .quietly()
                .onFailure(problem -> LOG.log(System.Logger.Level.WARNING, "The fleet of " + snapshot.environmentId()
                        + " could not be saved for the next visit (" + problem.title() + ": " + problem.message()
                        + "); it will be loaded from AWS then")));
    }

    private String savedBanner(String where, FleetDraft.View view) {
        String progress = view == null || view.listed() == 0 ? "…"
                : String.format(": %,d of %,d services described.", view.described(), view.listed());
        return "Saved view of " + where + " from " + savedAt() + " — loading the current fleet" + progress;
    }

    private String savedAt() {
        return SAVED_AT.withZone(clock.getZone()).format(savedAt);
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
        return asOf.get() != null && HeldFleet.isOld(asOf.get(), clock);
    }

    private String time(Instant instant) {
        return HeldFleet.time(instant, clock);
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

    /**
     * The hosts and tasks a running full load has described so far, about once a second, for the pages that draw
     * hosts before every task is in; null when no full load runs (the data then has them all).
     */
    public ReadOnlyObjectProperty<PlacementDraft.View> placementProperty() {
        return placement.getReadOnlyProperty();
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
