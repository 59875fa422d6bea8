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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Ctrl+K: find any cluster, service, host or task of the current fleet by part of its name and go there, or run one
 * of the window's declared actions by part of its words ("deploy"). The index is built off the UI thread once per
 * snapshot; a search walks the actions first, then names, tasks last, and stops at {@link #LIMIT} results, names
 * that start with the text before names that merely contain it. An action that is not available now is listed with
 * the reason, and Enter on it does nothing.
 */
public final class PaletteViewModel {

    public static final int LIMIT = 50;

    private final FleetNavigator navigator;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<PaletteEntry> results = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing", false);
    private List<PaletteEntry> index = List.of();
    private Map<String, Offered> actions = Map.of();
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

    /** The window's declared actions with their commands: listed when a search matches their words. */
    public void offer(Map<? extends ActionSpec, Command> declared) {
        Map<String, Offered> byId = new LinkedHashMap<>();
        declared.forEach((action, command) -> byId.put(action.id(), new Offered(action, command,
                (action.text() + " " + action.description()).toLowerCase(Locale.ROOT))));
        actions = byId;
    }

    private record Offered(ActionSpec action, Command command, String key) {
        PaletteEntry entry() {
            String why = command.unavailable().get();
            boolean available = command.enabled().get();
            return new PaletteEntry(PaletteEntry.Kind.ACTION, action.text(), available ? action.key().getDisplayText()
                    : PaletteEntry.UNAVAILABLE + (why == null || why.isEmpty() ? "not now" : why), action.id(), key);
        }
    }

    /** Goes to the entry (runs the action) and closes; an action not available now leaves the palette open. */
    public void go(PaletteEntry entry) {
        if (entry == null) {
            return;
        }
        if (entry.kind() == PaletteEntry.Kind.ACTION) {
            Offered offered = actions.get(entry.arn());
            if (offered != null && offered.command().enabled().get()) {
                close();
                offered.command().fire();
            }
            return;
        }
        close();
        switch (entry.kind()) {
            case CLUSTER -> navigator.showCluster(entry.arn());
            case SERVICE -> navigator.showService(entry.arn());
            case HOST, TASK -> navigator.showHost(entry.arn());
            default -> throw new IllegalStateException("not a place: " + entry);
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
            for (Offered a : actions.values()) {
                if (a.key().startsWith(needle)) {
                    starts.add(a.entry());
                } else if (a.key().contains(needle)) {
                    contains.add(a.entry());
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
