package io.harbormaster.model.environment;

import java.util.Optional;

/**
 * Asks the operator for a one-time MFA code. Called from a background thread; implementations may block
 * until the operator answers. Empty means the operator cancelled.
 */
@FunctionalInterface
public interface MfaPrompt {

    Optional<String> askCode(Environment environment, String mfaSerial);

    /** For places where no operator can answer: every request is cancelled. */
    MfaPrompt NONE = (environment, serial) -> Optional.empty();
}
