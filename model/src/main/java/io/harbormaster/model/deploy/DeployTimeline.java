package io.harbormaster.model.deploy;

import java.time.Duration;
import java.util.List;

/**
 * What will happen, in order, and the earliest it can be over.
 *
 * @param earliestFinish the sum of the bake times (task start-up and health checks come on top)
 * @param circuitBreakerThreshold failed tasks that stop it; 0 when the circuit breaker is off
 * @param pauses         PAUSE hooks that wait for the operator (each adds however long that takes)
 */
public record DeployTimeline(List<TimelineStep> steps, Duration earliestFinish, int circuitBreakerThreshold,
                             List<String> alarms, int pauses) {

    public DeployTimeline {
        steps = List.copyOf(steps);
        alarms = List.copyOf(alarms);
    }
}
