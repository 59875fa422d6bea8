package io.harbormaster.views.deploys.live;

import io.harbormaster.model.deploy.DeploymentProgress;
import io.harbormaster.model.deploy.ServiceRef;
import java.time.Instant;
import java.util.Objects;

/**
 * One deploy on the Deploys page: a journal operation this console followed or follows, with the latest look at it.
 *
 * @param taskDefinitionArn the revision it rolls out, as the journal has it; blank when not known yet
 * @param progress          null until the first look
 * @param following         true while the console follows it (it has not reached a terminal status)
 */
public record DeployRow(String operationId, String environmentId, ServiceRef service, String taskDefinitionArn,
                        Instant startedAt, String startedBy, DeploymentProgress progress, boolean following) {

    public DeployRow {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(service, "service");
        taskDefinitionArn = taskDefinitionArn == null ? "" : taskDefinitionArn;
    }

    /** ECS's status in words, or what the console is doing while it has none. */
    public String statusText() {
        if (progress == null) {
            return following ? "taking it up…" : "not followed";
        }
        return progress.deployment().status().name() + (progress.terminal() ? ""
                : " · " + progress.deployment().lifecycleStage().name());
    }
}
