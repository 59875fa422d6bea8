package io.harbormaster.views.shell;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.views.allenv.AllEnvironmentsViewModel;
import io.harbormaster.views.clusters.ClustersViewModel;
import io.harbormaster.views.compare.CompareViewModel;
import io.harbormaster.views.dialog.DialogService;
import io.harbormaster.views.concurrent.UiThread;
import io.harbormaster.views.environment.EnvironmentBarViewModel;
import io.harbormaster.views.fleet.FleetNavigator;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.lifecycle.FxRepeater;
import io.harbormaster.views.lifecycle.Repeater;
import io.harbormaster.views.lifecycle.RepeaterGroup;
import io.harbormaster.views.hosts.HostsViewModel;
import io.harbormaster.views.metrics.MetricsViewModel;
import io.harbormaster.views.palette.PaletteViewModel;
import io.harbormaster.views.services.ServicesViewModel;
import io.harbormaster.views.environment.SessionTimes;
import io.harbormaster.views.guard.TypedConfirmation;
import io.harbormaster.views.guard.WriteGuard;
import io.harbormaster.views.settings.EnvironmentSettingsViewModel;
import io.harbormaster.views.split.SideBySideViewModel;
import java.time.Instant;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The shell's state: which page shows, the window title, and the view-models of the parts. */
public final class ShellViewModel implements FleetNavigator {

    public static final String APP_NAME = "Harbormaster";

    private final EnvironmentBarViewModel environmentBar;
    private final ClustersViewModel clusters;
    private final StatusBarViewModel statusBar;
    private final FleetViewModel fleet;
    private final ServicesViewModel services;
    private final HostsViewModel hosts;
    private final MetricsViewModel metrics;
    private final PaletteViewModel palette;
    private final CompareViewModel compare;
    private final AllEnvironmentsViewModel allEnvironments;
    private final ShellDependencies deps;
    private final RepeaterGroup repeaters;
    private final DialogService dialogs;
    private final WriteGuard writeGuard;
    private final SideBySideViewModel sideBySide;
    private final SessionTimes sessionTimes;
    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(this, "page", Page.CLUSTERS);
    private final StringBinding title;
    private final ObjectBinding<Instant> lastRefreshed;
    private final BooleanBinding canRefresh;

    /** Without anyone to type a resource's name: production writes are cancelled. */
    public ShellViewModel(ShellDependencies deps, DialogService dialogs, MfaPrompt mfaPrompt) {
        this(deps, dialogs, mfaPrompt, request -> false, new FxRepeater());
    }

    /** @param typedConfirmation asks for the resource's name before a production write */
    public ShellViewModel(ShellDependencies deps, DialogService dialogs, MfaPrompt mfaPrompt,
            TypedConfirmation typedConfirmation) {
        this(deps, dialogs, mfaPrompt, typedConfirmation, new FxRepeater());
    }

    /** With the clock of the fleet's periodic refresh given: tests pass one they move by hand. */
    ShellViewModel(ShellDependencies deps, DialogService dialogs, MfaPrompt mfaPrompt, Repeater repeater) {
        this(deps, dialogs, mfaPrompt, request -> false, repeater);
    }

    ShellViewModel(ShellDependencies deps, DialogService dialogs, MfaPrompt mfaPrompt,
            TypedConfirmation typedConfirmation, Repeater clockOfRefreshes) {
        Objects.requireNonNull(deps, "deps");
        RepeaterGroup repeater = new RepeaterGroup(clockOfRefreshes);
        this.repeaters = repeater;
        this.deps = deps;
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        environmentBar = new EnvironmentBarViewModel(deps.environments(), deps.enterEnvironment(), mfaPrompt,
                deps.executor(), dialogs, deps.uiState());
        clusters = new ClustersViewModel(deps.listClusters(), deps.executor(), dialogs, deps.clock());
        clusters.sessionProperty().bind(environmentBar.sessionProperty());
        clusters.activeProperty().bind(page.isEqualTo(Page.CLUSTERS));

        fleet = new FleetViewModel(deps.loadFleet(), deps.refreshFleet(), deps.fleetArchive(), deps.executor(),
                repeater, UiThread::runOnUi, deps.clock());
        fleet.sessionProperty().bind(environmentBar.sessionProperty());
        fleet.activeProperty().bind(Bindings.createBooleanBinding(() -> showsFleet(page.get()), page));
        clusters.packingProperty().bind(Bindings.createObjectBinding(
                () -> fleet.data() == null ? null : fleet.data().packing(), fleet.dataProperty()));
        services = new ServicesViewModel(fleet, deps.executor());
        hosts = new HostsViewModel(fleet, deps.executor());
        hosts.measureWith(deps.metrics().fetchMetrics(), deps.metrics().hostSource(), deps.metrics().clock());
        hosts.activeProperty().bind(page.isEqualTo(Page.HOSTS));
        palette = new PaletteViewModel(fleet, this, deps.executor());
        compare = new CompareViewModel(fleet, environmentBar.environments(), deps.enterEnvironment(),
                deps.loadFleet(), deps.refreshFleet(), mfaPrompt, deps.executor(), dialogs, deps.clock());
        compare.activeProperty().bind(page.isEqualTo(Page.COMPARE));
        metrics = new MetricsViewModel(deps.metrics(), deps.executor(), repeater, deps.metrics().clock());
        metrics.bind(environmentBar.sessionProperty(), fleet.dataProperty());
        metrics.activeProperty().bind(page.isEqualTo(Page.METRICS));

        writeGuard = new WriteGuard(environmentBar.sessionProperty(), typedConfirmation);
        sideBySide = new SideBySideViewModel(environmentBar.environments(), deps.enterEnvironment(), mfaPrompt,
                deps.listClusters(), deps.executor(), dialogs, deps.clock());
        allEnvironments = new AllEnvironmentsViewModel(environmentBar.environments(),
                java.util.List.of(environmentBar.sessionProperty(), sideBySide.sessionProperty()),
                deps.enterEnvironment(), deps.loadFleet(), deps.refreshFleet(), mfaPrompt, deps.executor(), dialogs,
                UiThread::runOnUi, repeater, deps.clock());
        allEnvironments.activeProperty().bind(page.isEqualTo(Page.ALL_ENVIRONMENTS));
        lastRefreshed = Bindings.createObjectBinding(() -> switch (page.get()) {
            case CLUSTERS -> clusters.lastRefreshedProperty().get();
            case SERVICES, HOSTS, METRICS, COMPARE -> fleet.asOfProperty().get();
            case ALL_ENVIRONMENTS -> allEnvironments.oldestAsOfProperty().get();
            default -> null;
        }, page, clusters.lastRefreshedProperty(), fleet.asOfProperty(), allEnvironments.oldestAsOfProperty());
        statusBar = new StatusBarViewModel(environmentBar.sessionProperty(), lastRefreshed,
                Bindings.createBooleanBinding(() -> page.get().built(), page), deps.executor().runningTasks(),
                deps.clock(), s -> deps.sessionExpiry().expiresAt(s.environment().id())
                        .or(() -> java.util.Optional.ofNullable(s.expiresAt())));
        sessionTimes = new SessionTimes(deps.sessionExpiry(), deps.clock());
        title = Bindings.createStringBinding(() -> titleFor(environmentBar.session()), environmentBar.sessionProperty());
        canRefresh = Bindings.createBooleanBinding(() -> environmentBar.session() != null && page.get().built(),
                environmentBar.sessionProperty(), page);
    }

