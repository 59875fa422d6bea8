package io.harbormaster.model.cutover;

import io.harbormaster.model.environment.EnvironmentSession;

/**
 * Port: the session of an environment by id, entering it if needed (a cutover may touch the hosted zone's
 * environment and each side's). Blocking.
 */
@FunctionalInterface
public interface CutoverSessions {

    /** @throws io.harbormaster.model.error.OperatorException when it cannot be entered */
    EnvironmentSession session(String environmentId);
}
