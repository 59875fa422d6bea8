package io.harbormaster.views.deploys.wizard;

import io.harbormaster.model.error.Quoted;
import io.harbormaster.model.deploy.ContainerChange;
import io.harbormaster.model.deploy.DeployRequest;
import io.harbormaster.model.deploy.DeployTarget;
import io.harbormaster.model.deploy.RevisionSource;
import io.harbormaster.model.deploy.TaskDefinitionChange;
import io.harbormaster.model.fleet.EnvironmentVariable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The wizard's first page: what changes. New images per container, or an existing revision; task cpu and memory;
 * environment variables ("NAME=value" sets, "-NAME" removes; a variable not named keeps its value, so masked
 * secrets are never retyped); the desired count. Validation lives here; the page only shows {@link #problem()}.
 */
public final class ChangeStep {

    public enum Mode { NEW_IMAGES, EXISTING_REVISION }

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.NEW_IMAGES);
    private final ObservableList<ImageRow> images = FXCollections.observableArrayList();
    private final StringProperty revision = new SimpleStringProperty(this, "revision", "");
    private final StringProperty cpu = new SimpleStringProperty(this, "cpu", "");
    private final StringProperty memory = new SimpleStringProperty(this, "memory", "");
    private final StringProperty environmentContainer = new SimpleStringProperty(this, "environmentContainer", "");
    private final StringProperty environmentEdits = new SimpleStringProperty(this, "environmentEdits", "");
    private final StringProperty desired = new SimpleStringProperty(this, "desired", "");
    private final javafx.beans.property.ReadOnlyStringWrapper problem =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "problem", "Reading the service…");
    private DeployTarget target;

    public ChangeStep() {
        javafx.beans.InvalidationListener check = o -> problem.set(explain());
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {mode, revision, cpu, memory,
                environmentContainer, environmentEdits, desired}) {
            o.addListener(check);
        }
        images.addListener((javafx.collections.ListChangeListener<ImageRow>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(row -> row.newImageProperty().addListener(check));
            }
            problem.set(explain());
        });
    }

    /** Fills the page from the service as it is now. */
    public void load(DeployTarget deployTarget, Function<String, List<String>> knownImages) {
        target = deployTarget;
        images.setAll(deployTarget.taskDefinition().containers().stream()
                .map(c -> new ImageRow(c, knownImages.apply(c.imageRepository()))).toList());
        cpu.set(deployTarget.taskDefinition().cpu());
        memory.set(deployTarget.taskDefinition().memory());
        environmentContainer.set(deployTarget.taskDefinition().containers().get(0).name());
        desired.set(Integer.toString(deployTarget.desiredCount()));
        problem.set(explain());
    }

    /** The environment of a container as the page shows it: values as they are, secrets masked. */
    public List<String> environmentShown(String container) {
        if (target == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        target.taskDefinition().container(container).ifPresent(c -> {
            for (EnvironmentVariable v : c.environment()) {
                lines.add(v.name() + "=" + v.value());
            }
            c.secrets().forEach(s -> lines.add(s.name() + "=•••••• (secret, kept)"));
        });
        return lines;
    }

    /** Why the page cannot go on; empty when it can. */
    public javafx.beans.property.ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    private String explain() {
        if (target == null) {
            return "Reading the service…";
        }
        try {
            request(target.settings());
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The revision source and count asked for; throws IllegalArgumentException saying what is wrong. */
    RevisionSource revisionSource() {
        if (mode.get() == Mode.EXISTING_REVISION) {
            String r = revision.get() == null ? "" : revision.get().strip();
            if (r.isEmpty()) {
                throw new IllegalArgumentException("Type the revision to deploy (family:revision or its ARN)");
            }
            return new RevisionSource.Existing(r);
        }
        List<ContainerChange> changes = new ArrayList<>();
        Map<String, String> set = new LinkedHashMap<>();
        Set<String> removed = new LinkedHashSet<>();
        parseEdits(set, removed);
        for (ImageRow row : images) {
            boolean envHere = row.container().equals(environmentContainer.get());
            changes.add(new ContainerChange(row.container(), row.resolvedChange(), envHere ? set : Map.of(),
                    envHere ? removed : Set.of()));
        }
        String newCpu = same(cpu.get(), target.taskDefinition().cpu());
        String newMemory = same(memory.get(), target.taskDefinition().memory());
        return new RevisionSource.Changed(new TaskDefinitionChange(changes.stream()
                .filter(c -> !c.isEmpty()).toList(), newCpu, newMemory));
    }

    OptionalInt desiredCount() {
        String text = desired.get() == null ? "" : desired.get().strip();
        if (!text.matches("\\d{1,6}")) {
            throw new IllegalArgumentException("The desired count is a whole number of tasks, 0 to "
                    + DeployRequest.MAX_DESIRED);
        }
        int count = Integer.parseInt(text);
        return count == target.desiredCount() ? OptionalInt.empty() : OptionalInt.of(count);
    }

    DeployRequest request(io.harbormaster.model.deploy.DeploymentSettings settings) {
        return new DeployRequest(target.service(), revisionSource(), desiredCount(), settings);
    }

    private static String same(String typed, String now) {
        String t = typed == null ? "" : typed.strip();
        return t.equals(now) ? "" : t;
    }

    private void parseEdits(Map<String, String> set, Set<String> removed) {
        String text = environmentEdits.get() == null ? "" : environmentEdits.get();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("-")) {
                removed.add(line.substring(1).strip());
            } else if (line.indexOf('=') > 0) {
                set.put(line.substring(0, line.indexOf('=')).strip(), line.substring(line.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("Environment edit " + Quoted.of(line)
                        + " is neither NAME=value nor -NAME");
            }
        }
    }

    public DeployTarget target() {
        return target;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public ObservableList<ImageRow> images() {
        return images;
    }

    public StringProperty revisionProperty() {
        return revision;
    }

    public StringProperty cpuProperty() {
        return cpu;
    }

    public StringProperty memoryProperty() {
        return memory;
    }

    public StringProperty environmentContainerProperty() {
        return environmentContainer;
    }

    public StringProperty environmentEditsProperty() {
        return environmentEdits;
    }

    public StringProperty desiredProperty() {
        return desired;
    }
}
