package io.harbormaster.model.deploy;

import io.harbormaster.model.alarms.AlarmState;
import java.time.Instant;
import java.util.Objects;

/**
 * A deployment alarm's state now, with CloudWatch's reason (which carries the values that fired it).
 *
 * @param alarmReason CloudWatch's reason when the alarm last went to ALARM: the same as {@code reason} while it is in
 *                    ALARM, else read from its history (an alarm leaves ALARM once its data stops, often before the
 *                    console looks); empty when it never did
 */
public record AlarmReading(String name, AlarmState state, String reason, Instant updatedAt, String alarmReason) {

    public AlarmReading {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
        alarmReason = alarmReason == null || alarmReason.isBlank()
                ? (state == AlarmState.ALARM ? reason : "") : alarmReason;
    }

    public AlarmReading(String name, AlarmState state, String reason, Instant updatedAt) {
        this(name, state, reason, updatedAt, "");
    }
}
