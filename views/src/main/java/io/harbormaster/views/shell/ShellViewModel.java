package io.harbormaster.views.shell;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.views.concurrent.UiThread;
import io.harbormaster.views.dialog.DialogService;
import io.harbormaster.views.environment.EnvironmentBarViewModel;
import io.harbormaster.views.environment.SandboxMarking;
import io.harbormaster.views.environment.SessionTimes;
import io.harbormaster.views.fleet.Destination;
import io.harbormaster.views.fleet.FleetNavigator;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.lifecycle.FxRepeater;
import io.harbormaster.views.lifecycle.Repeater;
import io.harbormaster.views.lifecycle.RepeaterGroup;
import io.harbormaster.views.guard.TypedConfirmation;
import io.harbormaster.views.guard.WriteGuard;
import io.harbormaster.views.page.Page;
import io.harbormaster.views.page.PageContext;
import io.harbormaster.views.page.PageContribution;
import io.harbormaster.views.palette.PaletteViewModel;
import io.harbormaster.views.settings.EnvironmentSettingsViewModel;
import io.harbormaster.views.restart.RestartNoticeViewModel;
import io.harbormaster.views.split.SideBySideViewModel;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The shell's state: which page shows, the window title, and what every page shares (the environment, its fleet,
 * the write guard, the window's periodic clock). The pages come from {@link ShellDependencies#pages()}: the shell
 * knows none by name.
 */
public final class ShellViewModel implements FleetNavigator {

    public static final String APP_NAME = "Harbormaster";

