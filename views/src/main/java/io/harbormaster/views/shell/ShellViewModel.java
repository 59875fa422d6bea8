package io.harbormaster.views.shell;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.views.clusters.ClustersViewModel;
import io.harbormaster.views.dialog.DialogService;
import io.harbormaster.views.environment.EnvironmentBarViewModel;
import java.time.Instant;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The shell's state: which page shows, the window title, and the view-models of the parts. */
public final class ShellViewModel {

    public static final String APP_NAME = "Harbormaster";

    private final EnvironmentBarViewModel environmentBar;
    private final ClustersViewModel clusters;
    private final StatusBarViewModel statusBar;
    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(this, "page", Page.CLUSTERS);
    private final StringBinding title;
    private final ObjectBinding<Instant> lastRefreshed;
    private final BooleanBinding canRefresh;

    public ShellViewModel(ShellDependencies deps, DialogService dialogs, MfaPrompt mfaPrompt) {
        Objects.requireNonNull(deps, "deps");
        environmentBar = new EnvironmentBarViewModel(deps.environments(), deps.enterEnvironment(), mfaPrompt,
                deps.executor(), dialogs, deps.uiState());
        clusters = new ClustersViewModel(deps.listClusters(), deps.executor(), dialogs, deps.clock());
        clusters.sessionProperty().bind(environmentBar.sessionProperty());
        clusters.activeProperty().bind(page.isEqualTo(Page.CLUSTERS));

        lastRefreshed = Bindings.createObjectBinding(
                () -> page.get() == Page.CLUSTERS ? clusters.lastRefreshedProperty().get() : null,
                page, clusters.lastRefreshedProperty());
        statusBar = new StatusBarViewModel(environmentBar.sessionProperty(), lastRefreshed,
                Bindings.createBooleanBinding(() -> page.get().built(), page), deps.executor().runningTasks(),
                deps.clock());
        title = Bindings.createStringBinding(() -> titleFor(environmentBar.session()), environmentBar.sessionProperty());
        canRefresh = Bindings.createBooleanBinding(() -> environmentBar.session() != null && page.get().built(),
                environmentBar.sessionProperty(), page);
    }

    /** Loads the environment list; call once the window is up. */
    public void start() {
        environmentBar.load();
    }

    public void navigate(Page target) {
        page.set(Objects.requireNonNull(target, "target"));
    }

    /** Reloads what the current page shows (F5). */
    public void refresh() {
        if (page.get() == Page.CLUSTERS) {
            clusters.refresh();
        }
    }

    private static String titleFor(EnvironmentSession session) {
        if (session == null) {
            return APP_NAME;
        }
        Environment environment = session.environment();
        return APP_NAME + " — " + (environment.production() ? "PRODUCTION " : "") + environment.displayName();
    }

    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    public StringBinding titleProperty() {
        return title;
    }

    public BooleanBinding canRefreshProperty() {
        return canRefresh;
    }

    public EnvironmentBarViewModel environmentBar() {
        return environmentBar;
    }

    public ClustersViewModel clusters() {
        return clusters;
    }

    public StatusBarViewModel statusBar() {
        return statusBar;
    }
}
