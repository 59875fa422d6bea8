package io.harbormaster.model.cutover;

import java.time.Instant;
import java.util.Objects;

/**
 * Who holds a route's cutover lock, as written in the lock itself so every console reads the same.
 *
 * @param who       the operator's ops identity (user ARN or name)
 * @param since     when it was taken
 * @param cutoverId the cutover it protects
 * @param machine   the host name of the console that took it
 */
public record LockHolder(String who, Instant since, String cutoverId, String machine) {

    public LockHolder {
        if (who == null || who.isBlank() || cutoverId == null || cutoverId.isBlank()) {
            throw new IllegalArgumentException("a lock holder needs who and which cutover");
        }
        Objects.requireNonNull(since, "since");
        machine = machine == null ? "" : machine;
        if ((who + cutoverId + machine).contains("\"")) {
            throw new IllegalArgumentException("a lock holder's fields cannot contain quotes");
        }
    }

    /** "alice on build-07 since 2026-12-06T03:00:00Z (cutover 4f1…)" */
    public String describe() {
        return who + (machine.isBlank() ? "" : " on " + machine) + " since " + since + " (cutover " + cutoverId + ")";
    }
}
