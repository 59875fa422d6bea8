package io.harbormaster.views.deploys.history;

import io.harbormaster.model.deploy.DeployDependencies;
import io.harbormaster.model.deploy.DeployDiffer;
import io.harbormaster.model.deploy.DeployHistoryEntry;
import io.harbormaster.model.deploy.DiffSection;
import io.harbormaster.model.deploy.ServiceRef;
import io.harbormaster.model.deploy.ServiceRevisionDetail;
import io.harbormaster.model.deploy.TaskDefinitionSpec;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.LatestWins;
import io.harbormaster.views.concurrent.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A service's deploy history (ListServiceDeployments joined with the journal: outcome, duration, who started it from
 * here) with the diff the chosen one made, and the audit log: the journal's recent lines, every write this console
 * made. Reads in the background; a newer request replaces what an older one would have shown.
 */
public final class HistoryViewModel {

    public static final int HISTORY_SIZE = 20;
    public static final int AUDIT_SIZE = 300;

    private final DeployDependencies deploys;
    private final Supplier<EnvironmentSession> session;
    private final TaskExecutor executor;
    private final ObjectProperty<ServiceRef> service = new SimpleObjectProperty<>(this, "service");
    private final ObservableList<DeployHistoryEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<DeployHistoryEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper diff = new ReadOnlyStringWrapper(this, "diff", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObservableList<JournalEntry> audit = FXCollections.observableArrayList();
    private final BiConsumer<ServiceRef, String> redeploy;
    private final StringBinding redeployBlocked;
    private final ReadOnlyStringWrapper redeployStatus = new ReadOnlyStringWrapper(this, "redeployStatus", "");
    private final LatestWins historyLoads;
    private final LatestWins diffLoads;

    /** @param redeploy opens the wizard for the service with this task definition chosen (a new deploy of it) */
    public HistoryViewModel(DeployDependencies deploys, Supplier<EnvironmentSession> session, TaskExecutor executor,
                            BiConsumer<ServiceRef, String> redeploy) {
        this.deploys = deploys;
        this.redeploy = redeploy;
        this.session = session;
        this.executor = executor;
        this.historyLoads = new LatestWins(executor);
        this.diffLoads = new LatestWins(executor);
        service.addListener((o, a, s) -> loadHistory());
        selected.addListener((o, a, e) -> loadDiff(e));
        selected.addListener((o, a, e) -> redeployStatus.set(""));
        redeployBlocked = Bindings.createStringBinding(() -> selected.get() == null
                ? "Choose a deploy in the history: its revision is deployed again" : "", selected);
    }

    /**
     * Rolls back (or forward) to the revision the chosen deploy rolled out, in one step: the wizard opens with it
     * chosen, a new deploy previewed like any.
     */
    public void redeploySelected() {
        DeployHistoryEntry entry = selected.get();
        ServiceRef s = service.get();
        EnvironmentSession where = session.get();
        if (entry == null || s == null || where == null) {
            return;
        }
        redeployStatus.set("Reading the revision it rolled out…");
        executor.submit(BackgroundTask.of("Reading the revision a deploy of " + s.serviceName() + " rolled out",
                () -> taskDefinitionOf(where, entry)).onSuccess(td -> {
                    if (td.isEmpty()) {
                        redeployStatus.set("ECS no longer describes the revision this deploy rolled out");
                    } else {
                        redeployStatus.set("");
                        redeploy.accept(s, td);
                    }
                }).onFailure(p -> redeployStatus.set(p.message())));
    }

    /** Reads the chosen service's history again. */
    public void loadHistory() {
        ServiceRef s = service.get();
        EnvironmentSession where = session.get();
        LatestWins.Turn turn = historyLoads.next();
        entries.clear();
        diff.set("");
        if (s == null || where == null) {
            status.set(where == null ? "Enter an environment to see its deploys" : "Choose a service");
            return;
        }
        status.set("Reading the deployments ECS keeps for " + s.serviceName() + "…");
        turn.submit(BackgroundTask.of("Reading " + s.serviceName() + "'s deploy history",
                        () -> deploys.service().history(where, s, HISTORY_SIZE))
                .onSuccess(list -> {
                    entries.setAll(list);
                    status.set(list.isEmpty() ? "ECS keeps no deployment of " + s.serviceName()
                            : list.size() + " deployments of " + s.serviceName() + ", newest first");
                })
                .onFailure(p -> status.set(p.message())));
    }

    /** The journal's recent lines, newest first. */
    public void loadAudit() {
        executor.submit(BackgroundTask.of("Reading the audit log", () -> deploys.journal().recent(AUDIT_SIZE))
                .quietly().onSuccess(audit::setAll));
    }

    private void loadDiff(DeployHistoryEntry entry) {
        LatestWins.Turn turn = diffLoads.next();
        diff.set("");
        EnvironmentSession where = session.get();
        if (entry == null || where == null) {
            return;
        }
        int at = entries.indexOf(entry);
        DeployHistoryEntry before = at >= 0 && at + 1 < entries.size() ? entries.get(at + 1) : null;
        diff.set("Reading the revisions…");
        turn.submit(BackgroundTask.of("Reading what the deploy changed", () -> {
            String after = taskDefinitionOf(where, entry);
            String previous = before == null ? "" : taskDefinitionOf(where, before);
            if (after.isEmpty()) {
                return "ECS no longer describes the revision this deploy rolled out.";
            }
            TaskDefinitionSpec to = deploys.revisions().describeRevision(where, after);
            if (previous.isEmpty()) {
                return "Rolled out " + to.familyRevision() + " (" + String.join(", ", to.images())
                        + "); the deploy before it is not in the history shown, so there is nothing to diff against.";
            }
            TaskDefinitionSpec from = deploys.revisions().describeRevision(where, previous);
            List<DiffSection> sections = DeployDiffer.taskDefinition(from, to);
            List<String> out = new ArrayList<>();
            out.add(from.familyRevision() + " → " + to.familyRevision());
            sections.stream().filter(DiffSection::changed).forEach(sec -> {
                out.add("@@ " + sec.title());
                out.add(sec.unified());
            });
            if (out.size() == 1) {
                out.add("(the task definition did not change)");
            }
            return out.stream().collect(Collectors.joining("\n"));
        }).onSuccess(diff::set).onFailure(p -> diff.set(p.message())));
    }

    private String taskDefinitionOf(EnvironmentSession where, DeployHistoryEntry e) {
        if (!e.taskDefinitionArn().isBlank()) {
            return e.taskDefinitionArn();
        }
        String revision = e.deployment().targetRevisionArn();
        if (revision.isBlank()) {
            return "";
        }
        return deploys.deployments().describeRevisions(where, List.of(revision)).stream()
                .map(ServiceRevisionDetail::taskDefinitionArn).findFirst().orElse("");
    }

    /** Why the chosen deploy's revision cannot be deployed again from here; empty when it can. */
    public StringBinding redeployBlockedProperty() {
        return redeployBlocked;
    }

    public ReadOnlyStringProperty redeployStatusProperty() {
        return redeployStatus.getReadOnlyProperty();
    }

    public ObjectProperty<ServiceRef> serviceProperty() {
        return service;
    }

    public ObservableList<DeployHistoryEntry> entries() {
        return entries;
    }

    public ObjectProperty<DeployHistoryEntry> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty diffProperty() {
        return diff.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<JournalEntry> audit() {
        return audit;
    }

    /** Runs the page's background work (saving a table as CSV). */
    public TaskExecutor executor() {
        return executor;
    }

    /** The environment the history is of; null for none. */
    public EnvironmentSession session() {
        return session.get();
    }
}
