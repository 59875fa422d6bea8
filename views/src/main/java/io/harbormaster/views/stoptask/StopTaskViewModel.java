package io.harbormaster.views.stoptask;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.StopTask;
import io.harbormaster.model.fleet.StopTaskCommand;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.dialog.DialogService;
import io.harbormaster.views.guard.WriteGuard;
import io.harbormaster.views.guard.WriteRequest;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The stop-task dialog's state: the task, what ECS will do, the reason typed and whether ECS would take it, and the
 * write itself (through the guard, then in the background). Closes itself by reaching {@link State#DONE}.
 */
public final class StopTaskViewModel {

    public enum State { EDITING, STOPPING, DONE }

    private final EnvironmentSession session;
    private final StopTaskTarget target;
    private final StopTask stopTask;
    private final WriteGuard guard;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Runnable afterStopped;

    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.EDITING);
    private final StringBinding validationMessage;
    private final StringBinding count;
    private final String refusal;
    private final BooleanBinding canSubmit;

    public StopTaskViewModel(EnvironmentSession session, StopTaskTarget target, StopTask stopTask, WriteGuard guard,
            TaskExecutor executor, DialogService dialogs, Runnable afterStopped) {
        this.session = Objects.requireNonNull(session, "session");
        this.target = Objects.requireNonNull(target, "target");
        this.stopTask = Objects.requireNonNull(stopTask, "stopTask");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.afterStopped = Objects.requireNonNull(afterStopped, "afterStopped");
        validationMessage = Bindings.createStringBinding(() -> StopTaskCommand.reasonProblem(reason.get()), reason);
        count = Bindings.createStringBinding(() -> {
            String text = reason.get() == null ? "" : reason.get().strip();
            return text.codePointCount(0, text.length()) + " / " + StopTaskCommand.MAX_REASON;
        }, reason);
        refusal = guard.refusal(session).orElse("");
        canSubmit = Bindings.createBooleanBinding(() -> validationMessage.get().isEmpty() && refusal.isEmpty()
                && state.get() == State.EDITING, validationMessage, state);
    }

    /** What ECS will do: the task drains and stops, and whether its service starts another. */
    public String preview() {
        String of = target.serviceName().isEmpty() ? "" : " of " + target.serviceName();
        String on = target.host().isEmpty() ? "" : " on " + target.host();
        String text = "ECS stops task " + target.taskId() + of + on + " (cluster " + target.clusterName() + "): "
                + "its containers get SIGTERM, then SIGKILL once their stop timeout has passed.";
        if (target.serviceName().isEmpty()) {
            return text + "\nNo service runs it: nothing starts a replacement.";
        }
        if (target.desiredCount() == 0) {
            return text + "\n" + target.serviceName() + "'s desired count is 0: no replacement is started.";
        }
        return text + "\nThe service scheduler starts a replacement: " + target.serviceName()
                + "'s desired count stays at " + target.desiredCount() + ".";
    }

    /**
     * Stops the task, if the guard lets it: refused in a read-only environment, the task id asked for in
     * production. Call on the UI thread.
     */
    public void submit() {
        if (!canSubmit.get()) {
            return;
        }
        StopTaskCommand command = new StopTaskCommand(target.cluster(), target.task(), target.service(),
                reason.get());
        WriteRequest request = new WriteRequest("Stop task", target.taskId(), preview() + "\nReason: "
                + command.reason());
        if (guard.check(session, request) != WriteGuard.Verdict.APPROVED) {
            return;
        }
        state.set(State.STOPPING);
        executor.submit(BackgroundTask.run("Stopping task " + target.taskId() + " in "
                        + session.environment().displayName(), () -> stopTask.stop(session, command))
                .onSuccess(done -> {
                    state.set(State.DONE);
                    afterStopped.run();
                })
                .onFailure(problem -> {
                    guard.writeFailed(session, problem);
                    state.set(State.EDITING);
                    dialogs.showProblem(problem);
                }));
    }

    public EnvironmentSession session() {
        return session;
    }

    public StopTaskTarget target() {
        return target;
    }

    /** Why the task is stopped: ECS shows it as the stopped task's reason. */
    public StringProperty reasonProperty() {
        return reason;
    }

    /** What is wrong with the reason typed; empty when ECS would take it. */
    public StringBinding validationMessageProperty() {
        return validationMessage;
    }

    /** "12 / 255". */
    public StringBinding countProperty() {
        return count;
    }

    /** Why this environment takes no writes; empty when it does. */
    public String refusal() {
        return refusal;
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }
}
