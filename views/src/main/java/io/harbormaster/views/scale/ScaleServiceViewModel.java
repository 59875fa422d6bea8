package io.harbormaster.views.scale;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.ScaleService;
import io.harbormaster.model.fleet.ScaleServiceCommand;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.dialog.DialogService;
import io.harbormaster.views.guard.GuardedWrite;
import io.harbormaster.views.guard.WriteGuard;
import io.harbormaster.views.guard.WriteRequest;
import java.util.Objects;
import java.util.OptionalInt;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The scale dialog's state: the service, its count now, the count typed, whether it is a valid change, and the
 * write itself (through the guard, then in the background). Closes itself by reaching {@link State#DONE}.
 */
public final class ScaleServiceViewModel {

    public enum State { EDITING, SCALING, DONE }

    private final EnvironmentSession session;
    private final ScaleTarget target;
    private final ScaleService scaleService;
    private final WriteGuard guard;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Runnable afterScaled;

    private final StringProperty desired = new SimpleStringProperty(this, "desired");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.EDITING);
    private final StringBinding validationMessage;
    private final BooleanBinding valid;
    private final StringBinding preview;
    private final String refusal;
    private final BooleanBinding canSubmit;

    public ScaleServiceViewModel(EnvironmentSession session, ScaleTarget target, ScaleService scaleService,
            WriteGuard guard, TaskExecutor executor, DialogService dialogs, Runnable afterScaled) {
        this.session = Objects.requireNonNull(session, "session");
        this.target = Objects.requireNonNull(target, "target");
        this.scaleService = Objects.requireNonNull(scaleService, "scaleService");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.afterScaled = Objects.requireNonNull(afterScaled, "afterScaled");
        desired.set(Integer.toString(target.desiredCount()));
        validationMessage = Bindings.createStringBinding(this::explain, desired);
        valid = Bindings.createBooleanBinding(() -> validationMessage.get().isEmpty(), validationMessage);
        preview = Bindings.createStringBinding(this::describeChange, desired);
        refusal = guard.refusal(session).orElse("");
        canSubmit = Bindings.createBooleanBinding(() -> valid.get() && refusal.isEmpty()
                && state.get() == State.EDITING, valid, state);
    }

    private OptionalInt parsed() {
        String text = desired.get() == null ? "" : desired.get().strip();
        if (!text.matches("\\d{1,6}")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(text));
    }

    private String explain() {
        String text = desired.get() == null ? "" : desired.get().strip();
        if (text.isEmpty()) {
            return "Enter the number of tasks " + target.serviceName() + " should run.";
        }
        OptionalInt count = parsed();
        if (count.isEmpty()) {
            return "A whole number of tasks, 0 to " + ScaleServiceCommand.MAX_DESIRED + ".";
        }
        if (count.getAsInt() > ScaleServiceCommand.MAX_DESIRED) {
            return "At most " + ScaleServiceCommand.MAX_DESIRED + " tasks (the ECS limit).";
        }
        if (count.getAsInt() == target.desiredCount()) {
            return target.serviceName() + " already runs " + target.desiredCount() + " — enter a different count.";
        }
        return "";
    }

    private String describeChange() {
        OptionalInt count = parsed();
        String now = Integer.toString(target.desiredCount());
        String next = count.isPresent() ? Integer.toString(count.getAsInt()) : "?";
        String text = "Desired count " + now + " → " + next + "  (" + target.serviceName() + ", cluster "
                + target.clusterName() + ")";
        if (count.isPresent() && count.getAsInt() == 0) {
            text += "\nThe service will stop all of its tasks.";
        } else if (count.isPresent() && count.getAsInt() < target.desiredCount()) {
            text += "\n" + tasks(target.desiredCount() - count.getAsInt()) + " will be stopped.";
        } else if (count.isPresent() && count.getAsInt() > target.desiredCount()) {
            text += "\n" + tasks(count.getAsInt() - target.desiredCount()) + " will be started.";
        }
        return text;
    }

    private static String tasks(int n) {
        return n == 1 ? "1 task" : n + " tasks";
    }

    /**
     * Scales, if the guard lets it: refused in a read-only environment, the typed name asked for in production.
     * Call on the UI thread.
     */
    public void submit() {
        if (!canSubmit.get()) {
            return;
        }
        ScaleServiceCommand command = new ScaleServiceCommand(target.cluster(), target.service(),
                parsed().getAsInt(), OptionalInt.of(target.desiredCount()));
        WriteRequest request = new WriteRequest("Scale service", target.serviceName(), describeChange());
        new GuardedWrite(guard, executor, dialogs).submit(session, request, "Scaling " + target.serviceName() + " in "
                        + session.environment().displayName() + " to " + command.desiredCount(),
                () -> scaleService.scale(session, command), new GuardedWrite.Outcome(
                        () -> state.set(State.SCALING),
                        () -> {
                            state.set(State.DONE);
                            afterScaled.run();
                        },
                        () -> state.set(State.EDITING)));
    }

    public EnvironmentSession session() {
        return session;
    }

    public ScaleTarget target() {
        return target;
    }

    public StringProperty desiredProperty() {
        return desired;
    }

    public StringBinding validationMessageProperty() {
        return validationMessage;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public StringBinding previewProperty() {
        return preview;
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
