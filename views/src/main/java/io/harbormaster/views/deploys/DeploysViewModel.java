package io.harbormaster.views.deploys;

import io.harbormaster.model.deploy.DeployDependencies;
import io.harbormaster.model.deploy.DeployStarted;
import io.harbormaster.model.deploy.ServiceRef;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.deploys.history.HistoryViewModel;
import io.harbormaster.views.deploys.live.DeployRow;
import io.harbormaster.views.deploys.live.DeploysTracker;
import io.harbormaster.views.deploys.live.LiveDeploymentViewModel;
import io.harbormaster.views.deploys.wizard.DeployWizardViewModel;
import io.harbormaster.views.deploys.wizard.WizardTools;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Deploys page's state: the deploys this console follows (and followed), the one shown live, the wizard when
 * one is open (services queued behind it when several were chosen), and the history and audit log. Refreshing the
 * list reads memory and the local journal only; the page does it while shown.
 */
public final class DeploysViewModel {

    private final DeployDependencies deploys;
    private final Supplier<EnvironmentSession> session;
    private final TaskExecutor executor;
    private final WizardTools.Factory wizards;
    private final DeploysTracker tracker;
    private final ObservableList<DeployRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<String> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<DeployWizardViewModel> wizard = new ReadOnlyObjectWrapper<>(this, "wizard");
    private final ReadOnlyBooleanWrapper choosing = new ReadOnlyBooleanWrapper(this, "choosing");
    private final Deque<ServiceRef> queue = new ArrayDeque<>();
    private final LiveDeploymentViewModel live;
    private final HistoryViewModel history;
    private final Clock clock;
    private final Function<String, String> environmentName;
    private final Runnable fleetChanged;
    private boolean refreshing;

    /**
     * @param environmentName an environment's display name from its id (the id when it is no longer defined)
     * @param fleetChanged    reads the fleet again: ECS took a deploy, so the service's deployments (and the deploy
     *                        markers on its dashboard) change now, not at the next periodic refresh
     */
    public DeploysViewModel(DeployDependencies deploys, Supplier<EnvironmentSession> session, TaskExecutor executor,
                            io.harbormaster.views.guard.WriteGuard guard, io.harbormaster.views.dialog.DialogService
                                    dialogs, WizardTools.Factory wizards, Clock clock,
                            Function<String, String> environmentName, Runnable fleetChanged) {
        this.deploys = Objects.requireNonNull(deploys, "deploys");
        this.session = Objects.requireNonNull(session, "session");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.wizards = Objects.requireNonNull(wizards, "wizards");
        this.clock = clock;
        this.environmentName = Objects.requireNonNull(environmentName, "environmentName");
        this.fleetChanged = Objects.requireNonNull(fleetChanged, "fleetChanged");
        this.tracker = new DeploysTracker(deploys.followed(), deploys.service());
        this.live = new LiveDeploymentViewModel(deploys.service(), deploys.deployments(), session, guard, executor,
                dialogs, (row, taskDefinition) -> open(List.of(row.service()), taskDefinition), environmentName);
        this.history = new HistoryViewModel(deploys, session, executor,
                (service, taskDefinition) -> open(List.of(service), taskDefinition));
        selected.addListener((o, a, id) -> showSelected());
    }

    /** Reads the followed deploys again (memory and the journal). */
    public void refresh() {
        if (refreshing) {
            return;
        }
        refreshing = true;
        executor.submit(BackgroundTask.of("Listing deploys", tracker::rows).quietly()
                .onSuccess(list -> {
                    refreshing = false;
                    boolean historyStale = list.stream().anyMatch(this::justEnded);
                    rows.setAll(list);
                    if (historyStale) {
                        history.loadHistory();
                    }
                    if (selected.get() == null && !list.isEmpty()) {
                        selected.set(list.get(0).operationId());
                    }
                    showSelected();
                })
                .onFailure(p -> refreshing = false));
        history.loadAudit();
    }

