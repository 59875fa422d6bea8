package io.harbormaster.views.actions;

import java.util.Objects;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.Ikon;

/** An action a feature declares for itself (a page's entry in the sidebar, a shortcut into one of its tabs). */
public record Action(String id, String text, Ikon icon, KeyCombination key, String description) implements ActionSpec {

    public Action {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(icon, "icon");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(description, "description");
    }

    /** @param key a {@link KeyCombination} in text: "Shortcut+Shift+H" (Shortcut is Ctrl, or Cmd on macOS) */
    public static Action of(String id, String text, Ikon icon, String key, String description) {
        return new Action(id, text, icon, KeyCombination.valueOf(key), description);
    }
}
