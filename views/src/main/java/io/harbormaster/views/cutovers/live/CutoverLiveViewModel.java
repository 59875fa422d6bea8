package io.harbormaster.views.cutovers.live;

import io.harbormaster.model.cutover.CutoverEvent;
import io.harbormaster.model.cutover.CutoverPhase;
import io.harbormaster.model.cutover.CutoverPlan;
import io.harbormaster.model.cutover.CutoverRunner;
import io.harbormaster.model.cutover.CutoverService;
import io.harbormaster.model.cutover.CutoverSide;
import io.harbormaster.model.cutover.CutoverState;
import io.harbormaster.model.cutover.GateEvidence;
import io.harbormaster.model.cutover.Route53WeightedRecord;
import io.harbormaster.model.cutover.WeightedRoute;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.concurrent.UiThread;
import io.harbormaster.views.cutovers.wizard.RouteText;
import io.harbormaster.views.lifecycle.Repeater;
import io.harbormaster.views.shared.metrics.MetricsDependencies;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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

/**
 * One running (or restored, or finished) cutover as the live view shows it: the runner's latest state on the UI
 * thread, its events newest first, the last gate decision's evidence, and the operator's controls. The controls run
 * through the executor: the runner may be in the middle of a tick talking to AWS.
 */
public final class CutoverLiveViewModel {

    private final CutoverRunner runner;
    private final TaskExecutor executor;
    private final String actor;
    private final ReadOnlyObjectWrapper<CutoverState> state = new ReadOnlyObjectWrapper<>();
    private final ObservableList<CutoverEvent> events = FXCollections.observableArrayList();
    private final ObservableList<GateEvidence> evidence = FXCollections.observableArrayList();
    private final StringProperty typedName = new SimpleStringProperty("");
    private final StringProperty commandProblem = new SimpleStringProperty("");

    /** The tabs of the live view: what polls depends on which one shows. */
    public enum Tab { METRICS, GATES, HOSTS }

    /**
     * Where the live view reads both sides' metrics and hosts from.
     *
     * @param reader  what the gates read, for both sides (the charts)
     * @param hosts   a side's hosts as a fleet with its session (the noise maps)
     * @param metrics the shared metric machinery the noise map reads through
     * @param repeater the window's periodic clock (stops with the window)
     * @param clock   the runner's clock: the charts' "now"
     * @param auditProblem why the journal's lines do not reach the team's audit log, while they do not
     */
    public record Sources(CutoverMetricsViewModel.SideReader reader,
                          Function<CutoverSide, Optional<CutoverService.SideHosts>> hosts, MetricsDependencies metrics,
                          Repeater repeater, Clock clock, Supplier<Optional<String>> auditProblem) {
    }

    private final CutoverMetricsViewModel metrics;
    private final CutoverHostsViewModel hosts;
    private final BooleanProperty active = new SimpleBooleanProperty();
    private final ObjectProperty<Tab> tab = new SimpleObjectProperty<>(Tab.METRICS);
    private final Supplier<Optional<String>> auditProblem;
    private final StringProperty auditText = new SimpleStringProperty("");

    public CutoverLiveViewModel(CutoverRunner runner, TaskExecutor executor, String actor, Sources sources) {
        this.runner = runner;
        this.executor = executor;
        this.actor = actor;
        this.auditProblem = sources.auditProblem();
        this.metrics = new CutoverMetricsViewModel(runner.plan(), runner::state, sources.reader(), executor,
                sources.repeater(), sources.clock());
        this.hosts = new CutoverHostsViewModel(runner.plan(), sources.hosts(), sources.metrics(), executor,
                sources.repeater());
        metrics.activeProperty().bind(active.and(tab.isEqualTo(Tab.METRICS)));
        hosts.activeProperty().bind(active.and(tab.isEqualTo(Tab.HOSTS)));
        show(runner.state());
        runner.addListener(s -> UiThread.runOnUi(() -> show(s)));
    }

    /** Why the team's audit log is not getting this console's lines, while it is not; blank otherwise. */
    public StringProperty auditTextProperty() {
        return auditText;
    }

    /** Both sides' gate metrics as charts. */
    public CutoverMetricsViewModel metrics() {
        return metrics;
    }

    /** Both sides' hosts on the noise map. */
    public CutoverHostsViewModel hosts() {
        return hosts;
    }

    /** True while this cutover's live view is the one in front: only then do its charts and maps read and poll. */
    public BooleanProperty activeProperty() {
        return active;
    }

    public ObjectProperty<Tab> tabProperty() {
        return tab;
    }

    private void show(CutoverState s) {
        auditText.set(auditProblem.get().map(p -> "Not copied to the team's audit log in the ops account: " + p
                + " Kept in this console's journal; copied again every minute.").orElse(""));
        if (s == null || s == state.get()) {
            return;
        }
        state.set(s);
        List<CutoverEvent> newestFirst = new ArrayList<>(s.events());
        java.util.Collections.reverse(newestFirst);
        events.setAll(newestFirst);
        evidence.setAll(s.lastDecision().map(d -> d.evidence()).orElse(List.of()));
    }

