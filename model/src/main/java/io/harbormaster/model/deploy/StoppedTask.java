package io.harbormaster.model.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Evidence of a failed task: why ECS stopped it (DescribeTasks of a stopped task).
 *
 * @param containerReasons "web: exit 1 (Essential container exited)" per container that said something
 */
public record StoppedTask(String taskArn, String taskDefinitionArn, String stopCode, String stoppedReason,
                          Instant stoppedAt, List<String> containerReasons) {

    public StoppedTask {
        Objects.requireNonNull(taskArn, "taskArn");
        taskDefinitionArn = taskDefinitionArn == null ? "" : taskDefinitionArn;
        stopCode = stopCode == null ? "" : stopCode;
        stoppedReason = stoppedReason == null ? "" : stoppedReason;
        containerReasons = List.copyOf(containerReasons);
    }
}
