package io.harbormaster.views.palette;

import io.harbormaster.model.fleet.Arns;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.views.actions.ActionSpec;
import io.harbormaster.views.actions.Command;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.LatestWins;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.fleet.FleetData;
import io.harbormaster.views.fleet.FleetNavigator;
import io.harbormaster.views.fleet.FleetViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Ctrl+K: find any cluster, service, host or task of the current fleet by part of its name and go there, or any
 * declared action by part of its words and run it (actions are listed first). The
 * index is built off the UI thread once per snapshot; a search walks it names first, tasks last, and stops at
 * {@link #LIMIT} results, names that start with the text before names that merely contain it. An action that may
 * not run now is listed with the reason (read at each search), and choosing it does nothing.
 */
public final class PaletteViewModel {

    public static final int LIMIT = 50;

    private final FleetNavigator navigator;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<PaletteEntry> results = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing", false);
    private List<PaletteEntry> index = List.of();
    private List<Offered> actions = List.of();
    private final java.util.Map<String, Command> commands = new java.util.HashMap<>();
    private final LatestWins indexing;

    public PaletteViewModel(FleetViewModel fleet, FleetNavigator navigator, TaskExecutor executor) {
        this.navigator = Objects.requireNonNull(navigator, "navigator");
        this.indexing = new LatestWins(executor);
        fleet.dataProperty().addListener((obs, old, now) -> reindex(now));
        query.addListener((obs, old, now) -> search());
    }

    public void open() {
        query.set("");
        search();
        showing.set(true);
    }

    public void close() {
        showing.set(false);
    }

    /** Offers these actions by their words; choosing one runs its command (if enabled at the time). */
    public void offerActions(List<ActionSpec> declared, java.util.function.Function<ActionSpec, Command> command) {
        List<Offered> offered = new ArrayList<>();
        commands.clear();
        for (ActionSpec action : declared) {
            commands.put(action.id(), command.apply(action));
            offered.add(new Offered(action, commands.get(action.id()),
                    (action.text() + " " + action.description()).toLowerCase(Locale.ROOT)));
        }
        actions = List.copyOf(offered);
        search();
    }

    /** A declared action as the palette lists it: its shortcut, or why it may not run now. */
    private record Offered(ActionSpec action, Command command, String key) {
        PaletteEntry entry() {
            String why = command.unavailable().get();
            return new PaletteEntry(PaletteEntry.Kind.ACTION, action.text(), command.enabled().get()
                    ? action.key().getDisplayText()
                    : PaletteEntry.UNAVAILABLE + (why == null || why.isEmpty() ? "not now" : why), action.id(), key);
        }
    }

    /** Goes to the entry and closes; an action that may not run now leaves the palette open, its reason in sight. */
    public void go(PaletteEntry entry) {
        if (entry == null || entry.kind() == PaletteEntry.Kind.ACTION && !commands.get(entry.arn()).enabled().get()) {
            return;
        }
        close();
        switch (entry.kind()) {
            case ACTION -> commands.get(entry.arn()).fire();
            case CLUSTER -> navigator.showCluster(entry.arn());
            case SERVICE -> navigator.showService(entry.arn());
            case HOST, TASK -> navigator.showHost(entry.arn());
        }
    }

    private void reindex(FleetData data) {
        if (data == null) {
            indexing.cancel();
            index = List.of();
            search();
            return;
        }
        indexing.submit(BackgroundTask.of("Indexing the fleet for Ctrl+K", () -> indexOf(data.snapshot()))
                .quietly()
                .onSuccess(made -> {
                    index = made;
                    search();
                }));
    }

    static List<PaletteEntry> indexOf(FleetSnapshot s) {
        List<PaletteEntry> entries = new ArrayList<>(s.clusters().size() + s.services().size() + s.hosts().size()
                + s.tasks().size());
        for (Cluster c : s.clusters()) {
            entries.add(new PaletteEntry(PaletteEntry.Kind.CLUSTER, c.name(), c.registeredInstances() + " hosts · "
                    + c.activeServices() + " services", c.arn(), c.name().toLowerCase(Locale.ROOT)));
        }
        for (Service v : s.services()) {
            entries.add(new PaletteEntry(PaletteEntry.Kind.SERVICE, v.name(), "in " + v.clusterName() + " · "
                    + v.runningCount() + "/" + v.desiredCount() + " running", v.arn(), v.name().toLowerCase(Locale.ROOT)));
        }
        for (Host h : s.hosts()) {
            String name = h.displayName();
            entries.add(new PaletteEntry(PaletteEntry.Kind.HOST, name, h.instanceType() + " · " + h.availabilityZone()
                    + " · " + Arns.clusterName(h.clusterArn()), h.arn(), (name + " " + Arns.name(h.arn()))
                    .toLowerCase(Locale.ROOT)));
        }
        for (Task t : s.tasks()) {
            if (t.containerInstanceArn().isEmpty()) {
                continue;
            }
            String id = Arns.name(t.arn());
            entries.add(new PaletteEntry(PaletteEntry.Kind.TASK, id, t.serviceName() + " · " + t.lastStatus(),
                    t.containerInstanceArn(), id));
        }
        return entries;
    }

    private void search() {
        String needle = query.get() == null ? "" : query.get().strip().toLowerCase(Locale.ROOT);
        List<PaletteEntry> starts = new ArrayList<>();
        List<PaletteEntry> contains = new ArrayList<>();
        if (!needle.isEmpty()) {
            for (Offered a : actions) {
                if (a.key().contains(needle)) {
                    (a.key().startsWith(needle) ? starts : contains).add(a.entry());
                }
            }
            for (PaletteEntry e : index) {
                if (starts.size() >= LIMIT) {
                    break;
                }
                if (e.key().startsWith(needle)) {
                    starts.add(e);
                } else if (contains.size() < LIMIT && e.key().contains(needle)) {
                    contains.add(e);
                }
            }
        }
        List<PaletteEntry> all = new ArrayList<>(starts);
        for (PaletteEntry e : contains) {
            if (all.size() >= LIMIT) {
                break;
            }
            all.add(e);
        }
        results.setAll(all);
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<PaletteEntry> results() {
        return results;
    }

    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }
}