    public CutoverPlan plan() {
        return runner.plan();
    }

    /** The runner's latest state, read from any thread (the property follows it on the UI thread). */
    public CutoverState current() {
        return runner.state();
    }

    public ReadOnlyObjectProperty<CutoverState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ObservableList<CutoverEvent> events() {
        return events;
    }

    public ObservableList<GateEvidence> evidence() {
        return evidence;
    }

    /** "www.example.com. A: stage → prod" */
    public String title() {
        return plan().route().displayName() + ": " + RouteText.side(plan(), plan().fromId()) + " → "
                + RouteText.side(plan(), plan().toId());
    }

    public StringBinding phaseText() {
        return Bindings.createStringBinding(() -> {
            CutoverState s = state.get();
            String where = s.step() == 0 ? "" : " · step " + s.step() + " of " + s.plan().stepCount();
            return s.phase().name().replace('_', ' ') + where + " · " + RouteText.percent(s.targetPercent()) + " to "
                    + RouteText.side(s.plan(), s.plan().toId());
        }, state);
    }

    public StringBinding detailText() {
        return Bindings.createStringBinding(() -> {
            CutoverState s = state.get();
            List<String> lines = new ArrayList<>();
            if (!s.pausedBecause().isBlank()) {
                lines.add(s.pausedBecause());
            }
            if (!s.resumeDoes().isBlank() && s.phase() == CutoverPhase.PAUSED) {
                lines.add("Resume will " + s.resumeDoes());
            }
            lines.add("Requested " + RouteText.weights(s.plan(), s.requested()) + (s.confirmed() == null
                    ? "; nothing read back yet" : "; read back " + RouteText.weights(s.plan(), s.confirmed())));
            if (s.nextActionAt() != null) {
                lines.add("Next action at " + s.nextActionAt());
            }
            s.problem().ifPresent(p -> lines.add(p.title() + ": " + p.message()));
            return String.join("\n", lines);
        }, state);
    }

    public StringBinding lockText() {
        return Bindings.createStringBinding(() -> {
            CutoverState s = state.get();
            if (s.blockedBy().isPresent()) {
                return "Lock held by " + s.blockedBy().get().describe();
            }
            return s.lock().map(h -> "Lock held by this console: " + h.describe()).orElse("No lock held");
        }, state);
    }

    public BooleanBinding finishedProperty() {
        return Bindings.createBooleanBinding(() -> state.get().phase().finished(), state);
    }

    public BooleanBinding pausedProperty() {
        return Bindings.createBooleanBinding(() -> state.get().phase() == CutoverPhase.PAUSED, state);
    }

    public BooleanBinding rollingBackProperty() {
        return Bindings.createBooleanBinding(() -> state.get().phase() == CutoverPhase.ROLLING_BACK, state);
    }

    /** Whether another console's lock stops this cutover: the operator may take it over with the typed name. */
    public BooleanBinding blockedProperty() {
        return Bindings.createBooleanBinding(() -> state.get().blockedBy().isPresent()
                && !state.get().phase().finished(), state);
    }

    /** The name to type before taking over a lock: the record's name, or the rule's display name. */
    public String nameToType() {
        WeightedRoute r = plan().route();
        return r instanceof Route53WeightedRecord rec ? rec.name() : r.displayName();
    }

    public StringProperty typedNameProperty() {
        return typedName;
    }

    public BooleanBinding takeOverAllowedProperty() {
        return Bindings.createBooleanBinding(() -> blockedProperty().get() && typedName.get().trim()
                .equals(nameToType()), typedName, state);
    }

    /** The last command's failure, if any (blank otherwise). */
    public StringProperty commandProblemProperty() {
        return commandProblem;
    }

    public void pause() {
        command("Pausing", () -> runner.pause(actor, "asked in the live view"));
    }

    public void resume() {
        command("Resuming", () -> runner.resume(actor));
    }

    public void promote() {
        command("Promoting", () -> runner.promote(actor));
    }

    public void rollBack() {
        command("Rolling back", () -> runner.rollBack(actor, "asked in the live view"));
    }

    public void abort() {
        command("Aborting", () -> runner.abort(actor));
    }

    public void takeOverLock() {
        if (takeOverAllowedProperty().get()) {
            command("Taking over the lock", () -> runner.takeOverLock(actor));
        }
    }

    private void command(String what, Runnable action) {
        commandProblem.set("");
        executor.submit(BackgroundTask.run(what + " the cutover of " + plan().route().displayName(), action::run)
                .onFailure(p -> commandProblem.set(p.title() + ": " + p.message())));
    }
}
