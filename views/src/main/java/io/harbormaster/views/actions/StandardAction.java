package io.harbormaster.views.actions;

import java.util.Optional;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Every action the shell offers, declared once: its words, its icon and its shortcut. The sidebar, the menus,
 * the tooltips and the keyboard shortcuts are all built from here, so they cannot disagree.
 * "Shortcut" is Ctrl on Linux and Windows, Cmd on macOS.
 */
public enum StandardAction {

    NAV_CLUSTERS("Clusters", Material2MZ.WIDGETS, "Shortcut+Shift+C", "ECS clusters in the current environment"),
    NAV_SERVICES("Services", Material2AL.LAYERS, "Shortcut+Shift+S", "Services, their tasks and deployments"),
    NAV_ALL_ENVIRONMENTS("All envs", Material2AL.APPS, "Shortcut+Shift+A",
            "One Services table across every environment you tick, each row tagged with its environment"),
    NAV_COMPARE("Compare", Material2AL.COMPARE_ARROWS, "Shortcut+Shift+O",
            "A service here beside the same service in another environment, differences highlighted"),
    NAV_HOSTS("Hosts", Material2AL.DNS, "Shortcut+Shift+H", "Container instances and how tasks are packed"),
    NAV_METRICS("Metrics", Material2MZ.SHOW_CHART, "Shortcut+Shift+M", "Live CloudWatch metrics and load heat map"),
    NAV_DEPLOYS("Deploys", Material2MZ.PUBLISH, "Shortcut+Shift+D", "Roll out a new image, step by step"),
    NAV_CUTOVERS("Cutovers", Material2AL.CALL_SPLIT, "Shortcut+Shift+U", "Weighted blue/green traffic shifts"),
    SHOW_NOISE_MAP("Noise map", Material2AL.GRID_ON, "Shortcut+Shift+N",
            "Load across hosts as a heat map over a floor plan, with 24 h replay"),
    SHOW_LOGS("Logs", Material2MZ.SUBJECT, "Shortcut+Shift+L", "Tail a service's CloudWatch Logs"),

    PALETTE("Go to…", Material2MZ.SEARCH, "Shortcut+K",
            "Find any cluster, service, host or task of the current fleet by part of its name and go there"),
    FILTER("Filter", Material2MZ.SEARCH, "Shortcut+F", "Jump to the current list's filter"),
    REFRESH("Refresh", Material2MZ.REFRESH, "F5", "Reload what the current view shows"),
    TOGGLE_THEME("Toggle light/dark theme", Material2AL.BRIGHTNESS_4, "Shortcut+T", "Switch between light and dark"),
    QUIT("Quit", Material2AL.EXIT_TO_APP, "Shortcut+Q", "Close Harbormaster"),

    OPEN_SANDBOX("Open the sandbox", Material2MZ.SCHOOL, "Shortcut+Shift+P",
            "Switch to a local AWS with a living fleet to practise on; nothing you do there reaches your accounts"),
    ENVIRONMENTS("Environments…", Material2MZ.SETTINGS, "Shortcut+COMMA",
            "Add, edit, order, import and export environments; add profiles found in your AWS configuration"),
    SIDE_BY_SIDE("Side by side", Material2MZ.VERTICAL_SPLIT, "Shortcut+Shift+B",
            "Open a second environment beside the current one (e.g. stage beside prod)"),
    SCALE_SERVICE("Scale service…", Material2AL.EXPOSURE, "Shortcut+Shift+K",
            "Set how many tasks the selected service runs"),
    ABOUT("About Harbormaster", Material2AL.INFO, "F1",
            "Version, data directory and log file: what a bug report needs");

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

    public String text() {
        return text;
    }

    public Ikon icon() {
        return icon;
    }

    public KeyCombination key() {
        return key;
    }

    public String description() {
        return description;
    }

    /** "Clusters (Ctrl+Shift+C)" — what a tooltip says. */
    public String tooltip() {
        return text + "  (" + key.getDisplayText() + ")\n" + description;
    }

    /** Ctrl+1 … Ctrl+9 enter the environment at that position in the bar. */
    public static Optional<KeyCombination> environmentKey(int position) {
        if (position < 1 || position > ENVIRONMENT_SHORTCUTS) {
            return Optional.empty();
        }
        return Optional.of(KeyCombination.valueOf("Shortcut+" + position));
    }
}
