package io.harbormaster.model.cutover;

import io.harbormaster.model.environment.EnvironmentSession;
import java.util.List;

/**
 * Port: every weighted route in an environment — each Route 53 record name/type with two or more weighted sets in
 * its hosted zones, and each ALB listener default action or rule forwarding to two or more target groups — with
 * the weights as they are now. Blocking; reads only.
 */
public interface FindWeightedTargets {

    /**
     * @throws io.harbormaster.model.error.OperatorException when the environment cannot be read, in an operator's
     *         words
     */
    List<WeightedRoute> find(EnvironmentSession session);
}
