package io.harbormaster.views.shared.deploy;

import io.harbormaster.views.actions.ActionFactory;
import io.harbormaster.views.guard.WriteGuard;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * "Deploy…" wherever a deploy starts (Services header, Deploys page): disabled with the reason in its holder's
 * tooltip (JavaFX shows none on a disabled control) while the environment takes no writes or nothing is chosen.
 */
public final class DeployButton {

    public static final String TOOLTIP = "Roll out a new image or revision to the selected service(s), step by step";

    private DeployButton() {
    }

    /**
     * @param id          the button's id; its holder's is {@code id + "-holder"}
     * @param permission  the write guard's verdict for the page's environment
     * @param choiceProblem why nothing can be deployed from the selection; empty when something can
     */
    public static Region create(String id, WriteGuard.Permission permission, ObservableStringValue choiceProblem,
                                Runnable open) {
        StringBinding reason = Bindings.createStringBinding(() -> !permission.reason().get().isEmpty()
                ? permission.reason().get() : choiceProblem.get(), permission.reason(), choiceProblem);
        Button button = new Button("Deploy…", new FontIcon(Material2AL.CLOUD_UPLOAD));
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE); // "Deplo…" says nothing: the header's other parts give way first
        button.disableProperty().bind(reason.isNotEmpty());
        button.setOnAction(e -> open.run());
        Tooltip tooltip = ActionFactory.tooltip(TOOLTIP);
        tooltip.textProperty().bind(Bindings.createStringBinding(() -> reason.get().isEmpty() ? TOOLTIP
                : "Deploy is not available:\n" + reason.get(), reason));
        StackPane holder = new StackPane(button);
        holder.setId(id + "-holder");
        holder.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        Tooltip.install(holder, tooltip);
        holder.getProperties().put(DeployButton.class, new Object[] {permission, reason, tooltip});
        return holder;
    }
}
