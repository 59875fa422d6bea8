package io.harbormaster.views.stoptask;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.StopTask;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.dialog.DialogService;
import io.harbormaster.views.guard.GuardedButton;
import io.harbormaster.views.guard.WriteGuard;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * "Stop task…" for any page that shows tasks: a button and a menu item, disabled (the button saying why) while no
 * task is selected or the environment takes no writes, and the dialog they open.
 */
public final class StopTaskAction {

    public static final String TEXT = "Stop task…";
    public static final String TOOLTIP = "Stop the selected task, with a reason ECS keeps; its service starts another";

    private final StopTask stopTask;
    private final WriteGuard guard;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Supplier<Window> owner;

    public StopTaskAction(StopTask stopTask, WriteGuard guard, TaskExecutor executor, DialogService dialogs,
            Supplier<Window> owner) {
        this.stopTask = Objects.requireNonNull(stopTask, "stopTask");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    /**
     * The button (id {@code id}) in its holder (id {@code id + "-holder"}), which carries the reason it is disabled.
     *
     * @param afterStopped run on the UI thread after the task was stopped (refresh what shows it)
     */
    public Region button(String id, ObservableValue<EnvironmentSession> session,
            ObservableValue<StopTaskTarget> selected, Runnable afterStopped) {
        return GuardedButton.create(id, TEXT, Material2MZ.STOP_CIRCLE, TOOLTIP, guard.permissionFor(session),
                noTask(selected), () -> open(session.getValue(), selected.getValue(), afterStopped));
    }

    /** The same for a context menu; disabled while the button would be. */
    public MenuItem menuItem(String id, ObservableValue<EnvironmentSession> session,
            ObservableValue<StopTaskTarget> selected, Runnable afterStopped) {
        MenuItem item = new MenuItem(TEXT, new FontIcon(Material2MZ.STOP_CIRCLE));
        item.setId(id);
        WriteGuard.Permission permission = guard.permissionFor(session);
        StringBinding noTask = noTask(selected);
        item.disableProperty().bind(Bindings.createBooleanBinding(() -> !permission.reason().get().isEmpty()
                || !noTask.get().isEmpty(), permission.reason(), noTask));
        item.setOnAction(e -> open(session.getValue(), selected.getValue(), afterStopped));
        return item;
    }

    private static StringBinding noTask(ObservableValue<StopTaskTarget> selected) {
        return Bindings.createStringBinding(() -> selected.getValue() == null ? "Select a task to stop" : "",
                selected);
    }

    /** Opens the dialog for {@code target} in {@code session}. Call on the UI thread. */
    public void open(EnvironmentSession session, StopTaskTarget target, Runnable afterStopped) {
        if (session == null || target == null) {
            return;
        }
        StopTaskDialog dialog = new StopTaskDialog(new StopTaskViewModel(session, target, stopTask, guard, executor,
                dialogs, afterStopped));
        Window window = owner.get();
        if (window != null && window.isShowing()) {
            dialog.initOwner(window);
            dialog.initModality(Modality.WINDOW_MODAL);
        }
        dialog.show();
    }
}
