package io.harbormaster.views.cutovers;

import io.harbormaster.model.cutover.CutoverService;
import io.harbormaster.model.environment.MfaPrompt;

/**
 * Where the Cutovers page gets the one cutover service of the run: built by the app on first use with the shell's
 * MFA prompt (a cutover may enter environments by itself) and the operator's identity for the journal and the lock.
 */
@FunctionalInterface
public interface CutoverServices {

    CutoverService service(MfaPrompt prompt, String actor);
}
