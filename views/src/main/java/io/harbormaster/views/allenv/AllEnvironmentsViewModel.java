package io.harbormaster.views.allenv;

import io.harbormaster.model.environment.EnterEnvironment;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.FleetLoadListener;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.FleetStats;
import io.harbormaster.model.fleet.LoadFleet;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.TaskDefinition;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.dialog.DialogService;
import io.harbormaster.views.fleet.EnvironmentTag;
import io.harbormaster.views.services.ServiceRow;
import io.harbormaster.views.services.ServiceRows;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * One Services table across the environments the operator ticks (by default those entered this run): each is
 * entered through the usual port (MFA through the usual prompt) and its fleet loaded, all in parallel on the shared
 * executor; rows carry their environment's tag and the whole table is problems first. An environment's rows show
 * as soon as its services are described (before its hosts and tasks), and are replaced when its load completes.
 */
public final class AllEnvironmentsViewModel {

    private static final String LOADING = "loading…";

    private final EnterEnvironment enterEnvironment;
    private final LoadFleet loadFleet;
    private final MfaPrompt mfaPrompt;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Executor uiThread;
    private final ObservableList<EnvironmentChoice> choices = FXCollections.observableArrayList();
    private final ObservableList<ServiceRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper loading = new ReadOnlyIntegerWrapper(this, "loading", 0);
    private final Set<String> enteredThisRun = new HashSet<>();
    private final Map<String, List<ServiceRow>> rowsByEnvironment = new LinkedHashMap<>();
    private final StringBinding summary;
    private long request;

    /**
     * @param entered the sessions the operator opens elsewhere (environment bar, side by side): their environments
     *                are ticked by default
     * @param uiThread runs on the UI thread: rows announced mid-load hop there
     */
    public AllEnvironmentsViewModel(ObservableList<Environment> environments, List<ObservableValue<EnvironmentSession>> entered,
            EnterEnvironment enterEnvironment, LoadFleet loadFleet, MfaPrompt mfaPrompt, TaskExecutor executor,
            DialogService dialogs, Executor uiThread) {
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
        this.enterEnvironment = Objects.requireNonNull(enterEnvironment, "enterEnvironment");
        this.loadFleet = Objects.requireNonNull(loadFleet, "loadFleet");
        this.mfaPrompt = Objects.requireNonNull(mfaPrompt, "mfaPrompt");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        environments.addListener((ListChangeListener<Environment>) c -> rebuildChoices(environments));
        rebuildChoices(environments);
        for (ObservableValue<EnvironmentSession> session : entered) {
            session.addListener((obs, old, now) -> {
                if (now != null && enteredThisRun.add(now.environment().id())) {
                    choices.stream().filter(c -> c.environment().id().equals(now.environment().id()))
                            .forEach(c -> c.chosenProperty().set(true));
                }
            });
        }
        summary = Bindings.createStringBinding(this::describe, rows, loading);
    }

    private void rebuildChoices(List<Environment> environments) {
        Map<String, Boolean> before = new LinkedHashMap<>();
        choices.forEach(c -> before.put(c.environment().id(), c.chosenProperty().get()));
        List<EnvironmentChoice> made = new ArrayList<>();
        for (Environment e : environments) {
            EnvironmentChoice choice = new EnvironmentChoice(e);
            choice.chosenProperty().set(before.getOrDefault(e.id(), enteredThisRun.contains(e.id())));
            made.add(choice);
        }
        choices.setAll(made);
    }

    /** Loads every ticked environment in parallel; rows appear per environment as each arrives. */
    public void load() {
        long mine = ++request;
        rowsByEnvironment.clear();
        rows.clear();
        loading.set(0);
        for (EnvironmentChoice choice : choices) {
            if (!choice.chosenProperty().get()) {
                choice.status("");
                continue;
            }
            Environment environment = choice.environment();
            EnvironmentTag tag = EnvironmentTag.of(environment);
            choice.status(LOADING);
            loading.set(loading.get() + 1);
            executor.submit(BackgroundTask.of("Loading " + environment.displayName() + "'s services (all environments)",
                            () -> {
                                EnvironmentSession session = enterEnvironment.enter(environment, mfaPrompt);
                                return ServiceRows.of(loadFleet.load(session, servicesFirst(mine, session, choice, tag)),
                                        tag);
                            })
                    .onSuccess(made -> {
                        if (mine != request) {
                            return;
                        }
                        loading.set(loading.get() - 1);
                        choice.status(made.size() + (made.size() == 1 ? " service" : " services"));
                        rowsByEnvironment.put(environment.id(), made);
                        publish();
                    })
                    .onFailure(problem -> {
                        if (mine != request) {
                            return;
                        }
                        loading.set(loading.get() - 1);
                        choice.status("not loaded");
                        dialogs.showProblem(problem);
                    }));
        }
    }

    /** Shows an environment's rows once its services are described, unless its full load has already landed. */
    private FleetLoadListener servicesFirst(long mine, EnvironmentSession session, EnvironmentChoice choice,
            EnvironmentTag tag) {
        return new FleetLoadListener() {
            @Override
            public void servicesReady(List<Cluster> clusters, List<Service> services,
                    Map<String, TaskDefinition> taskDefinitions) {
                FleetSnapshot early = new FleetSnapshot(session.environment().id(), session.region(),
                        java.time.Instant.now(), clusters, services, List.of(), List.of(), taskDefinitions, Map.of(),
                        List.of(), FleetStats.NONE);
                List<ServiceRow> made = ServiceRows.of(early, tag);
                uiThread.execute(() -> {
                    if (mine == request && LOADING.equals(choice.statusProperty().get())) {
                        rowsByEnvironment.put(tag.id(), made);
                        choice.status(made.size() + " services, hosts loading…");
                        publish();
                    }
                });
            }
        };
    }

    private void publish() {
        List<ServiceRow> all = new ArrayList<>();
        rowsByEnvironment.values().forEach(all::addAll);
        all.sort(ServiceRows.PROBLEMS_FIRST);
        rows.setAll(all);
    }

    private String describe() {
        long attention = rows.stream().filter(ServiceRow::needsAttention).count();
        String shown = rows.size() + (rows.size() == 1 ? " service" : " services") + " in "
                + rowsByEnvironment.size() + (rowsByEnvironment.size() == 1 ? " environment" : " environments")
                + (attention == 0 ? "" : " · " + attention + " need attention");
        return loading.get() == 0 ? shown : shown + " · loading " + loading.get() + " more…";
    }

    public ObservableList<EnvironmentChoice> choices() {
        return choices;
    }

    public ObservableList<ServiceRow> rows() {
        return rows;
    }

    public ReadOnlyIntegerProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public StringBinding summaryProperty() {
        return summary;
    }
}
