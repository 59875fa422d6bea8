package io.harbormaster.model.deploy;

import java.util.List;

/**
 * What a deploy changes: the task definition (task section, then one per container, in the new definition's order;
 * removed containers last) and the service's settings.
 */
public record DeployDiff(List<DiffSection> taskDefinition, List<SettingChange> settings) {

    public DeployDiff {
        taskDefinition = List.copyOf(taskDefinition);
        settings = List.copyOf(settings);
    }

    public boolean changesTaskDefinition() {
        return taskDefinition.stream().anyMatch(DiffSection::changed);
    }

    public boolean isEmpty() {
        return !changesTaskDefinition() && settings.isEmpty();
    }
}
