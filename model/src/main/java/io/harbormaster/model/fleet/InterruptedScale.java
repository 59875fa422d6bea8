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

    /**
     * "Scale of web from 3 to 6 tasks in prod (eu-west-1), asked by …/bob at …": what the operator is told was cut
     * short ("to 6 tasks" alone when the count it scaled from is not known).
     */
    public String describe() {
        return "Scale of " + command.serviceName() + fromTo(command.fromCount(), command.desiredCount()) + " tasks in "
                + environmentId + " (" + region + "), asked by " + actor + " at " + startedAt;
    }

    /** " from 3 to 6", or " to 6" when the count scaled from is not known. */
    public static String fromTo(java.util.OptionalInt from, int to) {
        return (from.isPresent() ? " from " + from.getAsInt() : "") + " to " + to;
    }
}
