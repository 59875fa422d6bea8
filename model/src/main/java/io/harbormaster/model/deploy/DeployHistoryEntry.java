package io.harbormaster.model.deploy;

import java.time.Instant;
import java.util.Objects;

/**
 * One deployment of a service's history: what ECS keeps, joined with this console's journal where it started it.
 *
 * @param startedBy        the ops identity that started it from this console; blank when not from here
 * @param startedHereAt    when this console asked for it; null when not from here
 * @param taskDefinitionArn the revision it rolled out, when the journal or the service revision says; may be blank
 * @param operationId      the journal operation, to read its lines; blank when not from here
 */
public record DeployHistoryEntry(ServiceDeploymentBrief deployment, String startedBy, Instant startedHereAt,
                                 String taskDefinitionArn, String operationId) {

    public DeployHistoryEntry {
        Objects.requireNonNull(deployment, "deployment");
        startedBy = startedBy == null ? "" : startedBy;
        taskDefinitionArn = taskDefinitionArn == null ? "" : taskDefinitionArn;
        operationId = operationId == null ? "" : operationId;
    }

    public boolean fromThisConsole() {
        return !operationId.isEmpty();
    }
}
