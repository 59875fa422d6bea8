package io.harbormaster.views.allenv;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.views.allenv.EnvironmentChoice.State;
import io.harbormaster.views.dialog.DialogService;
import io.harbormaster.views.fleet.EnvironmentTag;
import io.harbormaster.views.fleet.FleetReads;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.fleet.HeldFleet;
import io.harbormaster.views.fleet.RefreshRounds;
import io.harbormaster.views.lifecycle.Repeater;
import io.harbormaster.views.shared.services.ServiceRow;
import io.harbormaster.views.shared.services.ServiceRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * One Services table across the environments the operator ticks (by default those entered this run), with a
 * filter like the Services page's.
 *
 * <p>Load enters each ticked environment through the usual port (MFA through the usual prompt) and reads its fleet,
 * all in parallel on the shared executor; an environment's rows show as soon as its services are described, and are
 * replaced when its load completes. After that, while the page {@link #activeProperty() shows}, every environment
 * held is refreshed incrementally every {@link FleetViewModel#REFRESH_EVERY} with its session of the load (no new
 * sign-in, so no MFA prompt out of the blue); Load refreshes the ones held and loads the others. An environment
 * that could not be entered or loaded stays listed with its reason and is tried again only when the operator asks;
 * one whose refresh failed keeps its older rows, says how old, and is retried on the next round only if the failure
 * was a passing one (network, throttling).
 */
public final class AllEnvironmentsViewModel {

    private final FleetReads reads;
    private final DialogService dialogs;
    private final Executor uiThread;
    private final RefreshRounds rounds;
    private final ObservableList<EnvironmentChoice> choices = FXCollections.observableArrayList();
    private final ObservableList<ServiceRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ServiceRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final FilteredList<ServiceRow> shown = new FilteredList<>(rows, r -> true);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final BooleanProperty problemsOnly = new SimpleBooleanProperty(this, "problemsOnly", false);
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final ReadOnlyIntegerWrapper loading = new ReadOnlyIntegerWrapper(this, "loading", 0);
    private final ReadOnlyObjectWrapper<Instant> oldestAsOf = new ReadOnlyObjectWrapper<>(this, "oldestAsOf");
    private final ReadOnlyStringWrapper staleness = new ReadOnlyStringWrapper(this, "staleness", "");
    private final Set<String> enteredThisRun = new HashSet<>();
    /** The kinds of failure already shown since the last Load (see {@link #tellOnce}). */
    private final Set<String> toldThisRound = new HashSet<>();
    private final Map<String, List<ServiceRow>> rowsByEnvironment = new LinkedHashMap<>();
    private final StringBinding summary;
    private final StringBinding placeholder;
    /** Whether the operator has pressed Load: from then on, ticking an environment loads it at once. */
    private boolean started;

    /**
     * @param reads   how each environment is entered and read
     * @param entered the sessions the operator opens elsewhere (environment bar, side by side): their environments
     *                are ticked by default
     * @param uiThread runs on the UI thread: rows announced mid-load hop there
     * @param repeater the clock of the periodic refresh (FxRepeater in the app)
     */
    public AllEnvironmentsViewModel(ObservableList<Environment> environments,
            List<ObservableValue<EnvironmentSession>> entered, FleetReads reads, DialogService dialogs,
            Executor uiThread, Repeater repeater) {
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
        this.reads = Objects.requireNonNull(reads, "reads");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.rounds = new RefreshRounds(repeater, this::tick);
        environments.addListener((ListChangeListener<Environment>) c -> rebuildChoices(environments));
        rebuildChoices(environments);
        for (ObservableValue<EnvironmentSession> session : entered) {
            session.addListener((obs, old, now) -> {
                if (now != null && enteredThisRun.add(now.environment().id())) {
                    choices.stream().filter(c -> c.environment().id().equals(now.environment().id()))
                            .forEach(c -> c.chosenProperty().set(true));
                }
            });
        }
        shown.predicateProperty().bind(Bindings.createObjectBinding(() -> matching(filter.get(), problemsOnly.get()),
                filter, problemsOnly));
        summary = Bindings.createStringBinding(this::describe, rows, shown, loading);
        placeholder = Bindings.createStringBinding(this::describeEmpty, rows, filter, problemsOnly, loading);
        active.addListener((obs, was, now) -> activityChanged());
    }

    private void rebuildChoices(List<Environment> environments) {
        Map<String, EnvironmentChoice> before = new LinkedHashMap<>();
        choices.forEach(c -> before.put(c.environment().id(), c));
        List<EnvironmentChoice> made = new ArrayList<>();
        for (Environment e : environments) {
            EnvironmentChoice kept = before.remove(e.id());
            if (kept != null && kept.environment().equals(e)) {
                made.add(kept); // unchanged: its rows, session and refreshes carry on
                continue;
            }
            EnvironmentChoice choice = new EnvironmentChoice(e, reads);
            choice.chosenProperty().set(kept != null ? kept.chosenProperty().get() : enteredThisRun.contains(e.id()));
            choice.chosenProperty().addListener((obs, was, now) -> chosenChanged(choice));
            choice.stateProperty().addListener((obs, was, now) -> restale());
            if (kept != null) {
                drop(kept);
            }
            made.add(choice);
        }
        before.values().forEach(this::drop);
        choices.setAll(made);
        publish();
        restale();
    }

    /** Every environment on the table whose last refresh failed, each in the words every page uses. */
    private void restale() {
        staleness.set(choices.stream().filter(c -> c.fleet.held()).map(c -> c.fleet.staleness("press Load"))
                .filter(s -> !s.isEmpty()).collect(java.util.stream.Collectors.joining("\n")));
    }

    /** Runs the page's own file work off the UI thread ("Save as CSV…"). */
    public io.harbormaster.views.concurrent.TaskExecutor executor() {
        return reads.executor();
    }

    /**
     * Every ticked environment: refreshed incrementally where its fleet is held, entered and loaded where not
     * (again, if it failed before). Unticked ones leave the table.
     */
    public void load() {
        started = true;
        toldThisRound.clear();
        for (EnvironmentChoice choice : choices) {
            if (!choice.chosenProperty().get()) {
                drop(choice);
            } else if (choice.inFlight()) {
                continue;
            } else if (choice.fleet.held()) {
                refresh(choice, true);
            } else {
                load(choice);
            }
        }
        followActivity();
    }

    private void chosenChanged(EnvironmentChoice choice) {
        if (!choice.chosenProperty().get()) {
            drop(choice);
            followActivity();
        } else if (started && active.get() && !choice.fleet.held() && !choice.inFlight()) {
            load(choice);
        }
    }

    private void activityChanged() {
        if (active.get() && started) {
            for (EnvironmentChoice choice : choices) {
                if (!choice.chosenProperty().get() || choice.inFlight()) {
                    continue;
                }
                if (!choice.fleet.held() && choice.state() == State.IDLE) {
                    load(choice); // ticked while the page was hidden
                } else if (choice.fleet.dueForRound() && choice.fleet.isOld()) {
                    refresh(choice, false);
                }
            }
        }
        followActivity();
    }

    /** One round of the periodic refresh. */
    private void tick() {
        for (EnvironmentChoice choice : choices) {
            if (choice.chosenProperty().get() && choice.fleet.dueForRound()) {
                refresh(choice, false);
            }
        }
    }

    private void load(EnvironmentChoice choice) {
        Environment environment = choice.environment();
        EnvironmentTag tag = EnvironmentTag.of(environment);
        choice.update(State.LOADING, null, null, "loading…");
        countLoading();
        choice.fleet.load("Loading " + environment.displayName() + "'s services (all environments)",
                HeldFleet.Listening.servicesFirst(reads.clock(), uiThread, (s, soFar) -> ServiceRows.of(soFar, tag),
                        made -> {
                            if (choice.state() == State.LOADING) { // its rows show before its hosts are in
                                rowsByEnvironment.put(tag.id(), made);
                                choice.status(services(made.size()) + ", hosts loading…");
                                publish();
                            }
                        }),
                (session, snapshot) -> ServiceRows.of(snapshot, tag),
                read -> show(choice, read),
                problem -> {
                    rowsByEnvironment.remove(environment.id());
                    choice.update(State.FAILED, null, problem, "not loaded: " + problem.title());
                    countLoading();
                    publish();
                    tellOnce(problem);
                });
    }

    /**
     * @param asked the operator pressed Load: the environment is entered again first (the adapters keep the
     *              session; an expired one is renewed, which may ask for an MFA code), and a failure is shown
     */
    private void refresh(EnvironmentChoice choice, boolean asked) {
        Environment environment = choice.environment();
        EnvironmentTag tag = EnvironmentTag.of(environment);
        HeldFleet held = choice.fleet;
        FleetSnapshot previous = held.snapshot();
        choice.update(State.REFRESHING, choice.asOfProperty().get(), choice.problemProperty().get(),
                choice.statusProperty().get());
        held.refresh("Refreshing " + environment.displayName() + "'s services (all environments)", asked,
                (session, snapshot) -> ServiceRows.of(snapshot, tag),
                read -> show(choice, read),
                problem -> {
                    choice.update(State.STALE, previous.asOf(), problem, services(rowsOf(choice)) + " · as of "
                            + held.time(previous.asOf()) + " · refresh failed at " + held.time(held.failedAt()) + ": "
                            + problem.title() + (held.worthRetrying() ? "" : " — press Load to try again"));
                    if (asked) {
                        tellOnce(problem);
                    }
                });
    }

    /**
     * One dialog per kind of failure a Load meets: environments entered from one login fail together (one wrong MFA
     * code, one revoked key), and each one's own line in the list already says so; a dialog per environment would
     * be a storm of the same message.
     */
    private void tellOnce(Problem problem) {
        if (toldThisRound.add(problem.kind() + "|" + problem.title())) {
            dialogs.showProblem(problem);
        }
    }

    private void show(EnvironmentChoice choice, HeldFleet.Read<List<ServiceRow>> read) {
        rowsByEnvironment.put(choice.environment().id(), read.derived());
        choice.update(State.LOADED, read.snapshot().asOf(), null,
                services(read.derived().size()) + " · as of " + choice.fleet.time(read.snapshot().asOf()));
        countLoading();
        publish();
        followActivity();
    }

    /**
     * The page went out of sight: loads and refreshes in flight stop. A load stopped is loaded again when the page
     * shows; a refresh stopped leaves what is held, refreshed on the next round.
     */
    public void hidden() {
        for (EnvironmentChoice choice : choices) {
            if (choice.state() == State.LOADING) {
                drop(choice);
            } else if (choice.state() == State.REFRESHING) {
                choice.fleet.cancel();
                Problem problem = choice.problemProperty().get();
                choice.update(problem == null ? State.LOADED : State.STALE, choice.asOfProperty().get(), problem,
                        choice.statusProperty().get());
                countLoading();
            }
        }
    }

    /** Takes an environment off the table and forgets its fleet; whatever runs for it is cancelled. */
    private void drop(EnvironmentChoice choice) {
        choice.fleet.drop();
        choice.update(State.IDLE, null, null, "");
        if (rowsByEnvironment.remove(choice.environment().id()) != null) {
            publish();
        }
        countLoading();
    }

    private void followActivity() {
        rounds.follow(active.get() && choices.stream().anyMatch(c -> c.fleet.held()));
    }

    private void publish() {
        List<ServiceRow> all = new ArrayList<>();
        for (EnvironmentChoice choice : choices) {
            all.addAll(rowsByEnvironment.getOrDefault(choice.environment().id(), List.of()));
        }
        all.sort(ServiceRows.PROBLEMS_FIRST);
        rows.setAll(all);
        oldestAsOf.set(choices.stream().filter(c -> rowsByEnvironment.containsKey(c.environment().id()))
                .map(c -> c.asOfProperty().get()).filter(Objects::nonNull).min(Instant::compareTo)
                .orElse(null));
    }

    /**
     * Why rows on the table are older than they should be: each environment whose last refresh failed, what went
     * wrong, as of when its rows are and what to do; empty while every one is current.
     */
    public ReadOnlyStringProperty stalenessProperty() {
        return staleness.getReadOnlyProperty();
    }

    /** When the oldest environment on the table was read (the status bar's "as of"); null before any is in. */
    public ReadOnlyObjectProperty<Instant> oldestAsOfProperty() {
        return oldestAsOf.getReadOnlyProperty();
    }

    private void countLoading() {
        loading.set((int) choices.stream().filter(c -> c.state() == State.LOADING).count());
    }

    private int rowsOf(EnvironmentChoice choice) {
        return rowsByEnvironment.getOrDefault(choice.environment().id(), List.of()).size();
    }

    private static String services(int count) {
        return String.format("%,d", count) + (count == 1 ? " service" : " services");
    }

    private static Predicate<ServiceRow> matching(String text, boolean problems) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return r -> (!problems || r.needsAttention()) && (needle.isEmpty() || r.searchText().contains(needle));
    }

    private String describe() {
        long environments = rows.stream().map(r -> r.environment().id()).distinct().count();
        long attention = rows.stream().filter(ServiceRow::needsAttention).count();
        String count = shown.size() == rows.size() ? services(rows.size())
                : String.format("%,d", shown.size()) + " of " + services(rows.size());
        String text = count + " in " + environments + (environments == 1 ? " environment" : " environments")
                + (attention == 0 ? "" : " · " + attention + " need attention");
        return loading.get() == 0 ? text : text + " · loading " + loading.get() + " more…";
    }

    private String describeEmpty() {
        if (!rows.isEmpty()) {
            return "No service matches" + (filter.get().isBlank() ? "" : " “" + filter.get().strip() + "”")
                    + (problemsOnly.get() ? " among those needing attention" : "") + ".";
        }
        if (loading.get() > 0) {
            return "Loading…";
        }
        return started ? "No services in the environments ticked. Tick others and press Load."
                : "Tick the environments to show and press Load.";
    }

    public ObservableList<EnvironmentChoice> choices() {
        return choices;
    }

    /** The rows passing the filter, problems first; the view sorts a copy. */
    public ObservableList<ServiceRow> rows() {
        return shown;
    }

    /** Every row of every environment held, problems first. */
    public ObservableList<ServiceRow> allRows() {
        return readOnlyRows;
    }

    /** Matched against name, cluster, task family, image tags, environment and reason. */
    public StringProperty filterProperty() {
        return filter;
    }

    public BooleanProperty problemsOnlyProperty() {
        return problemsOnly;
    }

    /** True while the page shows: only then are the environments held refreshed. */
    public BooleanProperty activeProperty() {
        return active;
    }

    public ReadOnlyIntegerProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Whether periodic refresh is running now; for tests. */
    public boolean polling() {
        return rounds.running();
    }

    public StringBinding summaryProperty() {
        return summary;
    }

    public StringBinding placeholderProperty() {
        return placeholder;
    }
}
