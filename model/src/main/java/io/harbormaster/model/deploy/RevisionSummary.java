package io.harbormaster.model.deploy;

import java.util.Objects;

/**
 * A service revision inside a deployment ({@code ServiceRevisionSummary}).
 *
 * @param testTrafficPercent       requested test traffic weight, 0–100; -1 when ECS does not say
 * @param productionTrafficPercent requested production traffic weight, 0–100; -1 when ECS does not say
 */
public record RevisionSummary(String arn, int requestedTasks, int runningTasks, int pendingTasks,
                              double testTrafficPercent, double productionTrafficPercent) {

    public RevisionSummary {
        Objects.requireNonNull(arn, "arn");
    }
}
