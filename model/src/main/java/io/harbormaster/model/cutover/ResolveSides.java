package io.harbormaster.model.cutover;

import io.harbormaster.model.environment.EnvironmentSession;
import java.util.List;

/**
 * Port: where each target of a route takes its traffic. An ALB target is its own target group; a Route 53 alias is
 * looked up by DNS name among the load balancers of the given environments (the old environment and the new may be
 * different accounts or Regions). A target found nowhere comes back unresolved, never guessed.
 */
public interface ResolveSides {

    List<CutoverSide> resolve(WeightedRoute route, List<EnvironmentSession> candidates);
}
