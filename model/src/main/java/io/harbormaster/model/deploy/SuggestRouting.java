package io.harbormaster.model.deploy;

import io.harbormaster.model.environment.EnvironmentSession;
import java.util.List;

/**
 * Port: what a service's load balancers would need for a traffic-shifting deploy when it has none set yet — an
 * alternate target group beside the primary one, the listener rule forwarding to the primary (production), and the
 * role ECS assumes — offered on the wizard's Strategy page for the operator to check. Reads only. Blocking.
 */
public interface SuggestRouting {

    /**
     * @return the same load balancers, each with its advanced configuration filled where one could be found (left
     *         as it was otherwise)
     */
    List<LoadBalancerRouting> suggest(EnvironmentSession session, List<LoadBalancerRouting> loadBalancers);
}
