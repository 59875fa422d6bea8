package io.harbormaster.views.settings;

import io.harbormaster.model.environment.DetectEnvironments;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentCandidate;
import io.harbormaster.model.environment.EnvironmentFile;
import io.harbormaster.model.environment.EnvironmentRegistry;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.dialog.DialogService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Environments… dialog's state. Every change goes to the registry on the executor, then the list is read
 * back and {@code changed} runs (the environment bar reloads). Detected profiles and imports are shown first and
 * saved only when the operator says so.
 */
public final class EnvironmentSettingsViewModel {

    /** Colours handed to environments added from detected profiles; prod-looking ones get red. */
    private static final List<String> PALETTE = List.of("#2E7D32", "#B26A00", "#1565C0", "#6A1B9A", "#00838F",
            "#4E342E");
    private static final String PRODUCTION_RED = "#C62828";

    private final EnvironmentRegistry registry;
    private final DetectEnvironments detectEnvironments;
    private final EnvironmentFile environmentFile;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Runnable changed;

    private final ObservableList<Environment> environments = FXCollections.observableArrayList();
    private final ObservableList<Environment> environmentsReadOnly = FXCollections.unmodifiableObservableList(environments);
    private final ReadOnlyObjectWrapper<Environment> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyBooleanWrapper adding = new ReadOnlyBooleanWrapper(this, "adding");
    private final EnvironmentEditor editor = new EnvironmentEditor();
    private final BooleanBinding canSave;
    private final BooleanBinding canRemove;
    private final BooleanBinding canMoveUp;
    private final BooleanBinding canMoveDown;
    private final BooleanBinding editing;

    private final ObservableList<CandidateRow> candidates = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper detectStatus = new ReadOnlyStringWrapper(this, "detectStatus",
            "Look for profiles with role_arn or SSO settings in your AWS configuration.");
    private final ReadOnlyBooleanWrapper anyChosen = new ReadOnlyBooleanWrapper(this, "anyChosen");

