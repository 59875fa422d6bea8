package io.harbormaster.views.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.deploys.DeploysPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

/**
 * No declared shortcut is one the desktop takes before the window sees it: "Shortcut" is Ctrl on Linux and Cmd on
 * macOS, so each key is checked in both readings.
 */
class DesktopShortcutsTest {

    /** GNOME, KDE and Xfce: show desktop, terminal, lock screen, log out, workspaces, kill a window. */
    private static final Set<String> LINUX = Set.of("Ctrl+Alt+D", "Ctrl+Alt+T", "Ctrl+Alt+L", "Ctrl+Alt+DELETE",
            "Ctrl+Alt+ESCAPE", "Ctrl+Alt+LEFT", "Ctrl+Alt+RIGHT", "Ctrl+Alt+UP", "Ctrl+Alt+DOWN");
    /** macOS: Dock hiding, force quit, screenshots, log out, hide, minimise, Spotlight, app switcher. */
    private static final Set<String> MAC = Set.of("Cmd+Alt+D", "Cmd+Alt+ESCAPE", "Cmd+Shift+DIGIT3",
            "Cmd+Shift+DIGIT4", "Cmd+Shift+DIGIT5", "Cmd+Shift+Q", "Cmd+H", "Cmd+Alt+H", "Cmd+M", "Cmd+SPACE",
            "Cmd+TAB");

    @Test
    void noDeclaredShortcutIsTakenByTheDesktop() {
        List<ActionSpec> declared = new ArrayList<>(List.of(StandardAction.values()));
        declared.add(DeploysPage.DEPLOY);
        for (ActionSpec action : declared) {
            assertThat(reading(action.key(), "Ctrl")).as(action.id() + " on Linux").isNotIn(LINUX);
            assertThat(reading(action.key(), "Cmd")).as(action.id() + " on macOS").isNotIn(MAC);
        }
    }

    @Test
    void deployIsNotCtrlAltD() {
        assertThat(reading(DeploysPage.DEPLOY.key(), "Ctrl")).isEqualTo("Ctrl+D");
    }

    /** The key as the desktop sees it, with Shortcut read as {@code shortcut}. */
    private static String reading(KeyCombination key, String shortcut) {
        StringBuilder out = new StringBuilder();
        if (key.getShortcut() == KeyCombination.ModifierValue.DOWN) {
            out.append(shortcut).append('+');
        }
        if (key.getAlt() == KeyCombination.ModifierValue.DOWN) {
            out.append("Alt+");
        }
        if (key.getShift() == KeyCombination.ModifierValue.DOWN) {
            out.append("Shift+");
        }
        return out.append(key instanceof KeyCodeCombination code ? code.getCode().name() : key.getName()).toString();
    }
}
