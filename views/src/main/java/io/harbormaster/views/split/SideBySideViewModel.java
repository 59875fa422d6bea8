package io.harbormaster.views.split;

import io.harbormaster.model.environment.EnterEnvironment;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.views.clusters.ClustersViewModel;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.LatestWins;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.dialog.DialogService;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ObservableList;

/**
 * The second environment of a side-by-side view: which one, entering it (MFA and denials as in the bar: a failure is
 * shown and the half goes back to what it showed), and its clusters. Loads nothing while closed.
 */
public final class SideBySideViewModel {

    private final ObservableList<Environment> environments;
    private final EnterEnvironment enterEnvironment;
    private final MfaPrompt mfaPrompt;
    private final DialogService dialogs;

    private final BooleanProperty open = new SimpleBooleanProperty(this, "open", false);
    private final ReadOnlyObjectWrapper<Environment> entering = new ReadOnlyObjectWrapper<>(this, "entering");
    private final ReadOnlyObjectWrapper<EnvironmentSession> session = new ReadOnlyObjectWrapper<>(this, "session");
    /** The second environment's fleet: loaded, and refreshed while the half is open, as the first one's is. */
    private final FleetViewModel fleet;
    private final ClustersViewModel clusters;
    /** Entering the second half's environment; choosing another cancels the previous entry. */
    private final LatestWins entries;

    public SideBySideViewModel(ObservableList<Environment> environments, EnterEnvironment enterEnvironment,
            MfaPrompt mfaPrompt, FleetViewModel fleet, TaskExecutor executor, DialogService dialogs) {
        this.environments = Objects.requireNonNull(environments, "environments");
        this.enterEnvironment = Objects.requireNonNull(enterEnvironment, "enterEnvironment");
        this.mfaPrompt = Objects.requireNonNull(mfaPrompt, "mfaPrompt");
        this.entries = new LatestWins(executor);
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        fleet.sessionProperty().bind(session);
        fleet.activeProperty().bind(open);
        clusters = new ClustersViewModel(fleet);
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

    /** F5 in the second half: its fleet again. */
    public void refresh() {
        fleet.renew();
    }

    public FleetViewModel fleet() {
        return fleet;
    }

    public ClustersViewModel clusters() {
        return clusters;
    }
}
