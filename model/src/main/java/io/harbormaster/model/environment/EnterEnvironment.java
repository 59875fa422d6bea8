package io.harbormaster.model.environment;

import io.harbormaster.model.error.OperatorException;
import java.util.function.Consumer;

/** Port: enter an environment by assuming its role from the ops login. Blocking; never call on the UI thread. */
public interface EnterEnvironment {

    /**
     * @throws OperatorException when the role cannot be assumed, with who/which role/which environment in its message
     */
    EnvironmentSession enter(Environment environment, MfaPrompt mfaPrompt);

    /** This entry, then {@code entered} with the session (e.g. reading back what a killed run left open there). */
    default EnterEnvironment andThen(Consumer<EnvironmentSession> entered) {
        return (environment, mfaPrompt) -> {
            EnvironmentSession session = enter(environment, mfaPrompt);
            entered.accept(session);
            return session;
        };
    }
}
