package io.harbormaster.views.cutovers;

import io.harbormaster.model.cutover.CutoverPlan;
import io.harbormaster.model.cutover.CutoverRunner;
import io.harbormaster.model.cutover.CutoverService;
import io.harbormaster.model.cutover.LockHolder;
import io.harbormaster.model.cutover.Reconciliation;
import io.harbormaster.model.cutover.WeightedRoute;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.cutovers.live.CutoverLiveViewModel;
import io.harbormaster.views.cutovers.wizard.CutoverWizardViewModel;
import io.harbormaster.views.cutovers.wizard.RouteText;
import io.harbormaster.views.guard.WriteGuard;
import io.harbormaster.views.guard.WriteRequest;
import io.harbormaster.views.lifecycle.Repeater;
import io.harbormaster.views.shared.metrics.MetricsDependencies;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The Cutovers page's state: every weighted route of every environment (each read with its own session) with its
 * split and lock, the cutovers this console runs, the ones a crash left open, and which of list / wizard / live
 * view shows. Lives on the UI thread; everything that talks to AWS goes through the executor.
 */
public final class CutoversViewModel {

    /** What the page shows. */
    public enum Mode { LIST, WIZARD, LIVE }

    private static final System.Logger LOG = System.getLogger(CutoversViewModel.class.getName());

    private final CutoverServices services;
    private final TaskExecutor executor;
    private final ObservableList<Environment> environments;
    private final ObservableValue<EnvironmentSession> current;
    private final MfaPrompt mfa;
    private final WriteGuard guard;
    private final Clock clock;

