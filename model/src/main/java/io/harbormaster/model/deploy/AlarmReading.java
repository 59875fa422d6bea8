package io.harbormaster.model.deploy;

import io.harbormaster.model.alarms.AlarmState;
import java.time.Instant;
import java.util.Objects;

/** A deployment alarm's state now, with CloudWatch's reason (which carries the values that fired it). */
public record AlarmReading(String name, AlarmState state, String reason, Instant updatedAt) {

    public AlarmReading {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
    }
}
