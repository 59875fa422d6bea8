package io.harbormaster.views.actions;

import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.Ikon;

/**
 * An action's words, icon and shortcut, declared once: the sidebar, the menus, the tooltips and the keyboard
 * shortcuts are all built from it, so they cannot disagree. The shell's own actions are {@link StandardAction}s; a
 * page declares its own as an {@link Action}.
 */
public interface ActionSpec {

    /** Stable and unique: menu items are {@code menu-<id>}. */
    String id();

    String text();

    Ikon icon();

    KeyCombination key();

    String description();

    /** "Clusters  (Ctrl+Shift+C)" and the description below: what a tooltip says. */
    default String tooltip() {
        return text() + "  (" + key().getDisplayText() + ")\n" + description();
    }
}
