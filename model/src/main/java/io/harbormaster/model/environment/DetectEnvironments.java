package io.harbormaster.model.environment;

import java.util.List;

/** Port: the profiles in the operator's AWS configuration that could be environments. Blocking (reads files). */
public interface DetectEnvironments {

    /**
     * @throws io.harbormaster.model.error.OperatorException (CONFIGURATION) if the files cannot be parsed
     */
    List<EnvironmentCandidate> detect();
}
