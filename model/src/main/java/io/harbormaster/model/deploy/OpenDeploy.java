package io.harbormaster.model.deploy;

import io.harbormaster.model.journal.JournalEntry;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A deploy operation of the journal without its END line: the console stopped (or is still) following it.
 *
 * @param updateSent           an UpdateService INTENT was written (its outcome may be unknown)
 * @param updateAnswered       that UpdateService answered DONE
 * @param serviceDeploymentArn blank until known
 */
public record OpenDeploy(String operationId, String environmentId, String region, ServiceRef service,
                         String taskDefinitionArn, String serviceDeploymentArn, boolean updateSent,
                         boolean updateAnswered, Instant startedAt, String actor, List<JournalEntry> lines) {

    public OpenDeploy {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(service, "service");
        taskDefinitionArn = taskDefinitionArn == null ? "" : taskDefinitionArn;
        serviceDeploymentArn = serviceDeploymentArn == null ? "" : serviceDeploymentArn;
        lines = List.copyOf(lines);
    }
}