    /**
     * A deploy of the service whose history shows ended since the last look: the history read while it ran says
     * "running" and has no outcome, so it is read again.
     */
    private boolean justEnded(DeployRow now) {
        if (now.progress() == null || !now.progress().terminal()
                || !now.service().equals(history.serviceProperty().get())) {
            return false;
        }
        return rows.stream().anyMatch(before -> before.operationId().equals(now.operationId())
                && (before.progress() == null || !before.progress().terminal()));
    }

    private void showSelected() {
        DeployRow row = rows.stream().filter(r -> r.operationId().equals(selected.get())).findFirst().orElse(null);
        live.rowProperty().set(row);
        if (row != null && (history.serviceProperty().get() == null
                || !history.serviceProperty().get().equals(row.service()))) {
            history.serviceProperty().set(row.service());
        }
    }

    /** A tab came to front: 1 history, 2 audit log — read them again, they change as deploys end. */
    public void tabShown(int tab) {
        if (tab == 1) {
            history.loadHistory();
        } else if (tab == 2) {
            history.loadAudit();
        }
    }

    /** "Deploy…" with no service chosen yet: the page asks for one, and choosing it opens the wizard. */
    public void askForService() {
        choosing.set(true);
    }

    /** The list of services closed with none chosen: choosing one later does not open the wizard by itself. */
    public void stopAskingForService() {
        choosing.set(false);
    }

    /** Opens the wizard for these services (one after the other), a revision chosen when not blank. */
    public void open(List<ServiceRef> services, String taskDefinition) {
        choosing.set(false);
        EnvironmentSession where = session.get();
        if (where == null || services.isEmpty()) {
            return;
        }
        queue.clear();
        queue.addAll(services.subList(1, services.size()));
        openWizard(where, services.get(0), taskDefinition);
    }

    private void openWizard(EnvironmentSession where, ServiceRef service, String taskDefinition) {
        DeployWizardViewModel vm = wizards.create(where, service, this::started);
        if (!taskDefinition.isBlank()) {
            vm.preselectRevision(taskDefinition);
        }
        wizard.set(vm);
        vm.load();
    }

    /** Closes the wizard without deploying (the next queued service is not opened either). */
    public void cancelWizard() {
        queue.clear();
        if (wizard.get() != null) {
            wizard.get().close();
        }
        wizard.set(null);
    }

    /** The page went out of sight: the wizard's preview stops working (see {@link #shown()}). */
    public void hidden() {
        choosing.set(false);
        if (wizard.get() != null) {
            wizard.get().hidden();
        }
    }

    /** The page is in front again: a preview stopped while it was hidden is worked out again. */
    public void shown() {
        if (wizard.get() != null) {
            wizard.get().shown();
        }
        refresh();
    }

    void started(DeployStarted started) {
        EnvironmentSession where = session.get();
        tracker.started(started.operationId(), where == null ? "" : where.environment().id(), started.service(),
                started.taskDefinitionArn(), clock.instant(), where == null ? "" : where.identity().arn());
        selected.set(started.operationId());
        fleetChanged.run();
        ServiceRef next = queue.poll();
        if (next != null && where != null) {
            openWizard(where, next, "");
        } else {
            wizard.set(null);
        }
        refresh();
    }

    /** Services still waiting for their wizard after the one open. */
    public List<ServiceRef> queued() {
        return List.copyOf(queue);
    }

    public ObservableList<DeployRow> rows() {
        return rows;
    }

    public ObjectProperty<String> selectedProperty() {
        return selected;
    }

    /** True from "Deploy…" with no service until one is chosen (or the wizard opened otherwise). */
    public ReadOnlyBooleanProperty choosingProperty() {
        return choosing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DeployWizardViewModel> wizardProperty() {
        return wizard.getReadOnlyProperty();
    }

    public LiveDeploymentViewModel live() {
        return live;
    }

    public HistoryViewModel history() {
        return history;
    }

    /** What the operator calls the environment with this id. */
    public String environmentName(String environmentId) {
        return environmentName.apply(environmentId);
    }

    public DeployDependencies deploys() {
        return deploys;
    }
}
