package io.harbormaster.views.cutovers;

import io.harbormaster.model.cutover.CutoverService;
import io.harbormaster.model.environment.MfaPrompt;
import java.util.Optional;

/**
 * Where the Cutovers page gets the one cutover service of the run: built by the app on first use with the shell's
 * MFA prompt (a cutover may enter environments by itself) and the operator's identity for the journal and the lock.
 */
@FunctionalInterface
public interface CutoverServices {

    CutoverService service(MfaPrompt prompt, String actor);

    /**
     * Why the journal's lines are not reaching the team's audit log, while they are not (denied, offline): shown in
     * the live view so a missing copy is never silent. Empty when copies go through.
     */
    default Optional<String> auditProblem() {
        return Optional.empty();
    }
}
