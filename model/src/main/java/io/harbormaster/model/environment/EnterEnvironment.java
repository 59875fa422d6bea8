package io.harbormaster.model.environment;

import io.harbormaster.model.error.OperatorException;

/** Port: enter an environment by assuming its role from the ops login. Blocking; never call on the UI thread. */
public interface EnterEnvironment {

    /**
     * @throws OperatorException when the role cannot be assumed, with who/which role/which environment in its message
     */
    EnvironmentSession enter(Environment environment, MfaPrompt mfaPrompt);
}
