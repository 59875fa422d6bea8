package io.harbormaster.model.environment;

import java.time.Instant;
import java.util.Optional;

/** Port: when an entered environment's current credentials run out (they are renewed behind the scenes). */
public interface SessionExpiry {

    Optional<Instant> expiresAt(String environmentId);

    /**
     * When the sign-in the environment's credentials are renewed from runs out (an IAM Identity Center token), if
     * it has one: past it the operator signs in again.
     */
    default Optional<Instant> signInExpiresAt(String environmentId) {
        return Optional.empty();
    }
}
