package io.harbormaster.model.cutover;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What one gate saw and concluded: the value against the levels, over which window, from how many data points.
 *
 * @param subject    the metric's label or the alarm's name
 * @param sideId     the side it was read on
 * @param value      the value judged; empty when there was no data (or for an alarm)
 * @param warning    the warning level (NaN for an alarm)
 * @param critical   the critical level (NaN for an alarm)
 * @param windowStart the window read, start inclusive
 * @param windowEnd   end exclusive
 * @param dataPoints how many points the window held
 * @param verdict    the gate's conclusion
 * @param reason     one line for the operator ("5xx 7.2 % > critical 5 % over 5 data points")
 */
public record GateEvidence(String subject, String sideId, OptionalDouble value, double warning, double critical,
                           Instant windowStart, Instant windowEnd, int dataPoints, GateVerdict verdict,
                           String reason) {

    public GateEvidence {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(sideId, "sideId");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
    }
}
