package io.harbormaster.views.compare;

import io.harbormaster.model.compare.ComparedLine;
import io.harbormaster.model.compare.ServiceComparison;
import io.harbormaster.model.environment.EnterEnvironment;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.fleet.FleetLoadListener;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.LoadFleet;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.dialog.DialogService;
import io.harbormaster.views.fleet.EnvironmentTag;
import io.harbormaster.views.fleet.FleetViewModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * A service of the current environment beside the same-named service of another: the other environment is entered
 * through the usual port (production asks its MFA code through the usual prompt), its fleet loaded in the background
 * and kept for this run, so comparing a second service there costs nothing.
 */
public final class CompareViewModel {

    private final FleetViewModel fleet;
    private final EnterEnvironment enterEnvironment;
    private final LoadFleet loadFleet;
    private final MfaPrompt mfaPrompt;
    private final TaskExecutor executor;
    private final DialogService dialogs;

    private final StringProperty serviceName = new SimpleStringProperty(this, "serviceName", "");
    private final ObjectProperty<Environment> other = new SimpleObjectProperty<>(this, "other");
    private final FilteredList<Environment> otherChoices;
    private final ObservableList<ComparedLine> lines = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message",
            "Pick a service and another environment.");
    private final ReadOnlyObjectWrapper<EnvironmentTag> leftTag = new ReadOnlyObjectWrapper<>(this, "leftTag");
    private final ReadOnlyObjectWrapper<EnvironmentTag> rightTag = new ReadOnlyObjectWrapper<>(this, "rightTag");
    private final StringBinding summary;
    /** Other environments' fleets loaded this run, by environment id. */
    private final Map<String, FleetSnapshot> loaded = new HashMap<>();
    private long request;

    public CompareViewModel(FleetViewModel fleet, ObservableList<Environment> environments,
            EnterEnvironment enterEnvironment, LoadFleet loadFleet, MfaPrompt mfaPrompt, TaskExecutor executor,
            DialogService dialogs) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.enterEnvironment = Objects.requireNonNull(enterEnvironment, "enterEnvironment");
        this.loadFleet = Objects.requireNonNull(loadFleet, "loadFleet");
        this.mfaPrompt = Objects.requireNonNull(mfaPrompt, "mfaPrompt");
        this.executor = Objects.requireNonNull(executor, "executor");
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
        fleet.dataProperty().addListener((obs, old, now) -> {
            if (now != null && old == null && other.get() != null && lines.isEmpty() && !busy.get()) {
                compare();
            }
        });
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

    /** Picks the other environment and compares. */
    public void compareWith(Environment environment) {
        other.set(environment);
        compare();
    }

    /** Compares the service named in {@link #serviceNameProperty()} with the other environment's. */
    public void compare() {
        String name = serviceName.get() == null ? "" : serviceName.get().strip();
        Environment there = other.get();
        EnvironmentSession here = fleet.sessionProperty().get();
        if (name.isEmpty() || there == null || here == null) {
            message.set("Pick a service and another environment.");
            return;
        }
        if (fleet.data() == null) {
            clear();
            message.set("Loading " + here.environment().displayName() + "'s fleet first…");
            return;
        }
        FleetSnapshot mine = fleet.data().snapshot();
        Optional<Service> left = byName(mine, name, null);
        if (left.isEmpty()) {
            clear();
            message.set("There is no service " + name + " in " + here.environment().displayName() + ".");
            return;
        }
        clear();
        long ticket = request;
        busy.set(true);
        rightTag.set(EnvironmentTag.of(there));
        message.set("Loading " + name + " in " + there.displayName() + "…");
        FleetSnapshot cached = loaded.get(there.id());
        BackgroundTask.Work<FleetSnapshot> theirs = cached != null ? () -> cached : () -> {
            EnvironmentSession session = enterEnvironment.enter(there, mfaPrompt);
            return loadFleet.load(session, FleetLoadListener.NONE);
        };
        executor.submit(BackgroundTask.of("Comparing " + name + " with " + there.displayName(), () -> {
                    FleetSnapshot snapshot = theirs.call();
                    Optional<Service> right = byName(snapshot, name, left.get().clusterName());
                    List<ComparedLine> made = right.map(r -> ServiceComparison.of(left.get(),
                            mine.taskDefinitions().get(left.get().taskDefinitionArn()), r,
                            snapshot.taskDefinitions().get(r.taskDefinitionArn()))).orElse(List.of());
                    return new Result(snapshot, made);
                })
                .onSuccess(result -> {
                    loaded.put(there.id(), result.snapshot());
                    if (ticket != request) {
                        return;
                    }
                    busy.set(false);
                    lines.setAll(result.lines());
                    message.set(result.lines().isEmpty()
                            ? "There is no service " + name + " in " + there.displayName() + "." : "");
                })
                .onFailure(problem -> {
                    if (ticket != request) {
                        return;
                    }
                    busy.set(false);
                    message.set("Could not load " + there.displayName() + ".");
                    dialogs.showProblem(problem);
                }));
    }

    private void clear() {
        ++request;
        busy.set(false);
        lines.clear();
    }

    /** The same name, preferring the same cluster when several clusters run one. */
    private static Optional<Service> byName(FleetSnapshot snapshot, String name, String clusterName) {
        List<Service> named = snapshot.services().stream().filter(s -> s.name().equals(name)).toList();
        return named.stream().filter(s -> s.clusterName().equals(clusterName)).findFirst()
                .or(() -> named.stream().findFirst());
    }

    private record Result(FleetSnapshot snapshot, List<ComparedLine> lines) {
    }

    public StringProperty serviceNameProperty() {
        return serviceName;
    }

    public ObjectProperty<Environment> otherProperty() {
        return other;
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
}
