package io.harbormaster.model.fleet;

import java.time.Instant;
import java.util.Objects;

/** A scale the journal holds open: the console stopped (or lost the answer) between its INTENT and its outcome. */
public record InterruptedScale(String operationId, String environmentId, String region, ScaleServiceCommand command,
                               Instant startedAt, String actor) {

    public InterruptedScale {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(environmentId, "environmentId");
        Objects.requireNonNull(command, "command");
    }

    /** "Scale of web to 6 tasks in prod (eu-west-1), asked by …/bob at …": what the operator is told was cut short. */
    public String describe() {
        return "Scale of " + command.serviceName() + " to " + command.desiredCount() + " tasks in " + environmentId
                + " (" + region + "), asked by " + actor + " at " + startedAt;
    }
}
