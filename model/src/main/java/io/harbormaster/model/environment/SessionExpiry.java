package io.harbormaster.model.environment;

import java.time.Instant;
import java.util.Optional;

/** Port: when an entered environment's current credentials run out (they are renewed behind the scenes). */
public interface SessionExpiry {

    Optional<Instant> expiresAt(String environmentId);
}
