package io.harbormaster.model.cutover;

import java.util.Objects;

/**
 * One pre-flight check, passed or not, with what it saw.
 *
 * @param name     "Target side healthy", "Capacity", "Load balancer warmed", "Record TTL"
 * @param passed   whether it passed
 * @param evidence what it saw and how it judged ("green: 6 of 6 targets healthy in 2 target groups")
 */
public record PreflightCheck(String name, boolean passed, String evidence) {

    public PreflightCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(evidence, "evidence");
    }
}