    /**
     * Stops every periodic refresh this window started (fleet, metrics, all environments): called when the window
     * closes or its wiring is swapped for the sandbox's, whose old clients are about to be closed.
     */
    public void close() {
        repeaters.stopAll();
    }

    /** Pauses every periodic refresh while {@code showing} is false (the window hidden or its scene swapped out). */
    public javafx.util.Subscription pauseWhileHidden(javafx.beans.value.ObservableValue<Boolean> showing) {
        return repeaters.follow(showing);
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
        if (page.get() == Page.ALL_ENVIRONMENTS) {
            allEnvironments.load();
        }
        if (showsFleet(page.get())) {
            if (fleet.stateProperty().get() == FleetViewModel.State.LOADED) {
                fleet.refresh();
            } else {
                fleet.reload();
            }
        }
    }

    private static boolean showsFleet(Page shown) {
        return shown == Page.CLUSTERS || shown == Page.SERVICES || shown == Page.HOSTS || shown == Page.METRICS
                || shown == Page.COMPARE;
    }

    /** The Metrics page with one service's dashboard (the Services page's "Metrics" link). */
    public void showDashboard(String serviceArn) {
        navigate(Page.METRICS);
        metrics.showDashboard(serviceArn);
    }

    /** The Metrics page on one of its tabs (Ctrl+Shift+L: logs, Ctrl+Shift+N: noise map). */
    public void showMetrics(MetricsViewModel.Tab tab) {
        navigate(Page.METRICS);
        metrics.tabProperty().set(tab);
    }

    @Override
    public void showService(String serviceArn) {
        navigate(Page.SERVICES);
        services.select(serviceArn);
    }

    @Override
    public void showServiceOnHosts(String serviceArn) {
        navigate(Page.HOSTS);
        hosts.highlight(serviceArn);
        if (fleet.data() != null && serviceArn != null) {
            fleet.data().snapshot().hostsOf(serviceArn).stream().findFirst().ifPresent(h -> hosts.centreOn(h.arn()));
        }
    }

    @Override
    public void showHost(String hostArn) {
        navigate(Page.HOSTS);
        hosts.centreOn(hostArn);
    }

    @Override
    public void showCluster(String clusterArn) {
        navigate(Page.CLUSTERS);
        clusters.select(clusterArn);
    }

    @Override
    public void compareService(String serviceName) {
        navigate(Page.COMPARE);
        compare.compareService(serviceName);
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

    public FleetViewModel fleet() {
        return fleet;
    }

    public ServicesViewModel services() {
        return services;
    }

    public HostsViewModel hosts() {
        return hosts;
    }

    /** One Services table across several environments. */
    public AllEnvironmentsViewModel allEnvironments() {
        return allEnvironments;
    }

    /** A service here beside the same service in another environment. */
    public CompareViewModel compare() {
        return compare;
    }

    /** Ctrl+K: go to anything in the current fleet by part of its name. */
    public PaletteViewModel palette() {
        return palette;
    }

    public MetricsViewModel metrics() {
        return metrics;
    }

    /** Whether writes are allowed where the operator is, and the typed-name guard before each. */
    public WriteGuard writeGuard() {
        return writeGuard;
    }

    /** The second environment of the side-by-side view. */
    public SideBySideViewModel sideBySide() {
        return sideBySide;
    }

    public SessionTimes sessionTimes() {
        return sessionTimes;
    }

    /** A fresh state for the Environments… dialog; saving there reloads the environment bar. */
    public EnvironmentSettingsViewModel newEnvironmentSettings() {
        return new EnvironmentSettingsViewModel(deps.environments(), deps.detectEnvironments(),
                deps.environmentFile(), deps.executor(), dialogs, environmentBar::load);
    }

    public io.harbormaster.views.concurrent.TaskExecutor executor() {
        return deps.executor();
    }

    public DialogService dialogs() {
        return dialogs;
    }

    /** The one write so far, for pages that offer it. */
    public io.harbormaster.model.fleet.ScaleService scaleService() {
        return deps.scaleService();
    }
}
