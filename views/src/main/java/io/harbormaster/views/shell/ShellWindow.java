package io.harbormaster.views.shell;

import io.harbormaster.model.environment.PracticeWorld;
import io.harbormaster.model.settings.UiStateStore;
import io.harbormaster.views.actions.ActionFactory;
import io.harbormaster.views.actions.Command;
import io.harbormaster.views.actions.OfferedCommand;
import io.harbormaster.views.actions.ShortcutsDialog;
import io.harbormaster.views.actions.StandardAction;
import io.harbormaster.views.concurrent.UiThread;
import io.harbormaster.views.dialog.AboutDialog;
import io.harbormaster.views.dialog.AppInfo;
import io.harbormaster.views.dialog.DialogService;
import io.harbormaster.views.dialog.FxDialogService;
import io.harbormaster.views.environment.FxMfaPrompt;
import io.harbormaster.views.environment.SandboxMarking;
import io.harbormaster.views.guard.FxTypedConfirmation;
import io.harbormaster.views.page.PageCommand;
import io.harbormaster.views.page.PageContribution;
import io.harbormaster.views.settings.EnvironmentSettingsDialog;
import io.harbormaster.views.settings.EnvironmentSettingsViewModel;
import io.harbormaster.views.theme.ThemeManager;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The main window: builds the shell into a stage, applies the theme, installs the shortcuts, restores the
 * window's geometry, shows it and loads the environment list. What it restores is read by {@link #prepare} off the
 * UI thread (the UI state is on disk); {@link #show} then runs on the UI thread.
 */
public final class ShellWindow {

    static final String X = "window.x";
    static final String Y = "window.y";
    static final String WIDTH = "window.width";
    static final String HEIGHT = "window.height";

    private static final double DEFAULT_WIDTH = 1280;
    private static final double DEFAULT_HEIGHT = 800;
    private static final System.Logger LOG = System.getLogger(ShellWindow.class.getName());

    private final Stage stage;
    private final ShellViewModel viewModel;
    private final ShellView view;
    private final Scene scene;
    private final ThemeManager theme;
    private final DialogService dialogs;
    private final ActionFactory actions = new ActionFactory();
    private final OfferedCommand openSandbox = new OfferedCommand();
    private final OfferedCommand openOwnAws = new OfferedCommand();
    private final OfferedCommand reloadAws = new OfferedCommand();
    private final OfferedCommand readme = new OfferedCommand();

    /**
     * The window's dependencies and the UI state it restores, read up front. {@link ThemeManager} and the geometry
     * read their keys from here without touching the store; writes go through to it.
     */
    public static final class Prepared {
        private final ShellDependencies deps;
        private final RememberedState remembered;
        private final AppInfo info;
        private final Optional<PracticeWorld> practice;

        private Prepared(ShellDependencies deps, RememberedState remembered, AppInfo info,
                Optional<PracticeWorld> practice) {
            this.deps = deps;
            this.remembered = remembered;
            this.info = info;
            this.practice = practice;
        }
    }

    private ShellWindow(Stage stage, Prepared prepared) {
        this.stage = stage;
        ShellDependencies deps = prepared.deps;
        UiStateStore remembered = prepared.remembered;
        dialogs = new FxDialogService(() -> stage, prepared.info);
        theme = new ThemeManager(remembered, deps.executor());
        // Only the embedded sandbox's practice devices have codes to show; real AWS has none.
        viewModel = new ShellViewModel(deps, dialogs, new FxMfaPrompt(() -> stage, serial -> prepared.practice
                .flatMap(world -> world.currentCode(serial))), new FxTypedConfirmation(() -> stage));
        viewModel.sandboxProperty().set(prepared.practice.map(SandboxMarking::of).orElse(null));

        for (PageContribution page : viewModel.contributions()) {
            actions.bind(page.action(), Command.always(() -> viewModel.navigate(page.id())));
            for (PageCommand command : viewModel.page(page.id()).commands()) {
                actions.bind(command.action(), Command.unless(() -> {
                    viewModel.navigate(page.id());
                    command.then().run();
                }, command.unavailable()));
            }
        }
        actions.bind(StandardAction.REFRESH, new Command(viewModel::refresh, viewModel.canRefreshProperty()));
        actions.bind(StandardAction.TOGGLE_THEME, Command.always(theme::toggle));
        actions.bind(StandardAction.QUIT, Command.always(
                () -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST))));
        actions.bind(StandardAction.ENVIRONMENTS, Command.always(() -> showEnvironments(stage, viewModel
                .newEnvironmentSettings())));
        actions.bind(StandardAction.PALETTE, Command.always(viewModel.palette()::open));
        actions.bind(StandardAction.OPEN_SANDBOX, openSandbox.command());
        actions.bind(StandardAction.OPEN_OWN_AWS, openOwnAws.command());
        actions.bind(StandardAction.RELOAD_AWS, reloadAws.command());
        actions.bind(StandardAction.README, readme.command());
        actions.bind(StandardAction.SHORTCUTS, Command.always(() -> ShortcutsDialog.show(stage, actions.actions())));
        actions.bind(StandardAction.SIDE_BY_SIDE, Command.always(viewModel.sideBySide()::toggle));
        actions.bind(StandardAction.ABOUT, Command.always(() -> AboutDialog.show(stage, prepared.info)));
        // FILTER needs the view; bound below once it exists.
        ShellView[] built = new ShellView[1];
        actions.bind(StandardAction.FILTER, Command.always(() -> built[0].focusFilter()));

        view = new ShellView(viewModel, actions);
        built[0] = view;
        view.environmentBar().sandboxProperty().bind(viewModel.sandboxProperty());
        viewModel.palette().offerActions(actions.actions(), actions::command);
        viewModel.pauseWhileHidden(io.harbormaster.views.lifecycle.Showing.of(view));
        scene = new Scene(view, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        theme.style(scene);
        actions.installShortcuts(scene);
        for (int position = 1; position <= StandardAction.ENVIRONMENT_SHORTCUTS; position++) {
            int chosen = position;
            StandardAction.environmentKey(position).ifPresent(key ->
                    ActionFactory.installShortcut(scene, key, () -> viewModel.environmentBar().enterPosition(chosen)));
        }

        stage.setScene(scene);
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        restoreGeometry(stage, remembered);
        stage.setOnHidden(event -> rememberGeometry(stage, remembered));
    }

    /**
     * Reads what the window restores (theme, geometry) from the UI state: disk reads, so call it off the UI
     * thread, before {@link #show(Stage, Prepared)}.
     */
    public static Prepared prepare(ShellDependencies deps) {
        return prepare(deps, AppInfo.unknown(), Optional.empty());
    }

    /** As {@link #prepare(ShellDependencies)}, with what Help → About and the problem dialogs say of this copy. */
    public static Prepared prepare(ShellDependencies deps, AppInfo info) {
        return prepare(deps, info, Optional.empty());
    }

    /**
     * @param practice the embedded sandbox the console runs on, if it does: the window marks it and the MFA prompt
     *                 offers its practice devices' codes; empty on real AWS
     */
    public static Prepared prepare(ShellDependencies deps, AppInfo info, Optional<PracticeWorld> practice) {
        Objects.requireNonNull(deps, "deps");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(practice, "practice");
        return new Prepared(deps, RememberedState.read(deps.uiState(), List.of(ThemeManager.KEY, X, Y, WIDTH,
                HEIGHT)), info, practice);
    }

    /**
     * Builds the main window into {@code stage} and shows it, reading the UI state on the calling thread; for UI
     * state held in memory. The app uses {@link #prepare} and {@link #show(Stage, Prepared)}.
     */
    public static ShellWindow show(Stage stage, ShellDependencies deps) {
        return show(stage, prepare(deps));
    }

    /** Builds the main window into {@code stage} and shows it. Call on the UI thread. */
    public static ShellWindow show(Stage stage, Prepared prepared) {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(prepared, "prepared");
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("ShellWindow.show must be called on the JavaFX application thread");
        }
        ShellWindow window = new ShellWindow(stage, prepared);
        stage.show();
        window.viewModel.start();
        UiThread.later(window.view.environmentBar()::focusLastUsed);
        return window;
    }

    public ShellViewModel viewModel() {
        return viewModel;
    }

    /**
     * Closes the window for good on the UI thread: its periodic refreshes stop and it hides, which remembers its
     * geometry. Call before the store it writes to closes (on exit the stage may still show: a test harness, or
     * {@code Platform.exit()}, stops the app before hiding its windows).
     */
    public void close() {
        viewModel.close();
        stage.hide();
    }

    public Scene scene() {
        return scene;
    }

    public ThemeManager theme() {
        return theme;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    /** Every declared action, each bound to its shortcut, a menu item and a palette entry. */
    public List<io.harbormaster.views.actions.ActionSpec> actions() {
        return actions.actions();
    }

    /**
     * Offers File → Open the sandbox (the app does when it runs on the operator's own AWS configuration); the
     * action runs on the UI thread and must hand slow work to the background itself.
     */
    public void offerSandbox(Runnable open) {
        openSandbox.offer(open);
    }

    /** Offers File → Back to your own AWS configuration (the app does while on a sandbox opened from it). */
    public void offerOwnAws(Runnable open) {
        openOwnAws.offer(open);
    }

    private static EnvironmentSettingsDialog showEnvironments(Stage owner, EnvironmentSettingsViewModel settings) {
        EnvironmentSettingsDialog dialog = new EnvironmentSettingsDialog(settings);
        dialog.initOwner(owner);
        dialog.show();
        return dialog;
    }

    /**
     * Opens Environments… with the AWS profiles found already detected and ticked, for a console that has no
     * environment yet (after the AWS files were fixed and reloaded): one click adds them; nothing is added silently.
     */
    public void offerDetectedEnvironments() {
        if (offered != null && offered.isShowing()) {
            return; // a reload noticed twice (the menu, and the edit seen on focus) offers once
        }
        EnvironmentSettingsViewModel settings = viewModel.newEnvironmentSettings();
        offered = showEnvironments((Stage) scene.getWindow(), settings);
        settings.detectAndTickAll();
    }

    private EnvironmentSettingsDialog offered;

    /** Offers File → Reload AWS configuration; {@code reload} runs on the UI thread. */
    public void offerReload(Runnable reload) {
        reloadAws.offer(reload);
    }

    /** Offers Help → README; {@code open} runs on the UI thread. */
    public void offerReadme(Runnable open) {
        readme.offer(open);
    }

    private static void restoreGeometry(Stage stage, UiStateStore store) {
        Optional<Double> x = number(store, X);
        Optional<Double> y = number(store, Y);
        Optional<Double> width = number(store, WIDTH);
        Optional<Double> height = number(store, HEIGHT);
        if (width.isPresent() && height.isPresent()) {
            stage.setWidth(Math.max(width.get(), stage.getMinWidth()));
            stage.setHeight(Math.max(height.get(), stage.getMinHeight()));
        }
        if (x.isPresent() && y.isPresent()) {
            // A window remembered on a monitor that is gone would open off-screen; let the OS place it instead.
            Rectangle2D titleBar = new Rectangle2D(x.get(), y.get(), Math.max(100, stage.getWidth()), 40);
            if (!Screen.getScreensForRectangle(titleBar).isEmpty()) {
                stage.setX(x.get());
                stage.setY(y.get());
            }
        }
    }

    /** On close: a few local writes while the window is going away, so nothing visible can freeze. */
    private static void rememberGeometry(Stage stage, UiStateStore store) {
        try {
            store.put(X, Double.toString(stage.getX()));
            store.put(Y, Double.toString(stage.getY()));
            store.put(WIDTH, Double.toString(stage.getWidth()));
            store.put(HEIGHT, Double.toString(stage.getHeight()));
        } catch (RuntimeException notSaved) {
            LOG.log(System.Logger.Level.WARNING, "Could not remember the window's position; it opens at the default next time",
                    notSaved);
        }
    }

    /** Some keys of the UI state read once up front and answered from memory; writes go through to the store. */
    private static final class RememberedState implements UiStateStore {
        private final UiStateStore store;
        private final Map<String, Optional<String>> values;

        private RememberedState(UiStateStore store, Map<String, Optional<String>> values) {
            this.store = store;
            this.values = values;
        }

        static RememberedState read(UiStateStore store, List<String> keys) {
            Map<String, Optional<String>> values = new ConcurrentHashMap<>();
            for (String key : keys) {
                values.put(key, readQuietly(store, key));
            }
            return new RememberedState(store, values);
        }

        private static Optional<String> readQuietly(UiStateStore store, String key) {
            try {
                return store.get(key);
            } catch (RuntimeException unreadable) {
                LOG.log(System.Logger.Level.WARNING, "Could not read the remembered " + key
                        + "; the window opens with the default", unreadable);
                return Optional.empty();
            }
        }

        @Override
        public Optional<String> get(String key) {
            Optional<String> known = values.get(key);
            return known != null ? known : store.get(key);
        }

        @Override
        public void put(String key, String value) {
            store.put(key, value);
            values.computeIfPresent(key, (k, old) -> Optional.ofNullable(value));
        }
    }

    private static Optional<Double> number(UiStateStore store, String key) {
        try {
            return store.get(key).map(Double::parseDouble).filter(value -> Double.isFinite(value));
        } catch (NumberFormatException garbled) {
            LOG.log(System.Logger.Level.INFO, "Ignoring unreadable {0}", key);
            return Optional.empty();
        }
    }
}
