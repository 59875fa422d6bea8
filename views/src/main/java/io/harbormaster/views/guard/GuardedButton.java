package io.harbormaster.views.guard;

import io.harbormaster.views.actions.ActionFactory;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A write's button (Deploy…, Stop task…): disabled while the environment takes no writes or nothing fit is chosen,
 * the reason in its holder's tooltip, since JavaFX shows no tooltip on a disabled control and the reason is the point.
 */
public final class GuardedButton {

    private GuardedButton() {
    }

    /**
     * @param id            the button's id; its holder's is {@code id + "-holder"}
     * @param permission    the write guard's verdict for the page's environment
     * @param choiceProblem why the chosen thing cannot be written to; empty when it can
     * @param open          what the button does once enabled
     * @return the holder, with the button inside
     */
    public static Region create(String id, String text, Ikon icon, String tooltipText,
            WriteGuard.Permission permission, ObservableStringValue choiceProblem, Runnable open) {
        StringBinding reason = Bindings.createStringBinding(() -> !permission.reason().get().isEmpty()
                ? permission.reason().get() : choiceProblem.get(), permission.reason(), choiceProblem);
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE); // a cut label says nothing: the header's other parts give way first
        button.disableProperty().bind(reason.isNotEmpty());
        button.setOnAction(e -> open.run());
        String name = text.endsWith("…") ? text.substring(0, text.length() - 1) : text;
        Tooltip tooltip = ActionFactory.tooltip(tooltipText);
        tooltip.textProperty().bind(Bindings.createStringBinding(() -> reason.get().isEmpty() ? tooltipText
                : name + " is not available:\n" + reason.get(), reason));
        StackPane holder = new StackPane(button);
        holder.setId(id + "-holder");
        holder.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        Tooltip.install(holder, tooltip);
        // Held by the holder so the bindings live as long as it does.
        holder.getProperties().put(GuardedButton.class, new Object[] {permission, reason, tooltip});
        return holder;
    }
}
