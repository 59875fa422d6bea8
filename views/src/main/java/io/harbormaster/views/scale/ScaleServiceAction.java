package io.harbormaster.views.scale;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.ScaleService;
import io.harbormaster.views.actions.ActionFactory;
import io.harbormaster.views.actions.StandardAction;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.dialog.DialogService;
import io.harbormaster.views.guard.WriteGuard;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Scale service…" for any page that has a selected service: a button disabled (with the reason in its tooltip)
 * while nothing is selected or the environment takes no writes, and the dialog it opens.
 */
public final class ScaleServiceAction {

    private final ScaleService scaleService;
    private final WriteGuard guard;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Supplier<Window> owner;

    public ScaleServiceAction(ScaleService scaleService, WriteGuard guard, TaskExecutor executor,
            DialogService dialogs, Supplier<Window> owner) {
        this.scaleService = Objects.requireNonNull(scaleService, "scaleService");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    /**
     * The button (id {@code scale-service}) inside a holder (id {@code scale-service-holder}) that carries the
     * tooltip: JavaFX shows no tooltip on a disabled control, and the reason it is disabled is the point.
     *
     * @param session     the environment the page shows
     * @param selected    the service selected on the page (null for none)
     * @param afterScaled run on the UI thread after a successful scale (refresh the page)
     */
    public Region button(ObservableValue<EnvironmentSession> session, ObservableValue<ScaleTarget> selected,
            Runnable afterScaled) {
        WriteGuard.Permission permission = guard.permissionFor(session);
        StringBinding reason = Bindings.createStringBinding(() -> {
            if (!permission.reason().get().isEmpty()) {
                return permission.reason().get();
            }
            return selected.getValue() == null ? "Select a service to scale" : "";
        }, permission.reason(), selected);
        BooleanBinding enabled = Bindings.createBooleanBinding(() -> reason.get().isEmpty(), reason);

        StandardAction action = StandardAction.SCALE_SERVICE;
        Button button = new Button(action.text(), new FontIcon(action.icon()));
        button.setId("scale-service");
        button.disableProperty().bind(enabled.not());
        Tooltip tooltip = ActionFactory.tooltip(action.tooltip());
        tooltip.textProperty().bind(Bindings.createStringBinding(() -> reason.get().isEmpty() ? action.tooltip()
                : action.text() + " is not available:\n" + reason.get(), reason));
        button.setOnAction(event -> open(session.getValue(), selected.getValue(), afterScaled));
        StackPane holder = new StackPane(button);
        holder.setId("scale-service-holder");
        holder.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        Tooltip.install(holder, tooltip);
        // Held by the holder so the bindings live as long as it does.
        holder.getProperties().put(ScaleServiceAction.class, new Object[] {permission, reason, enabled, tooltip});
        return holder;
    }

    /** Opens the dialog for {@code target} in {@code session}. Call on the UI thread. */
    public void open(EnvironmentSession session, ScaleTarget target, Runnable afterScaled) {
        if (session == null || target == null) {
            return;
        }
        ScaleServiceDialog dialog = new ScaleServiceDialog(new ScaleServiceViewModel(session, target, scaleService,
                guard, executor, dialogs, afterScaled));
        Window window = owner.get();
        if (window != null && window.isShowing()) {
            dialog.initOwner(window);
            dialog.initModality(Modality.WINDOW_MODAL);
        }
        dialog.show();
    }
}
