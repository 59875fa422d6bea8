package io.harbormaster.views.split;

import io.harbormaster.model.environment.EnterEnvironment;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.LatestWins;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.dialog.DialogService;
import io.harbormaster.views.fleet.Destination;
import io.harbormaster.views.fleet.FleetNavigator;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.page.Page;
import io.harbormaster.views.page.PageContext;
import io.harbormaster.views.page.PageContribution;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;

/**
 * The second environment of a side-by-side view: which one, entering it (MFA and denials as in the bar: a failure is
 * shown and the half goes back to what it showed), its fleet, and its own pages, which it navigates as the first
 * half does (every page the console has, built for the second environment when the half first opens).
 * Loads nothing while closed.
 */
public final class SideBySideViewModel implements FleetNavigator {

    private final ObservableList<Environment> environments;
    private final EnterEnvironment enterEnvironment;
    private final MfaPrompt mfaPrompt;
    private final DialogService dialogs;
    private final List<PageContribution> contributions;
    private final Function<ObservableBooleanValue, PageContext> contextOf;

    private final BooleanProperty open = new SimpleBooleanProperty(this, "open", false);
    private final ReadOnlyObjectWrapper<Environment> entering = new ReadOnlyObjectWrapper<>(this, "entering");
    private final ReadOnlyObjectWrapper<EnvironmentSession> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyStringWrapper page;
    /** The second environment's fleet: loaded, and refreshed while a fleet page shows in the half, as the first's. */
    private final FleetViewModel fleet;
    private final Map<String, Page> pages = new LinkedHashMap<>();
    /** Entering the second half's environment; choosing another cancels the previous entry. */
    private final LatestWins entries;

    /**
     * @param pageList  the console's pages, in sidebar order: the half shows the first until the operator picks another
     * @param contextOf what a page of the half is given, with when it shows there; its session is this half's
     *                  {@link #sessionProperty()}, its fleet {@code fleet} and its navigator this half
     */
    public SideBySideViewModel(ObservableList<Environment> environments, EnterEnvironment enterEnvironment,
            MfaPrompt mfaPrompt, FleetViewModel fleet, TaskExecutor executor, DialogService dialogs,
            List<PageContribution> pageList, Function<ObservableBooleanValue, PageContext> contextOf) {
        this.environments = Objects.requireNonNull(environments, "environments");
        this.enterEnvironment = Objects.requireNonNull(enterEnvironment, "enterEnvironment");
        this.mfaPrompt = Objects.requireNonNull(mfaPrompt, "mfaPrompt");
        this.entries = new LatestWins(executor);
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.contributions = List.copyOf(pageList);
        this.contextOf = Objects.requireNonNull(contextOf, "contextOf");
        this.page = new ReadOnlyStringWrapper(this, "page", contributions.get(0).id());
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        fleet.sessionProperty().bind(session);
        // Every page of the half is built when it first opens, before its fleet arrives, as the window builds the
        // first half's: a page hears the fleet from its first snapshot on.
        open.addListener((obs, was, now) -> {
            if (now) {
                contributions.forEach(c -> page(c.id()));
            }
        });
        fleet.activeProperty().bind(Bindings.createBooleanBinding(
                () -> open.get() && page(page.get()).usesFleet(), open, page)); // closed: no page is built
        page.addListener((obs, old, now) -> {
            Page left = pages.get(old);
            if (left != null) {
                left.hidden();
            }
        });
        session.addListener((obs, old, now) -> pages.values().forEach(Page::environmentSwitched));
    }

    /** Opens the second half, or closes it (its session is kept by the adapters, not shown). */
    public void toggle() {
        open.set(!open.get());
    }

    public void close() {
        open.set(false);
    }

    /** Enters {@code environment} in the second half. */
    public void choose(Environment environment) {
        Objects.requireNonNull(environment, "environment");
        if (session.get() != null && session.get().environment().id().equals(environment.id())
                && entering.get() == null) {
            return;
        }
        open.set(true);
        entering.set(environment);
        entries.submit(BackgroundTask.of("Entering " + environment.displayName() + " (side by side)",
                        () -> enterEnvironment.enter(environment, mfaPrompt))
                .onSuccess(entered -> {
                    entering.set(null);
                    session.set(entered);
                })
                .onFailure(problem -> {
                    entering.set(null);
                    dialogs.showProblem(problem);
                }));
    }

    /** Shows the page with this id in the second half. */
    public void navigate(String id) {
        if (contributions.stream().noneMatch(c -> c.id().equals(id))) {
            throw new IllegalArgumentException("no page " + id);
        }
        page.set(id);
    }

    /** A link followed in the second half stays there: the first of its pages that shows the destination. */
    @Override
    public void go(Destination destination) {
        for (PageContribution contribution : contributions) {
            Page candidate = page(contribution.id());
            if (candidate.accepts(destination)) {
                navigate(contribution.id());
                candidate.open(destination);
                return;
            }
        }
    }

    /** F5 in the second half: its page again, and its fleet if the page shows that. */
    public void refresh() {
        Page shown = page(page.get());
        shown.refresh();
        if (shown.usesFleet()) {
            fleet.renew();
        }
    }

    /** The half's page with this id, built for the second environment (see the constructor for when). */
    public Page page(String id) {
        return pages.computeIfAbsent(id, key -> contributions.stream().filter(c -> c.id().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no page " + key)).build()
                .apply(contextOf.apply(open.and(page.isEqualTo(key)))));
    }

    public List<PageContribution> contributions() {
        return contributions;
    }

    /** The id of the page the second half shows. */
    public ReadOnlyStringProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ObservableList<Environment> environments() {
        return environments;
    }

    public BooleanProperty openProperty() {
        return open;
    }

    public ReadOnlyObjectProperty<Environment> enteringProperty() {
        return entering.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EnvironmentSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public FleetViewModel fleet() {
        return fleet;
    }
}
