package io.harbormaster.views.actions;

import io.harbormaster.views.theme.HarbormasterStyles;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Builds menu items, sidebar buttons and scene shortcuts from actions bound to commands. Two actions on one
 * shortcut or one id are refused when bound: the second would silently win.
 */
public final class ActionFactory {

    private final Map<ActionSpec, Command> commands = new LinkedHashMap<>();

    public ActionFactory bind(ActionSpec action, Command command) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(command, "command");
        for (ActionSpec bound : commands.keySet()) {
            if (!bound.equals(action) && (bound.key().equals(action.key()) || bound.id().equals(action.id()))) {
                throw new IllegalArgumentException(action.id() + " (" + action.key().getName() + ") clashes with "
                        + bound.id() + " (" + bound.key().getName() + ")");
            }
        }
        commands.put(action, command);
        return this;
    }

    /** Every bound action, in the order bound: what the keyboard-shortcut list and the palette offer. */
    public java.util.List<ActionSpec> actions() {
        return java.util.List.copyOf(commands.keySet());
    }

    public Command command(ActionSpec action) {
        Command command = commands.get(action);
        if (command == null) {
            throw new IllegalStateException(action + " has no command bound");
        }
        return command;
    }

    public MenuItem menuItem(ActionSpec action) {
        Command command = command(action);
        MenuItem item = new MenuItem(action.text(), new FontIcon(action.icon()));
        item.setId("menu-" + action.id());
        item.setAccelerator(action.key());
        item.disableProperty().bind(Bindings.not(command.enabled()));
        item.setOnAction(event -> command.fire());
        return item;
    }

    /** A sidebar entry: icon above text, shortcut in the tooltip (made on hover). Selection is the caller's to bind. */
    public ToggleButton navButton(ActionSpec action, String id) {
        Command command = command(action);
        FontIcon icon = new FontIcon(action.icon());
        ToggleButton button = new ToggleButton(action.text(), icon);
        button.setId(id);
        button.getStyleClass().add(HarbormasterStyles.NAV_ITEM);
        button.setMaxWidth(Double.MAX_VALUE);
        tooltipOnHover(button, action.tooltip());
        button.disableProperty().bind(Bindings.not(command.enabled()));
        button.setOnAction(event -> command.fire());
        return button;
    }

    /** Registers every bound action's shortcut on the scene, whether or not a menu shows it. */
    public void installShortcuts(Scene scene) {
        commands.forEach((action, command) -> scene.getAccelerators().put(action.key(), command::fire));
    }

    public static void installShortcut(Scene scene, KeyCombination key, Runnable action) {
        scene.getAccelerators().put(key, action);
    }

    /**
     * Gives {@code control} its tooltip the first time the pointer comes over it. A tooltip is a popup window with
     * a scene of its own: the sidebar's made up front were a tenth of the FX thread's work before the first paint.
     */
    public static void tooltipOnHover(Control control, String text) {
        EventHandler<MouseEvent> firstHover = new EventHandler<>() {
            @Override
            public void handle(MouseEvent event) {
                control.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                if (control.getTooltip() == null) {
                    control.setTooltip(tooltip(text));
                }
            }
        };
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, firstHover);
    }

    public static Tooltip tooltip(String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setShowDelay(Duration.millis(400));
        return tooltip;
    }
}
