package io.harbormaster.views.compare;

import io.harbormaster.model.compare.ComparedLine;
import io.harbormaster.model.compare.ServiceComparison;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.LatestWins;
import io.harbormaster.views.dialog.DialogService;
import io.harbormaster.views.fleet.EnvironmentTag;
import io.harbormaster.views.fleet.FleetReads;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.fleet.HeldFleet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
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
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * A service of the current environment beside the same-named service of another, each side saying how old it is.
 *
 * <p>The current environment's side is the live {@link FleetViewModel}'s snapshot: while the page
 * {@link #activeProperty() shows}, each new snapshot there is compared again. The other environment is entered through
 * the usual port (production asks its MFA code through the usual prompt) and its fleet loaded once; after that it is
 * refreshed incrementally whenever it is older than {@link FleetViewModel#REFRESH_EVERY} or the operator presses
 * Refresh. A refresh that fails keeps the older fleet and says so ({@link #stalenessProperty()}); one that cannot
 * succeed by retrying (denied, expired, MFA cancelled) is not retried until the operator asks.
 */
public final class CompareViewModel {

    /** How a comparison is started: by the operator, by Refresh, or by the live fleet moving on. */
    private enum Mode { EXPLICIT, REFRESH, FOLLOW, RESUME }

    private final FleetViewModel fleet;
    private final FleetReads reads;
    /** The comparison shown (or being made); a new one, or clearing, means the last one's answer is not wanted. */
    private final LatestWins comparisons;
    private final DialogService dialogs;

    private final StringProperty serviceName = new SimpleStringProperty(this, "serviceName", "");
    private final ObjectProperty<Environment> other = new SimpleObjectProperty<>(this, "other");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final FilteredList<Environment> otherChoices;
    private final ObservableList<ComparedLine> lines = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message",
            "Pick a service and another environment.");
    private final ReadOnlyObjectWrapper<EnvironmentTag> leftTag = new ReadOnlyObjectWrapper<>(this, "leftTag");
    private final ReadOnlyObjectWrapper<EnvironmentTag> rightTag = new ReadOnlyObjectWrapper<>(this, "rightTag");
    private final ReadOnlyObjectWrapper<Instant> leftAsOf = new ReadOnlyObjectWrapper<>(this, "leftAsOf");
    private final ReadOnlyObjectWrapper<Instant> rightAsOf = new ReadOnlyObjectWrapper<>(this, "rightAsOf");
    private final ReadOnlyStringWrapper staleness = new ReadOnlyStringWrapper(this, "staleness", "");
    private final StringBinding leftHeading;
    private final StringBinding rightHeading;
    private final StringBinding summary;
    /** Other environments' fleets read this run, by environment id. */
    private final Map<String, HeldFleet> held = new HashMap<>();
    /** What the lines show (or are being made for): service name and environment id; null when nothing. */
    private Shown shown;
    private boolean waitingForFleet;
    /** The comparison stopped when the page went out of sight, made again when it shows; null for none. */
    private Shown interrupted;

    private record Shown(String service, Environment environment) {
    }

    /** @param reads how the other environment is entered and read (the current one is {@code fleet}) */
    public CompareViewModel(FleetViewModel fleet, ObservableList<Environment> environments, FleetReads reads,
            DialogService dialogs) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.reads = Objects.requireNonNull(reads, "reads");
        this.comparisons = new LatestWins(reads.executor());
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        otherChoices = new FilteredList<>(environments, e -> true);
        fleet.sessionProperty().addListener((obs, old, now) -> {
            otherChoices.setPredicate(e -> now == null || !e.id().equals(now.environment().id()));
            leftTag.set(now == null ? null : EnvironmentTag.of(now.environment()));
            if (other.get() != null && now != null && other.get().id().equals(now.environment().id())) {
                other.set(null);
            }
            clear();
        });
        fleet.dataProperty().addListener((obs, old, now) -> fleetMoved(now != null && old == null));
        active.addListener((obs, was, now) -> {
            Shown resume = interrupted;
            interrupted = now ? null : interrupted;
            if (now && resume != null && resume.equals(shown)) {
                run(Mode.RESUME);
            } else if (now) {
                fleetMoved(false);
            }
        });
        leftHeading = heading(leftTag, leftAsOf);
        rightHeading = heading(rightTag, rightAsOf);
        summary = Bindings.createStringBinding(() -> {
            if (lines.isEmpty()) {
                return message.get();
            }
            long differences = ServiceComparison.differences(lines);
            return differences == 0 ? "No differences." : differences + (differences == 1 ? " difference" : " differences")
                    + " (highlighted).";
        }, lines, message);
    }

    /** From a service's detail: compare this one; with another environment already picked, at once. */
    public void compareService(String name) {
        serviceName.set(name == null ? "" : name);
        if (other.get() != null) {
            compare();
        } else {
            clear();
            message.set("Pick the environment to compare " + serviceName.get() + " with.");
        }
    }

    /** The page went out of sight: the comparison being made, and the read of the other environment, stop. */
    public void hidden() {
        if (busy.get()) {
            comparisons.cancel();
            held.values().forEach(HeldFleet::cancel);
            busy.set(false);
            interrupted = shown;
        }
    }

    /** Picks the other environment and compares. */
    public void compareWith(Environment environment) {
        other.set(environment);
        compare();
    }

    /**
     * Compares the service named in {@link #serviceNameProperty()} with the other environment's, reading the other
     * environment again first when what is held of it is older than {@link FleetViewModel#REFRESH_EVERY}.
     */
    public void compare() {
        run(Mode.EXPLICIT);
    }

    /** The Refresh button: the other environment read again now (incrementally), the comparison made again. */
    public void refresh() {
        run(Mode.REFRESH);
    }

    /** The live fleet has a new snapshot, or the page came back: compare again if something is shown. */
    private void fleetMoved(boolean firstData) {
        if (firstData && waitingForFleet) {
            run(Mode.EXPLICIT);
        } else if (active.get() && shown != null && !busy.get()) {
            run(Mode.FOLLOW);
        }
    }

    private void run(Mode mode) {
        // A follow-up compares what is shown, not a name half typed into the field since.
        boolean again = mode == Mode.FOLLOW || mode == Mode.RESUME;
        String name = again ? shown.service() : serviceName.get() == null ? "" : serviceName.get().strip();
        Environment there = again ? shown.environment() : other.get();
        EnvironmentSession here = fleet.sessionProperty().get();
        waitingForFleet = false;
        if (name.isEmpty() || there == null || here == null) {
            clear();
            message.set("Pick a service and another environment.");
            return;
        }
        if (fleet.data() == null) {
            clear();
            waitingForFleet = true;
            message.set("Loading " + here.environment().displayName() + "'s fleet first…");
            return;
        }
        HeldFleet known = held.get(there.id());
        boolean isHeld = known != null && known.held();
        if (mode == Mode.FOLLOW && !isHeld) {
            return; // the first read of another environment is the operator's to start (it may ask an MFA code)
        }
        Shown wanted = new Shown(name, there);
        if (mode == Mode.EXPLICIT && busy.get() && wanted.equals(shown)) {
            return; // already being compared (picking the environment also fires the field's action)
        }
        if (!wanted.equals(shown)) {
            clear(); // a different comparison: the old lines must not stand under the new names
        }
        shown = wanted;
        FleetSnapshot mine = fleet.data().snapshot();
        Optional<Service> found = byName(mine, name, null);
        if (found.isEmpty()) {
            clear();
            leftAsOf.set(mine.asOf());
            message.set("There is no service " + name + " in " + here.environment().displayName() + ".");
            return;
        }
        Service left = found.get();
        boolean read = !isHeld || mode == Mode.REFRESH
                || (known.isOld() && (mode != Mode.FOLLOW || known.worthRetrying()));
        LatestWins.Turn turn = comparisons.next();
        busy.set(true);
        rightTag.set(EnvironmentTag.of(there));
        if (lines.isEmpty()) {
            message.set((isHeld ? "Comparing " : "Loading ") + name + " in " + there.displayName() + "…");
        }
        String what = (read ? (isHeld ? "Refreshing " : "Loading ") + there.displayName() + " to compare "
                : "Comparing ") + name + (read ? "" : " with " + there.displayName());
        if (!read) {
            turn.submit(BackgroundTask.of(what, () -> linesOf(left, mine, known.snapshot()))
                    .onSuccess(made -> show(name, there, known, mine, made)));
            return;
        }
        HeldFleet theirs = held.computeIfAbsent(there.id(), id -> new HeldFleet(there, reads));
        BiFunction<EnvironmentSession, FleetSnapshot, List<ComparedLine>> compared =
                (session, snapshot) -> linesOf(left, mine, snapshot);
        Consumer<HeldFleet.Read<List<ComparedLine>>> made = r -> {
            if (turn.isCurrent()) {
                show(name, there, theirs, mine, r.derived());
            }
        };
        if (isHeld) {
            // A failed refresh compares with what is held, and says how old it is.
            theirs.refresh(what, mode != Mode.FOLLOW, compared, made, problem -> {
                if (turn.isCurrent()) {
                    show(name, there, theirs, mine, linesOf(left, mine, theirs.snapshot()));
                }
            });
            return;
        }
        theirs.load(what, HeldFleet.Listening.NONE, compared, made, problem -> {
            if (!turn.isCurrent()) {
                return;
            }
            busy.set(false);
            shown = null;
            message.set("Could not load " + there.displayName() + ": " + problem.title()
                    + ". Pick it again to retry.");
            dialogs.showProblem(problem);
        });
    }

    private static List<ComparedLine> linesOf(Service left, FleetSnapshot mine, FleetSnapshot theirs) {
        Optional<Service> right = byName(theirs, left.name(), left.clusterName());
        return right.map(r -> ServiceComparison.of(left, mine.taskDefinitions().get(left.taskDefinitionArn()), r,
                theirs.taskDefinitions().get(r.taskDefinitionArn()))).orElse(List.of());
    }

    private void show(String name, Environment there, HeldFleet theirs, FleetSnapshot mine,
            List<ComparedLine> made) {
        busy.set(false);
        lines.setAll(made);
        leftAsOf.set(mine.asOf());
        rightAsOf.set(theirs.snapshot().asOf());
        staleness.set(theirs.staleness("press Refresh"));
        message.set(made.isEmpty() ? "There is no service " + name + " in " + there.displayName() + "." : "");
    }

    private String time(Instant instant) {
        return HeldFleet.time(instant, reads.clock());
    }

    private StringBinding heading(ReadOnlyObjectProperty<EnvironmentTag> tag, ReadOnlyObjectProperty<Instant> asOf) {
        return Bindings.createStringBinding(() -> tag.get() == null ? ""
                : tag.get().name() + (asOf.get() == null ? "" : " · as of " + time(asOf.get())), tag, asOf);
    }

    private void clear() {
        comparisons.cancel();
        shown = null;
        busy.set(false);
        lines.clear();
        leftAsOf.set(null);
        rightAsOf.set(null);
        staleness.set("");
    }

    /** The same name, preferring the same cluster when several clusters run one. */
    private static Optional<Service> byName(FleetSnapshot snapshot, String name, String clusterName) {
        List<Service> named = snapshot.services().stream().filter(s -> s.name().equals(name)).toList();
        return named.stream().filter(s -> s.clusterName().equals(clusterName)).findFirst()
                .or(() -> named.stream().findFirst());
    }

    public StringProperty serviceNameProperty() {
        return serviceName;
    }

    public ObjectProperty<Environment> otherProperty() {
        return other;
    }

    /** True while the Compare page shows: only then does a new live snapshot start a comparison again. */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** Every environment but the current one. */
    public ObservableList<Environment> otherChoices() {
        return otherChoices;
    }

    public ObservableList<ComparedLine> lines() {
        return lines;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public StringBinding summaryProperty() {
        return summary;
    }

    public ReadOnlyObjectProperty<EnvironmentTag> leftTagProperty() {
        return leftTag.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EnvironmentTag> rightTagProperty() {
        return rightTag.getReadOnlyProperty();
    }

    /** When the current environment's side was read; null while nothing is compared. */
    public ReadOnlyObjectProperty<Instant> leftAsOfProperty() {
        return leftAsOf.getReadOnlyProperty();
    }

    /** When the other environment's side was read; null while nothing is compared. */
    public ReadOnlyObjectProperty<Instant> rightAsOfProperty() {
        return rightAsOf.getReadOnlyProperty();
    }

    /** "prod · as of 14:02:11": the current environment's column heading. */
    public StringBinding leftHeadingProperty() {
        return leftHeading;
    }

    /** "stage · as of 14:01:50": the other environment's column heading. */
    public StringBinding rightHeadingProperty() {
        return rightHeading;
    }

    /** Why the other side is older than it should be (its refresh failed); empty when it is current. */
    public ReadOnlyStringProperty stalenessProperty() {
        return staleness.getReadOnlyProperty();
    }

    /** Runs the page's own file work off the UI thread ("Save as CSV…"). */
    public io.harbormaster.views.concurrent.TaskExecutor executor() {
        return reads.executor();
    }
}
