package io.harbormaster.views.environment;

import io.harbormaster.model.environment.EnterEnvironment;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentRegistry;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.settings.UiStateStore;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.LatestWins;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.dialog.DialogService;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The environments the operator can enter, which one is current, and entering one. Entering runs in the
 * background; a failure is shown and the bar goes back to where it was, leaving the current session untouched.
 */
public final class EnvironmentBarViewModel {

    /** UI-state key remembering the environment last entered; it is focused at start, never entered by itself. */
    public static final String LAST_KEY = "environment.last";

    private static final System.Logger LOG = System.getLogger(EnvironmentBarViewModel.class.getName());

    private final EnvironmentRegistry registry;
    private final EnterEnvironment enterEnvironment;
    private final MfaPrompt mfaPrompt;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final UiStateStore uiState;

    private final ObservableList<Environment> environments = FXCollections.observableArrayList();
    // One wrapper for everyone: a wrapper made per call holds its listeners weakly and is collected with them.
    private final ObservableList<Environment> environmentsReadOnly = FXCollections.unmodifiableObservableList(environments);
    private final ReadOnlyObjectWrapper<Environment> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyObjectWrapper<Environment> entering = new ReadOnlyObjectWrapper<>(this, "entering");
    private final ReadOnlyObjectWrapper<EnvironmentSession> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<Environment> lastUsed = new ReadOnlyObjectWrapper<>(this, "lastUsed");
    private final BooleanBinding productionCurrent;
    /** Only the latest request to enter may change the bar; a new one cancels the previous (and its MFA prompt). */
    private final LatestWins entries;

    public EnvironmentBarViewModel(EnvironmentRegistry registry, EnterEnvironment enterEnvironment,
                                   MfaPrompt mfaPrompt, TaskExecutor executor, DialogService dialogs,
                                   UiStateStore uiState) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.enterEnvironment = Objects.requireNonNull(enterEnvironment, "enterEnvironment");
        this.mfaPrompt = Objects.requireNonNull(mfaPrompt, "mfaPrompt");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.entries = new LatestWins(executor);
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.uiState = Objects.requireNonNull(uiState, "uiState");
        productionCurrent = Bindings.createBooleanBinding(
                () -> session.get() != null && session.get().environment().production(), session);
    }

    /** Reads the environment list and the one used last, in the background. */
    public void load() {
        loading.set(true);
        executor.submit(BackgroundTask.of("Loading environments",
                        () -> new Loaded(registry.environments(), uiState.get(LAST_KEY).orElse("")))
                .onSuccess(loaded -> {
                    environments.setAll(loaded.environments());
                    lastUsed.set(find(loaded.lastId()).orElse(null));
                    loading.set(false);
                })
                .onFailure(problem -> {
                    loading.set(false);
                    dialogs.showProblem(problem);
                }));
    }

    /**
     * True while the environment list is being read; on the embedded sandbox that lasts until it has started, which
     * may be a few seconds after the window opened.
     */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    private record Loaded(List<Environment> environments, String lastId) {
    }

    /** Enters the environment at 1-based position {@code position} in the bar, if there is one. */
    public void enterPosition(int position) {
        if (position >= 1 && position <= environments.size()) {
            enter(environments.get(position - 1));
        }
    }

    public void enter(Environment environment) {
        Objects.requireNonNull(environment, "environment");
        if (isCurrent(environment) || isEntering(environment)) {
            return;
        }
        selected.set(environment);
        entering.set(environment);
        entries.submit(BackgroundTask.of("Entering " + environment.displayName(), () -> enterAndRecord(environment))
                .onSuccess(entered -> {
                    Environment shown = entered.environment();
                    replace(shown);
                    entering.set(null);
                    selected.set(shown);
                    session.set(entered);
                    lastUsed.set(shown);
                    executor.submit(BackgroundTask.run("Remembering " + shown.displayName(),
                            () -> uiState.put(LAST_KEY, shown.id())).quietly());
                })
                .onFailure(problem -> {
                    entering.set(null);
                    selected.set(session.get() == null ? null : session.get().environment());
                    dialogs.showProblem(problem);
                }));
    }

    /** Runs on the worker: enters, and fills in an account id the registry did not know yet. */
    private EnvironmentSession enterAndRecord(Environment environment) {
        EnvironmentSession entered = enterEnvironment.enter(environment, mfaPrompt);
        Environment known = entered.environment();
        String account = entered.identity().account();
        if (known.accountId().isEmpty() && account.matches("\\d{12}")) {
            Environment learned = known.withAccountId(account);
            try {
                registry.save(learned);
            } catch (RuntimeException notSaved) {
                LOG.log(System.Logger.Level.WARNING, "Could not remember account " + account + " for "
                        + environment.id() + "; it will be looked up again next time", notSaved);
            }
            return new EnvironmentSession(learned, entered.identity(), entered.region(), entered.expiresAt());
        }
        return entered;
    }

    private void replace(Environment updated) {
        for (int i = 0; i < environments.size(); i++) {
            if (environments.get(i).id().equals(updated.id()) && !environments.get(i).equals(updated)) {
                environments.set(i, updated);
            }
        }
    }

    private boolean isCurrent(Environment environment) {
        return entering.get() == null && session.get() != null
                && session.get().environment().id().equals(environment.id());
    }

    private boolean isEntering(Environment environment) {
        return entering.get() != null && entering.get().id().equals(environment.id());
    }

    public Optional<Environment> find(String id) {
        return environments.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** 1-based position in the bar, for showing the Ctrl+N shortcut. */
    public int positionOf(Environment environment) {
        for (int i = 0; i < environments.size(); i++) {
            if (environments.get(i).id().equals(environment.id())) {
                return i + 1;
            }
        }
        return -1;
    }

    public ObservableList<Environment> environments() {
        return environmentsReadOnly;
    }

    /** What the bar shows as chosen: the environment being entered, else the current one, else none. */
    public ReadOnlyObjectProperty<Environment> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Environment> enteringProperty() {
        return entering.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EnvironmentSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public EnvironmentSession session() {
        return session.get();
    }

    public ReadOnlyObjectProperty<Environment> lastUsedProperty() {
        return lastUsed.getReadOnlyProperty();
    }

    public BooleanBinding productionCurrentProperty() {
        return productionCurrent;
    }
}
