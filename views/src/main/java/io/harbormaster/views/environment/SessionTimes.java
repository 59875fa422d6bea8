package io.harbormaster.views.environment;

import io.harbormaster.model.environment.SessionExpiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * How long each entered environment's session has left, from {@link SessionExpiry} (which knows about renewals),
 * moved on by {@link #tick()} — the views call it once a second while they show.
 */
public final class SessionTimes {

    /** Below this the time left turns into a warning. */
    public static final Duration EXPIRING = Duration.ofMinutes(5);

    private final SessionExpiry expiry;
    private final Clock clock;
    private final ObjectProperty<Instant> now;

    public SessionTimes(SessionExpiry expiry, Clock clock) {
        this.expiry = Objects.requireNonNull(expiry, "expiry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.now = new SimpleObjectProperty<>(this, "now", clock.instant());
    }

    /** The clock as last ticked; bind to it to follow the time. */
    public javafx.beans.property.ReadOnlyObjectProperty<Instant> nowProperty() {
        return now;
    }

    public void tick() {
        now.set(clock.instant());
    }

    /** Time left for an entered environment; empty if it has not been entered (or never expires). */
    public Optional<Duration> left(String environmentId) {
        return expiry.expiresAt(environmentId).map(at -> {
            Duration left = Duration.between(now.get(), at);
            return left.isNegative() ? Duration.ZERO : left;
        });
    }

    /** Time left of the sign-in an environment's credentials are renewed from (IAM Identity Center), if any. */
    public Optional<Duration> signInLeft(String environmentId) {
        return expiry.signInExpiresAt(environmentId).map(at -> {
            Duration left = Duration.between(now.get(), at);
            return left.isNegative() ? Duration.ZERO : left;
        });
    }
}
