package io.harbormaster.model.environment;

import io.harbormaster.model.error.OperatorException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Asks the operator for a one-time MFA code. Called from a background thread; implementations may block
 * until the operator answers. Empty means the operator cancelled.
 */
@FunctionalInterface
public interface MfaPrompt {

    Optional<String> askCode(Environment environment, String mfaSerial);

    /**
     * Asks for a code and has {@code check} try it (on the calling thread). A code {@code check} refuses by throwing
     * an {@link OperatorException} of kind {@code MFA_INVALID} may be asked for again in the same prompt, with the
     * refusal shown; by default it is asked once and the refusal thrown. Empty: the operator cancelled.
     */
    default <T> Optional<T> askAndCheck(Environment environment, String mfaSerial, Function<String, T> check) {
        return askCode(environment, mfaSerial).map(check);
    }

    /** For places where no operator can answer: every request is cancelled. */
    MfaPrompt NONE = (environment, serial) -> Optional.empty();
}
