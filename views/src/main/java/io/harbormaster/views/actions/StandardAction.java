package io.harbormaster.views.actions;

import java.util.Optional;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The shell's own actions, declared once: their words, icons and shortcuts. Pages declare theirs with their
 * contribution ({@code io.harbormaster.views.page.PageContribution}). "Shortcut" is Ctrl on Linux and Windows, Cmd on
 * macOS.
 */
public enum StandardAction implements ActionSpec {

    PALETTE("Go to…", Material2MZ.SEARCH, "Shortcut+K",
            "Find any cluster, service, host or task of the current fleet by part of its name and go there"),
    FILTER("Filter", Material2MZ.SEARCH, "Shortcut+F", "Jump to the current list's filter"),
    REFRESH("Refresh", Material2MZ.REFRESH, "F5", "Reload what the current view shows"),
    TOGGLE_THEME("Toggle light/dark theme", Material2AL.BRIGHTNESS_4, "Shortcut+T", "Switch between light and dark"),
    QUIT("Quit", Material2AL.EXIT_TO_APP, "Shortcut+Q", "Close Harbormaster"),

    OPEN_SANDBOX("Open the sandbox", Material2MZ.SCHOOL, "Shortcut+Shift+P",
            "Switch to a local AWS with a living fleet to practise on; nothing you do there reaches your accounts"),
    OPEN_OWN_AWS("Back to your own AWS configuration", Material2AL.CLOUD, "Shortcut+Alt+P",
            "Leave the sandbox for the environments of your own ~/.aws configuration"),
    RELOAD_AWS("Reload AWS configuration", Material2MZ.REFRESH, "Shortcut+Shift+R",
            "Read your AWS config and credentials files again, after fixing or changing them"),
    ENVIRONMENTS("Environments…", Material2MZ.SETTINGS, "Shortcut+COMMA",
            "Add, edit, order, import and export environments; add profiles found in your AWS configuration"),
    SIDE_BY_SIDE("Side by side", Material2MZ.VERTICAL_SPLIT, "Shortcut+Shift+B",
            "Open a second environment beside the current one (e.g. stage beside prod)"),
    SCALE_SERVICE("Scale service…", Material2AL.EXPOSURE, "Shortcut+Shift+K",
            "Set how many tasks the selected service runs"),
    SHORTCUTS("Keyboard shortcuts", Material2AL.KEYBOARD, "Shortcut+SLASH",
            "Every action's shortcut, as the menus and the palette know them"),
    README("README", Material2AL.DESCRIPTION, "Shift+F1",
            "What Harbormaster does, how to run it and the sandbox's users"),
    ABOUT("About Harbormaster", Material2AL.INFO, "F1",
            "Version, data directory, log file and the AWS files read: what a bug report needs");

    /** How many environments get a Ctrl+N shortcut. */
    public static final int ENVIRONMENT_SHORTCUTS = 9;

    private final String text;
    private final Ikon icon;
    private final KeyCombination key;
    private final String description;

    StandardAction(String text, Ikon icon, String key, String description) {
        this.text = text;
        this.icon = icon;
        this.key = KeyCombination.valueOf(key);
        this.description = description;
    }

    @Override
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public Ikon icon() {
        return icon;
    }

    @Override
    public KeyCombination key() {
        return key;
    }

    @Override
    public String description() {
        return description;
    }

    /** Ctrl+1 … Ctrl+9 enter the environment at that position in the bar. */
    public static Optional<KeyCombination> environmentKey(int position) {
        if (position < 1 || position > ENVIRONMENT_SHORTCUTS) {
            return Optional.empty();
        }
        return Optional.of(KeyCombination.valueOf("Shortcut+" + position));
    }
}
