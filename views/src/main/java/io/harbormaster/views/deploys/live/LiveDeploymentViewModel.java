package io.harbormaster.views.deploys.live;

import io.harbormaster.model.deploy.DeployService;
import io.harbormaster.model.deploy.DeploymentProgress;
import io.harbormaster.model.deploy.HookAction;
import io.harbormaster.model.deploy.HookDetail;
import io.harbormaster.model.deploy.RevisionSummary;
import io.harbormaster.model.deploy.ServiceDeployments;
import io.harbormaster.model.deploy.ServiceRevisionDetail;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.dialog.DialogService;
import io.harbormaster.views.guard.WriteGuard;
import io.harbormaster.views.guard.WriteRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The live view of one deploy: the latest look ({@link DeployRow#progress()}) and what the operator may do now —
 * continue past a PAUSE hook, roll back now (StopServiceDeployment ROLLBACK), and once it ended roll back to the
 * revision it replaced (a new deploy, opened in the wizard and previewed like any). Each action says why it is not
 * available; the writes go through the write guard.
 */
public final class LiveDeploymentViewModel {

    private final DeployService deploys;
    private final ServiceDeployments deployments;
    private final Supplier<EnvironmentSession> session;
    private final WriteGuard guard;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final BiConsumer<DeployRow, String> rollBackTo;
    private final Function<String, String> environmentName;
    private final ObjectProperty<DeployRow> row = new SimpleObjectProperty<>(this, "row");
    private final ReadOnlyStringWrapper actionStatus = new ReadOnlyStringWrapper(this, "actionStatus", "");
    private final StringBinding continueBlocked;
    private final StringBinding rollbackBlocked;
    private final StringBinding rollBackToBlocked;

    /**
     * @param rollBackTo      opens the wizard for the row's service with this task definition chosen
     * @param environmentName an environment's display name from its id
     */
    public LiveDeploymentViewModel(DeployService deploys, ServiceDeployments deployments,
                                   Supplier<EnvironmentSession> session, WriteGuard guard, TaskExecutor executor,
                                   DialogService dialogs, BiConsumer<DeployRow, String> rollBackTo,
                                   Function<String, String> environmentName) {
        this.deploys = deploys;
        this.deployments = deployments;
        this.session = session;
        this.guard = guard;
        this.executor = executor;
        this.dialogs = dialogs;
        this.rollBackTo = rollBackTo;
        this.environmentName = environmentName;
        continueBlocked = Bindings.createStringBinding(() -> blocked(true, false), row);
        rollbackBlocked = Bindings.createStringBinding(() -> blocked(false, false), row);
        rollBackToBlocked = Bindings.createStringBinding(() -> blocked(false, true), row);
    }

    private String blocked(boolean continuing, boolean afterEnd) {
        DeployRow r = row.get();
        if (r == null || r.progress() == null) {
            return "No deployment to act on yet";
        }
        EnvironmentSession s = session.get();
        if (s == null || !s.environment().id().equals(r.environmentId())) {
            return "Enter " + environmentName(r.environmentId()) + " to act on this deploy";
        }
        String refusal = guard.refusal(s).orElse("");
        if (!refusal.isEmpty()) {
            return refusal;
        }
        DeploymentProgress p = r.progress();
        if (afterEnd) {
            return !p.terminal() ? "Wait for it to end, or roll back now"
                    : p.deployment().sources().isEmpty() ? "ECS names no earlier revision for it" : "";
        }
        if (continuing) {
            return p.deployment().awaitingHook().isPresent() ? "" : "No PAUSE hook is waiting";
        }
        return p.deployment().status().stoppable() ? "" : "It ended " + p.deployment().status();
    }

    /** Answers the waiting PAUSE hook with CONTINUE. */
    public void continueDeployment() {
        DeployRow r = row.get();
        if (!continueBlocked.get().isEmpty()) {
            return;
        }
        HookDetail hook = r.progress().deployment().awaitingHook().orElseThrow();
        if (guard.check(session.get(), new WriteRequest("Continue deploy", r.service().serviceName(),
                "Continue past the pause at " + r.progress().deployment().lifecycleStage())) != WriteGuard.Verdict
                .APPROVED) {
            return;
        }
        write("Continuing " + r.service().serviceName(), () -> deploys.answerHook(session.get(), r.service(),
                r.progress().deployment().arn(), hook.hookId(), HookAction.CONTINUE), "Continued past the pause");
    }

    /** StopServiceDeployment ROLLBACK now. */
    public void rollbackNow() {
        DeployRow r = row.get();
        if (!rollbackBlocked.get().isEmpty()) {
            return;
        }
        if (guard.check(session.get(), new WriteRequest("Roll back deploy", r.service().serviceName(),
                "Stop the deployment and roll " + r.service().serviceName() + " back to what ran before"))
                != WriteGuard.Verdict.APPROVED) {
            return;
        }
        write("Rolling back " + r.service().serviceName(), () -> deploys.rollbackNow(session.get(), r.service(),
                r.progress().deployment().arn()), "Rollback requested: ECS rolls back now");
    }

    /** Finds the revision the deploy replaced and opens the wizard with it chosen. */
    public void rollBackToPrevious() {
        DeployRow r = row.get();
        if (!rollBackToBlocked.get().isEmpty()) {
            return;
        }
        List<String> sources = r.progress().deployment().sources().stream().map(RevisionSummary::arn).toList();
        EnvironmentSession s = session.get();
        executor.submit(BackgroundTask.of("Reading the revision " + r.service().serviceName() + " ran before",
                        () -> deployments.describeRevisions(s, sources).stream()
                                .map(ServiceRevisionDetail::taskDefinitionArn).filter(a -> !a.isBlank()).findFirst())
                .onSuccess((Optional<String> td) -> td.ifPresentOrElse(t -> rollBackTo.accept(r, t),
                        () -> actionStatus.set("ECS no longer describes the earlier revision")))
                .onFailure(dialogs::showProblem));
    }

    private void write(String title, BackgroundTask.Work<?> work, String done) {
        actionStatus.set(title + "…");
        EnvironmentSession s = session.get();
        executor.submit(BackgroundTask.of(title, work)
                .onSuccess(x -> actionStatus.set(done))
                .onFailure(p -> {
                    guard.writeFailed(s, p);
                    actionStatus.set(p.message());
                    dialogs.showProblem(p);
                }));
    }

    /** What the operator calls the environment with this id. */
    public String environmentName(String environmentId) {
        return environmentName.apply(environmentId);
    }

    public ObjectProperty<DeployRow> rowProperty() {
        return row;
    }

    public ReadOnlyStringProperty actionStatusProperty() {
        return actionStatus.getReadOnlyProperty();
    }

    public StringBinding continueBlockedProperty() {
        return continueBlocked;
    }

    public StringBinding rollbackBlockedProperty() {
        return rollbackBlocked;
    }

    public StringBinding rollBackToBlockedProperty() {
        return rollBackToBlocked;
    }
}