    private final ObservableList<RouteRow> routes = FXCollections.observableArrayList();
    private final ObservableMap<String, String> environmentProblems = FXCollections.observableHashMap();
    private final ObservableList<Reconciliation> recovered = FXCollections.observableArrayList();
    private final ObservableList<CutoverLiveViewModel> cutovers = FXCollections.observableArrayList();
    private final ObjectProperty<RouteRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.LIST);
    private final ReadOnlyObjectWrapper<CutoverWizardViewModel> wizard = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<CutoverLiveViewModel> live = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Instant> loadedAt = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper loading = new ReadOnlyIntegerWrapper();
    private final BooleanProperty shown = new SimpleBooleanProperty();
    private final MetricsDependencies metrics;
    private final Repeater repeater;
    /** Reads of the refresh under way not ended yet; a refresh asked for meanwhile waits for them. */
    private int reading;
    /** A refresh was asked for while one was under way: its reads are superseded, and one more runs after them. */
    private boolean readAgain;
    private boolean reconciled;
    private String actor;

    /**
     * @param metrics  the shared metric machinery (the live view's noise maps read through it)
     * @param repeater the window's periodic clock (the live view's charts and maps poll on it)
     */
    public CutoversViewModel(CutoverServices services, TaskExecutor executor, ObservableList<Environment> environments,
            ObservableValue<EnvironmentSession> current, MfaPrompt mfa, WriteGuard guard, Clock clock,
            MetricsDependencies metrics, Repeater repeater) {
        this.services = services;
        this.executor = executor;
        this.environments = environments;
        this.current = current;
        this.mfa = mfa;
        this.guard = guard;
        this.clock = clock;
        this.metrics = metrics;
        this.repeater = repeater;
        shown.addListener(o -> followLive());
        mode.addListener(o -> followLive());
        live.addListener(o -> followLive());
    }

    /** Only the live view in front reads and polls its metrics and hosts. */
    private void followLive() {
        for (CutoverLiveViewModel vm : cutovers) {
            vm.activeProperty().set(shown.get() && mode.get() == Mode.LIVE && live.get() == vm);
        }
    }

    /** True while the Cutovers page is the one in front (the page binds it to the shell's). */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** The run's cutover service; the operator's identity is the one the window entered with first. */
    CutoverService service() {
        if (actor == null) {
            EnvironmentSession s = current.getValue();
            actor = s != null ? s.identity().principal() : System.getProperty("user.name", "operator");
        }
        return services.service(mfa, actor);
    }

    String actor() {
        service();
        return actor;
    }

    /** Shown: the first time, the journal's open cutovers are reconciled; every time, the routes are read. */
    public void activate() {
        if (!reconciled) {
            reconciled = true;
            reconcile();
        }
        if (routes.isEmpty()) {
            refresh();
        }
    }

    /**
     * Reads every environment's weighted routes and their locks, each environment with its own session. One refresh
     * at a time: one asked for while another's reads are under way runs once they end, and their answers and
     * failures are dropped (entering an environment again may have renewed its session; the newer read is the
     * page's truth). The reads are not cut short: an interrupted read's calls are spent all the same, and a second
     * read of every account beside it drained ELB's describe budget in prod until the SDK gave up (CI, session 9).
     */
    public void refresh() {
        if (reading > 0) {
            readAgain = true;
            return;
        }
        CutoverService service = service();
        List<Environment> all = List.copyOf(environments);
        readAgain = false;
        reading = all.size();
        loading.set(all.size());
        status.set("Reading weighted records and forwards in " + all.size() + " environments…");
        for (Environment env : all) {
            executor.submit(BackgroundTask.of("Weighted routes in " + env.displayName(), () -> {
                List<WeightedRoute> found = service.find(env.id());
                List<Optional<LockHolder>> holders;
                try {
                    holders = service.lockHolders(env.id(), found);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.INFO, "locks of " + env.displayName() + "'s routes not read: "
                            + e.getMessage());
                    holders = found.stream().map(r -> Optional.<LockHolder>empty()).toList();
                }
                List<RouteRow> rows = new ArrayList<>();
                for (int i = 0; i < found.size(); i++) {
                    rows.add(new RouteRow(env.displayName(), found.get(i), holders.get(i)));
                }
                return rows;
            }).onSuccess(rows -> {
                if (!readAgain) {
                    environmentProblems.remove(env.id());
                    replaceRoutesOf(env.id(), rows);
                }
                readEnded();
            }).onFailure(p -> {
                if (!readAgain) {
                    environmentProblems.put(env.id(), env.displayName() + ": " + p.title() + " — " + p.message());
                }
                readEnded();
            }));
        }
    }

    private void readEnded() {
        reading--;
        if (reading == 0 && readAgain) {
            refresh();
        } else {
            loading.set(reading);
        }
    }

    private void replaceRoutesOf(String environmentId, List<RouteRow> rows) {
        RouteRow keep = selected.get();
        List<RouteRow> all = new ArrayList<>(routes.stream().filter(r -> !r.route().environmentId()
                .equals(environmentId)).toList());
        all.addAll(rows);
        all.sort(Comparator.comparing((RouteRow r) -> r.environmentName()).thenComparing(r -> r.route().displayName()));
        routes.setAll(all);
        loadedAt.set(clock.instant());
        status.set(routes.size() + " weighted routes");
        if (keep != null) {
            routes.stream().filter(r -> r.route().resource().equals(keep.route().resource())).findFirst()
                    .ifPresent(selected::set);
        }
    }

    /** Asks the journal for cutovers a crash left open, each compared with the live weights. */
    public void reconcile() {
        CutoverService service = service();
        executor.submit(BackgroundTask.of("Reconciling open cutovers", service::reconcileOpen)
                .onSuccess(recovered::setAll)
                .onFailure(p -> status.set("Open cutovers not reconciled — " + p.title() + ": " + p.message())));
    }

    /** Puts a crashed cutover back under the driver, paused: the live view then offers resume or roll back. */
    public void restore(Reconciliation rec) {
        CutoverService service = service();
        executor.submit(BackgroundTask.of("Restoring the cutover of " + rec.plan().route().displayName(),
                () -> service.restore(rec)).onSuccess(runner -> {
                    recovered.remove(rec);
                    showLive(add(runner));
                }).onFailure(p -> status.set("Not restored — " + p.title() + ": " + p.message())));
    }

    /** Opens the wizard for the selected route. */
    public void openWizard() {
        RouteRow row = selected.get();
        if (row == null) {
            return;
        }
        List<String> ids = environments.stream().map(Environment::id).toList();
        wizard.set(new CutoverWizardViewModel(row.route(), service(), executor, ids, guard::refusal));
        mode.set(Mode.WIZARD);
    }

    /**
     * Starts the wizard's plan after the write guard (refused in a read-only environment, the record or rule name
     * typed in production): journalled in the background, the wizard saying so; the live view follows.
     *
     * @return whether the guard let it start
     */
    public boolean startWizardPlan() {
        CutoverWizardViewModel w = wizard.get();
        if (w == null || !w.startableProperty().get()) {
            return false;
        }
        CutoverPlan plan = w.planProperty().get();
        String name = new CutoverLiveNames(plan.route()).nameToType();
        String preview = String.join("\n", w.previewSteps()) + "\n" + RouteText.rollback(plan);
        if (guard.check(w.routeSession(), new WriteRequest("Start cutover", name, preview))
                != WriteGuard.Verdict.APPROVED) {
            return false;
        }
        w.start(runner -> {
            if (wizard.get() == w) {
                wizard.set(null);
            }
            showLive(add(runner));
        });
        return true;
    }

    private CutoverLiveViewModel add(CutoverRunner runner) {
        CutoverService service = service();
        CutoverLiveViewModel vm = new CutoverLiveViewModel(runner, executor, actor(), new CutoverLiveViewModel.Sources(
                service::readSides, service::sideHosts, metrics, repeater, service.clock(), services::auditProblem));
        cutovers.add(0, vm);
        return vm;
    }

    public void showLive(CutoverLiveViewModel vm) {
        live.set(vm);
        mode.set(Mode.LIVE);
        followLive();
    }

    /** Back to the list (the wizard's draft is dropped; running cutovers go on). */
    public void showList() {
        wizard.set(null);
        mode.set(Mode.LIST);
        refresh();
    }

    public ObservableList<RouteRow> routes() {
        return routes;
    }

    public ObservableMap<String, String> environmentProblems() {
        return environmentProblems;
    }

    public ObservableList<Reconciliation> recovered() {
        return recovered;
    }

    public ObservableList<CutoverLiveViewModel> cutovers() {
        return cutovers;
    }

    public ObjectProperty<RouteRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CutoverWizardViewModel> wizardProperty() {
        return wizard.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CutoverLiveViewModel> liveProperty() {
        return live.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> loadedAtProperty() {
        return loadedAt.getReadOnlyProperty();
    }

    /** How many environments are still being read (0 when the list is complete). */
    public ReadOnlyIntegerProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Runs the page's background work (saving the routes as CSV). */
    public TaskExecutor executor() {
        return executor;
    }
}
