package io.harbormaster.model.deploy;

import io.harbormaster.model.fleet.EnvironmentVariable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The revision a deploy registers: the current definition with only the requested fields changed. */
public final class NewRevision {

    private NewRevision() {
    }

    /**
     * @throws IllegalArgumentException when the change names a container the definition does not have, or removes
     *         a variable it does not have
     */
    public static TaskDefinitionSpec of(TaskDefinitionSpec current, TaskDefinitionChange change) {
        Map<String, ContainerChange> byName = new LinkedHashMap<>();
        change.containers().forEach(c -> byName.put(c.container(), c));
        for (String name : byName.keySet()) {
            if (current.container(name).isEmpty()) {
                throw new IllegalArgumentException(current.familyRevision() + " has no container '" + name + "'");
            }
        }
        List<ContainerSpec> containers = new ArrayList<>();
        for (ContainerSpec container : current.containers()) {
            ContainerChange c = byName.get(container.name());
            containers.add(c == null ? container : changed(container, c));
        }
        return current.unregistered(change.cpu().isEmpty() ? current.cpu() : change.cpu(),
                change.memory().isEmpty() ? current.memory() : change.memory(), containers);
    }

    private static ContainerSpec changed(ContainerSpec container, ContainerChange change) {
        for (String removed : change.removeEnvironment()) {
            if (container.environment().stream().noneMatch(v -> v.name().equals(removed))) {
                throw new IllegalArgumentException("container " + container.name() + " has no variable " + removed);
            }
        }
        // Variables keep their place; new ones go at the end in name order, so the diff shows only what changed.
        List<EnvironmentVariable> environment = new ArrayList<>();
        Map<String, String> toSet = new LinkedHashMap<>(change.setEnvironment());
        for (EnvironmentVariable v : container.environment()) {
            if (change.removeEnvironment().contains(v.name())) {
                continue;
            }
            String value = toSet.remove(v.name());
            environment.add(value == null ? v : new EnvironmentVariable(v.name(), value));
        }
        toSet.forEach((name, value) -> environment.add(new EnvironmentVariable(name, value)));
        ContainerSpec result = container.withEnvironment(environment);
        return change.changesImage() ? result.withImage(change.image()) : result;
    }
}
