package io.harbormaster.views.theme;

import java.util.Objects;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.Node;

/** Our style class names, so views and harbormaster.css cannot drift apart silently. */
public final class HarbormasterStyles {

    private HarbormasterStyles() {
    }

    /** The app stylesheet; goes on every scene and dialog pane, after the AtlantaFX user-agent theme. */
    public static String stylesheet() {
        return Objects.requireNonNull(HarbormasterStyles.class.getResource("harbormaster.css"),
                "harbormaster.css missing from the views jar").toExternalForm();
    }

    /**
     * Gives a node a style class or takes it away, changing its list only when the answer changes: each change of a
     * node's style classes matches CSS again for its whole subtree, and a cell that took a class away and put it
     * back on every update (a table's first fill updates each cell several times) paid that each time.
     */
    public static void styleClass(Node node, String styleClass, boolean on) {
        ObservableList<String> classes = node.getStyleClass();
        if (!on) {
            classes.remove(styleClass);
        } else if (!classes.contains(styleClass)) {
            classes.add(styleClass);
        }
    }

    public static final String SHELL = "hm-shell";
    public static final String MONOSPACE = "hm-monospace";
    public static final String MUTED = "hm-muted";

    // Environment bar
    public static final String ENVIRONMENT_BAR = "hm-environment-bar";
    public static final String ENVIRONMENT_ROW = "hm-environment-row";
    public static final String ENVIRONMENT_TOGGLES = "hm-environment-toggles";
    public static final String ENVIRONMENT_SCROLLER = "hm-environment-scroller";
    /** The arrows beside the environments' toggles while they scroll. */
    public static final String ENV_SCROLL_ARROW = "hm-env-scroll-arrow";
    public static final String ENV_TOGGLE = "hm-env-toggle";
    public static final String ENV_SWATCH = "hm-env-swatch";
    public static final String ENV_NAME = "hm-env-name";
    public static final String ENV_DETAIL = "hm-env-detail";
    public static final String ENV_SHORTCUT = "hm-env-shortcut";
    public static final String PRODUCTION_BADGE = "hm-production-badge";
    public static final String PRODUCTION_BANNER = "hm-production-banner";
    public static final String ENTERING = "hm-entering";
    public static final PseudoClass PRODUCTION = PseudoClass.getPseudoClass("production");
    public static final PseudoClass LAST_USED = PseudoClass.getPseudoClass("last-used");

    // Navigation
    public static final String NAV_BAR = "hm-nav-bar";
    public static final String NAV_ITEM = "hm-nav-item";

    // Content
    public static final String CONTENT = "hm-content";
    public static final String PAGE = "hm-page";
    public static final String PAGE_HEADER = "hm-page-header";
    public static final String PAGE_TITLE = "hm-page-title";
    public static final String PAGE_SUBTITLE = "hm-page-subtitle";
    public static final String PLACEHOLDER = "hm-placeholder";
    public static final String PLACEHOLDER_ICON = "hm-placeholder-icon";
    public static final String PLACEHOLDER_TITLE = "hm-placeholder-title";
    public static final String PLACEHOLDER_TEXT = "hm-placeholder-text";
    public static final String NUMERIC = "hm-numeric";
    public static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    // Status bar
    public static final String STATUS_BAR = "hm-status-bar";
    public static final String STATUS_ITEM = "hm-status-item";
    public static final String STATUS_TASKS = "hm-status-tasks";
    public static final PseudoClass EXPIRING = PseudoClass.getPseudoClass("expiring");
    /** The status bar's "as of" while the page in front shows data a failed refresh left old. */
    public static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    /*
     * The states a table's or list's cells take from their item. Pseudo-classes, not style classes: a style class
     * added or taken away matches every selector again for the cell and all it holds (the soak: 52 ms of UI-thread
     * work as prod's rows came in), a pseudo-class moves the cell to styles already matched.
     */
    /** A status other than ACTIVE (a cluster's, a host's): it stands out. */
    public static final PseudoClass STATUS_OTHER = PseudoClass.getPseudoClass("hm-status-other");
    /** ACTIVE: the normal case, quietly green. */
    public static final PseudoClass STATUS_ACTIVE = PseudoClass.getPseudoClass("hm-status-active");
    /** A row listed but not described yet (a large fleet's services). */
    public static final PseudoClass DESCRIBING = PseudoClass.getPseudoClass("hm-describing");
    /** A row showing values from before the running load (a saved fleet). */
    public static final PseudoClass EARLIER = PseudoClass.getPseudoClass("hm-earlier");
    /** A cell of something that needs attention, read in red. */
    public static final PseudoClass ATTENTION = PseudoClass.getPseudoClass("hm-attention");
    /** A log line's level. */
    public static final PseudoClass LOG_ERROR = PseudoClass.getPseudoClass("hm-log-error");
    public static final PseudoClass LOG_WARN = PseudoClass.getPseudoClass("hm-log-warn");

    // Dialogs
    public static final String PROBLEM_DIALOG = "hm-problem-dialog";
    public static final String PROBLEM_HEADER = "hm-problem-header";
    public static final String PROBLEM_ICON = "hm-problem-icon";
    public static final String PROBLEM_TITLE = "hm-problem-title";
    public static final String PROBLEM_NEXT_STEP = "hm-problem-next-step";
    public static final String PROBLEM_CONTENT = "hm-problem-content";
    public static final String MFA_DIALOG = "hm-mfa-dialog";
    /** The sandbox's practice aids (its MFA device's code): plainly not part of any real account. */
    public static final String PRACTICE_BOX = "hm-practice-box";
    public static final String PRACTICE_TITLE = "hm-practice-title";
    /** The marker that the console runs on the embedded sandbox, in the environment bar. */
    public static final String SANDBOX_MARKER = "hm-sandbox-marker";

    // Write guard and settings
    public static final String GUARD_DIALOG = "hm-guard-dialog";
    public static final String GUARD_BAND = "hm-guard-band";
    public static final String GUARD_HEADING = "hm-guard-heading";
    public static final String GUARD_PREVIEW = "hm-guard-preview";
    public static final String GUARD_NAME = "hm-guard-name";
    public static final String GUARD_REFUSAL = "hm-guard-refusal";
    public static final String SETTINGS_DIALOG = "hm-settings-dialog";
    public static final String SETTINGS_SECTION = "hm-settings-section";
    public static final String CANDIDATE_PROBLEM = "hm-candidate-problem";
    public static final String ENV_SESSION_LEFT = "hm-env-session-left";

    // Side by side
    public static final String SPLIT_HALF = "hm-split-half";
    /** The side-by-side divider while the second half is closed: no width. */
    public static final String SPLIT_DIVIDER_CLOSED = "hm-split-divider-closed";
    public static final String SPLIT_BAND = "hm-split-band";
    public static final String SPLIT_BAND_DETAIL = "hm-split-band-detail";
}