    public EnvironmentSettingsViewModel(EnvironmentRegistry registry, DetectEnvironments detectEnvironments,
            EnvironmentFile environmentFile, TaskExecutor executor, DialogService dialogs, Runnable changed) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.detectEnvironments = Objects.requireNonNull(detectEnvironments, "detectEnvironments");
        this.environmentFile = Objects.requireNonNull(environmentFile, "environmentFile");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.changed = Objects.requireNonNull(changed, "changed");
        canSave = Bindings.createBooleanBinding(() -> editor.validProperty().get()
                && (adding.get() || selected.get() != null), editor.validProperty(), adding, selected);
        canRemove = Bindings.createBooleanBinding(() -> !adding.get() && selected.get() != null, adding, selected);
        editing = Bindings.createBooleanBinding(() -> adding.get() || selected.get() != null, adding, selected);
        canMoveUp = Bindings.createBooleanBinding(() -> indexOfSelected() > 0, selected, environments);
        canMoveDown = Bindings.createBooleanBinding(() -> {
            int at = indexOfSelected();
            return at >= 0 && at < environments.size() - 1;
        }, selected, environments);
    }

    /** Reads the registry; keeps the selection by id. */
    public void load() {
        reload(selected.get() == null ? null : selected.get().id());
    }

    private void reload(String keep) {
        executor.submit(BackgroundTask.of("Reading environments", registry::environments)
                .onSuccess(list -> {
                    environments.setAll(list);
                    Environment again = keep == null ? null
                            : list.stream().filter(e -> e.id().equals(keep)).findFirst().orElse(null);
                    if (again != null) {
                        select(again);
                    } else if (!adding.get() && !list.isEmpty() && selected.get() == null) {
                        select(list.get(0));
                    } else if (again == null && keep != null) {
                        selected.set(null);
                    }
                    refreshCandidates();
                })
                .onFailure(dialogs::showProblem));
    }

    public void select(Environment environment) {
        adding.set(false);
        selected.set(environment);
        if (environment != null) {
            editor.load(environment);
        }
    }

    /** An empty form for a new environment. */
    public void startNew() {
        selected.set(null);
        adding.set(true);
        editor.load(new Environment("new", "new environment", "profile", "", "", "", List.of("us-east-1"),
                PALETTE.get(environments.size() % PALETTE.size()), false, false, nextOrder()));
        editor.displayNameProperty().set("");
        editor.profileProperty().set("");
    }

    /** Saves the form: a new environment, or the selected one changed. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        Environment built = adding.get()
                ? editor.build(uniqueId(editor.profileProperty().get().strip()), nextOrder())
                : editor.build(selected.get().id(), selected.get().order());
        executor.submit(BackgroundTask.run("Saving " + built.displayName(), () -> registry.save(built))
                .onSuccess(done -> {
                    adding.set(false);
                    reload(built.id());
                    changed.run();
                })
                .onFailure(dialogs::showProblem));
    }

    /** Puts the form back to what is saved. */
    public void revert() {
        if (adding.get()) {
            adding.set(false);
            if (!environments.isEmpty()) {
                select(environments.get(0));
            }
        } else if (selected.get() != null) {
            editor.load(selected.get());
        }
    }

    public void remove() {
        Environment gone = selected.get();
        if (gone == null || adding.get()) {
            return;
        }
        if (!dialogs.confirm("Remove " + gone.displayName() + "?", "The environment " + gone.displayName()
                + " (profile " + gone.profileName() + ") leaves the environment bar. Your AWS profiles are not "
                + "touched; you can add it again from the detected profiles.", "Remove " + gone.displayName())) {
            return;
        }
        executor.submit(BackgroundTask.run("Removing " + gone.displayName(), () -> registry.remove(gone.id()))
                .onSuccess(done -> {
                    selected.set(null);
                    reload(null);
                    changed.run();
                })
                .onFailure(dialogs::showProblem));
    }

    public void moveUp() {
        move(-1);
    }

    public void moveDown() {
        move(1);
    }

    /** Renumbers the whole list 1…n in its new order, so ties and gaps disappear; saves what changed. */
    private void move(int by) {
        int from = indexOfSelected();
        int to = from + by;
        if (from < 0 || to < 0 || to >= environments.size()) {
            return;
        }
        List<Environment> order = new ArrayList<>(environments);
        order.add(to, order.remove(from));
        List<Environment> renumbered = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Environment e = order.get(i);
            if (e.order() != i + 1) {
                renumbered.add(withOrder(e, i + 1));
            }
        }
        String keep = selected.get().id();
        executor.submit(BackgroundTask.run("Reordering environments", () -> renumbered.forEach(registry::save))
                .onSuccess(done -> {
                    reload(keep);
                    changed.run();
                })
                .onFailure(dialogs::showProblem));
    }

    // ---------- detected profiles ----------

    /** Reads the AWS configuration for candidate profiles; shows those not registered yet. */
    public void detect() {
        detectStatus.set("Reading your AWS configuration…");
        executor.submit(BackgroundTask.of("Detecting AWS profiles", detectEnvironments::detect)
                .onSuccess(found -> {
                    candidates.setAll(found.stream().map(CandidateRow::new).toList());
                    candidates.forEach(row -> row.chosenProperty().addListener((obs, was, now) -> updateChosen()));
                    refreshCandidates();
                })
                .onFailure(problem -> {
                    detectStatus.set("Could not read the AWS configuration: " + problem.message());
                    dialogs.showProblem(problem);
                }));
    }

    private void refreshCandidates() {
        Set<String> known = environments.stream().map(Environment::profileName).collect(Collectors.toSet());
        candidates.removeIf(row -> known.contains(row.candidate().profileName()));
        updateChosen();
        if (!detectStatus.get().startsWith("Look for")) {
            detectStatus.set(candidates.isEmpty() ? "Every profile that could be an environment is already one."
                    : candidates.size() + (candidates.size() == 1 ? " profile" : " profiles")
                    + " not yet environments. Tick the ones to add.");
        }
    }

    private void updateChosen() {
        anyChosen.set(candidates.stream().anyMatch(r -> r.addable() && r.chosenProperty().get()));
    }

    /** Adds the ticked, addable candidates as environments. */
    public void addSelected() {
        List<Environment> added = new ArrayList<>();
        int order = nextOrder();
        for (CandidateRow row : candidates) {
            if (row.addable() && row.chosenProperty().get()) {
                added.add(fromCandidate(row.candidate(), order++, added.size()));
            }
        }
        if (added.isEmpty()) {
            return;
        }
        detectStatus.set("Adding " + added.size() + "…");
        executor.submit(BackgroundTask.run("Adding " + added.size() + " environments",
                        () -> added.forEach(registry::save))
                .onSuccess(done -> {
                    reload(added.get(0).id());
                    changed.run();
                })
                .onFailure(dialogs::showProblem));
    }

    private Environment fromCandidate(EnvironmentCandidate c, int order, int index) {
        boolean prodLike = (c.profileName() + " " + c.accountName()).toLowerCase(Locale.ROOT).contains("prod");
        String account = c.accountId().matches("\\d{12}") ? c.accountId() : "";
        String role = c.kind() == EnvironmentCandidate.Kind.SSO ? "" : c.roleArn();
        // An Identity Center account is known by its name and permission set, e.g. "prod · ReadOnlyAccess".
        String display = c.kind() == EnvironmentCandidate.Kind.SSO && !c.accountName().isBlank()
                ? c.accountName() + " · " + c.roleArn() : c.profileName();
        return new Environment(uniqueId(c.profileName()), display, c.profileName(), c.loginProfile(),
                account, role, List.of(c.region().orElse("us-east-1")),
                prodLike ? PRODUCTION_RED : PALETTE.get((environments.size() + index) % PALETTE.size()), prodLike,
                false, order);
    }

    // ---------- import / export ----------

    /** Reads a shared file, shows what it adds and replaces, and saves only if the operator agrees. */
    public void importFrom(Path file) {
        executor.submit(BackgroundTask.of("Reading " + file.getFileName(), () -> environmentFile.read(file))
                .onSuccess(read -> confirmImport(file, read))
                .onFailure(dialogs::showProblem));
    }

    private void confirmImport(Path file, List<Environment> read) {
        ImportPlan plan = ImportPlan.of(environments, read);
        if (plan.isEmpty()) {
            dialogs.showInfo("Nothing to import", file.getFileName() + " holds the same environments you have.");
            return;
        }
        if (!dialogs.confirm("Import " + file.getFileName() + "?", plan.describe(),
                "Import " + plan.size() + (plan.size() == 1 ? " environment" : " environments"))) {
            return;
        }
        List<Environment> toSave = plan.toSave();
        executor.submit(BackgroundTask.run("Importing " + toSave.size() + " environments",
                        () -> toSave.forEach(registry::save))
                .onSuccess(done -> {
                    reload(selected.get() == null ? null : selected.get().id());
                    changed.run();
                })
                .onFailure(dialogs::showProblem));
    }

    public void exportTo(Path file) {
        List<Environment> all = List.copyOf(environments);
        executor.submit(BackgroundTask.run("Exporting " + all.size() + " environments",
                        () -> environmentFile.write(all, file))
                .onSuccess(done -> dialogs.showInfo("Environments exported", all.size()
                        + (all.size() == 1 ? " environment" : " environments") + " written to " + file))
                .onFailure(dialogs::showProblem));
    }

    // ---------- helpers ----------

    private int indexOfSelected() {
        Environment current = selected.get();
        if (current == null) {
            return -1;
        }
        for (int i = 0; i < environments.size(); i++) {
            if (environments.get(i).id().equals(current.id())) {
                return i;
            }
        }
        return -1;
    }

    private int nextOrder() {
        return environments.stream().mapToInt(Environment::order).max().orElse(0) + 1;
    }

    private String uniqueId(String base) {
        String id = base.isBlank() ? "environment" : base;
        Set<String> taken = environments.stream().map(Environment::id).collect(Collectors.toSet());
        String candidate = id;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = id + "-" + n;
        }
        return candidate;
    }

    private static Environment withOrder(Environment e, int order) {
        return new Environment(e.id(), e.displayName(), e.profileName(), e.loginProfile(), e.accountId(), e.roleArn(),
                e.regions(), e.colour(), e.production(), e.readOnly(), order);
    }

    public ObservableList<Environment> environments() {
        return environmentsReadOnly;
    }

    public ReadOnlyObjectProperty<Environment> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty addingProperty() {
        return adding.getReadOnlyProperty();
    }

    public EnvironmentEditor editor() {
        return editor;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    /** Whether the form holds an environment (selected or new): with nothing selected it says nothing is wrong. */
    public BooleanBinding editingProperty() {
        return editing;
    }

    /** What the form says is wrong, or nothing while it holds no environment. */
    public String formError(String error) {
        return editing.get() ? error : "";
    }

    public BooleanBinding canRemoveProperty() {
        return canRemove;
    }

    public BooleanBinding canMoveUpProperty() {
        return canMoveUp;
    }

    public BooleanBinding canMoveDownProperty() {
        return canMoveDown;
    }

    public ObservableList<CandidateRow> candidates() {
        return candidates;
    }

    public ReadOnlyStringProperty detectStatusProperty() {
        return detectStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty anyChosenProperty() {
        return anyChosen.getReadOnlyProperty();
    }
}