    private final ShellDependencies deps;
    private final DialogService dialogs;
    private final RepeaterGroup repeaters;
    private final EnvironmentBarViewModel environmentBar;
    private final FleetViewModel fleet;
    private final WriteGuard writeGuard;
    private final SideBySideViewModel sideBySide;
    private final PaletteViewModel palette;
    private final SessionTimes sessionTimes;
    private final StatusBarViewModel statusBar;
    private final RestartNoticeViewModel restartNotice;
    private final Map<String, Page> pages = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper page;
    private final ObjectProperty<Instant> lastRefreshed = new SimpleObjectProperty<>(this, "lastRefreshed");
    private final SimpleBooleanProperty showsData = new SimpleBooleanProperty(this, "showsData");
    private final ObjectProperty<SandboxMarking> sandbox = new SimpleObjectProperty<>(this, "sandbox");
    private final StringBinding title;
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
        this.deps = Objects.requireNonNull(deps, "deps");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        repeaters = new RepeaterGroup(clockOfRefreshes);
        page = new ReadOnlyStringWrapper(this, "page", deps.pages().get(0).id());
        environmentBar = new EnvironmentBarViewModel(deps.environments(), deps.enterEnvironment(), mfaPrompt,
                deps.executor(), dialogs, deps.uiState());
        fleet = new FleetViewModel(deps.loadFleet(), deps.refreshFleet(), deps.fleetArchive(), deps.executor(),
                repeaters, UiThread::runOnUi, deps.clock());
        fleet.sessionProperty().bind(environmentBar.sessionProperty());
        writeGuard = new WriteGuard(environmentBar.sessionProperty(), typedConfirmation);
        FleetViewModel secondFleet = new FleetViewModel(deps.loadFleet(), deps.refreshFleet(), deps.fleetArchive(),
                deps.executor(), repeaters, UiThread::runOnUi, deps.clock());
        // The second half's pages are the same pages over its own environment, fleet, write guard and links.
        sideBySide = new SideBySideViewModel(environmentBar.environments(), deps.enterEnvironment(), mfaPrompt,
                secondFleet, deps.executor(), dialogs, deps.pages(), shown -> new PageContext(
                        sideBySide().sessionProperty(), environmentBar.environments(), openSessions(), shown,
                        secondFleet, sideBySide(), deps.executor(), dialogs, mfaPrompt,
                        new WriteGuard(sideBySide().sessionProperty(), typedConfirmation), repeaters, deps.clock(),
                        () -> sideBySide().refresh()));
        palette = new PaletteViewModel(fleet, this, deps.executor());
        for (PageContribution contribution : deps.pages()) {
            pages.put(contribution.id(), contribution.build().apply(new PageContext(environmentBar.sessionProperty(),
                    environmentBar.environments(), openSessions(), page.isEqualTo(contribution.id()), fleet, this,
                    deps.executor(), dialogs, mfaPrompt, writeGuard, repeaters, deps.clock(), this::refresh)));
        }
        fleet.activeProperty().bind(Bindings.createBooleanBinding(() -> current().usesFleet(), page));
        page.addListener((obs, old, now) -> {
            pages.get(old).hidden();
            follow(pages.get(now));
        });
        follow(current());
        environmentBar.sessionProperty().addListener((obs, old, now) -> pages.values()
                .forEach(Page::environmentSwitched));
        statusBar = new StatusBarViewModel(environmentBar.sessionProperty(), lastRefreshed, showsData,
                deps.executor().runningTasks(), deps.clock(), s -> deps.sessionExpiry()
                        .expiresAt(s.environment().id()).or(() -> Optional.ofNullable(s.expiresAt())));
        statusBar.pageStalenessProperty().bind(current().staleness());
        sessionTimes = new SessionTimes(deps.sessionExpiry(), deps.clock());
        restartNotice = new RestartNoticeViewModel(deps.interrupted(), environmentBar.sessionProperty(),
                deps.executor(), repeaters, deps.clock());
        title = Bindings.createStringBinding(() -> sandbox.get() == null ? titleFor(environmentBar.session())
                : sandbox.get().title(APP_NAME, titleFor(environmentBar.session())), environmentBar.sessionProperty(), sandbox);
        canRefresh = environmentBar.sessionProperty().isNotNull().and(showsData);
    }

    /** The environments the window has open: the current one, and the side-by-side one. */
    private List<javafx.beans.value.ObservableValue<EnvironmentSession>> openSessions() {
        return List.of(environmentBar.sessionProperty(), sideBySide.sessionProperty());
    }

    /** What the start found (writes a killed run left open, a store moved aside), said once under the bar. */
    public RestartNoticeViewModel restartNotice() {
        return restartNotice;
    }

    /** The status bar and F5 follow the page in front. */
    private void follow(Page shown) {
        lastRefreshed.bind(shown.lastRefreshed());
        showsData.set(shown.showsData());
        if (statusBar != null) {
            statusBar.pageStalenessProperty().bind(shown.staleness());
        }
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

    /** Brings the page with this id to front. */
    public void navigate(String id) {
        if (!pages.containsKey(id)) {
            throw new IllegalArgumentException("no page " + id + " among " + pages.keySet());
        }
        page.set(id);
    }

    /** Reloads what the current page shows (F5), and the fleet if it shows that. */
    public void refresh() {
        Page shown = current();
        shown.refresh();
        if (shown.usesFleet()) {
            fleet.renew();
        }
    }

    /** The first page, in sidebar order, that shows the destination comes to front and shows it. */
    @Override
    public void go(Destination destination) {
        for (Map.Entry<String, Page> entry : pages.entrySet()) {
            if (entry.getValue().accepts(destination)) {
                navigate(entry.getKey());
                entry.getValue().open(destination);
                return;
            }
        }
    }

    private Page current() {
        return pages.get(page.get());
    }

    private static String titleFor(EnvironmentSession session) {
        if (session == null) {
            return APP_NAME;
        }
        Environment environment = session.environment();
        return APP_NAME + " — " + (environment.production() ? "PRODUCTION " : "") + environment.displayName();
    }

    /** The pages, in sidebar order. */
    public List<PageContribution> contributions() {
        return deps.pages();
    }

    /** The page built from the contribution with this id. */
    public Page page(String id) {
        return Objects.requireNonNull(pages.get(id), () -> "no page " + id);
    }

    /** The page of this type (tests and journeys reach a page's view-model through it). */
    public <P extends Page> P page(Class<P> type) {
        return pages.values().stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + type.getSimpleName() + " among the pages"));
    }

    /** The id of the page in front. */
    public ReadOnlyStringProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    public StringBinding titleProperty() {
        return title;
    }

    /** How the window marks the embedded sandbox; null on real AWS. Set by the window before it is built. */
    public ObjectProperty<SandboxMarking> sandboxProperty() {
        return sandbox;
    }

    public BooleanBinding canRefreshProperty() {
        return canRefresh;
    }

    public EnvironmentBarViewModel environmentBar() {
        return environmentBar;
    }

    public StatusBarViewModel statusBar() {
        return statusBar;
    }

    /** The current environment's fleet, which every fleet page shows. */
    public FleetViewModel fleet() {
        return fleet;
    }

    /** Ctrl+K: go to anything in the current fleet by part of its name. */
    public PaletteViewModel palette() {
        return palette;
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
}
