package io.harbormaster.model.environment;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An environment that has been entered: whose credentials are in use, in which region, until when.
 * Holds no secret; the credentials themselves stay inside the adapter that made them.
 */
public record EnvironmentSession(Environment environment, CallerIdentity identity, String region, Instant expiresAt) {

    public EnvironmentSession {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(region, "region");
    }

    /** Time left before the session must be refreshed; null expiry (long-lived keys) never runs out. */
    public Duration remaining(Instant now) {
        if (expiresAt == null) {
            return Duration.ofDays(365);
        }
        Duration left = Duration.between(now, expiresAt);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
