package io.harbormaster.model.cost.scaling;

import io.harbormaster.model.environment.EnvironmentSession;
import java.util.Map;

/**
 * Port: every ECS service of the session's account and Region that Application Auto Scaling scales, by resource id
 * ("service/cluster/service"), with its policies and recent activities. Read-only; blocking, call it off the UI
 * thread. A service absent from the map is not scaled by Application Auto Scaling.
 */
@FunctionalInterface
public interface ReadServiceScaling {

    /** How many activities are kept per service (newest first): enough for a day of a breathing service. */
    int ACTIVITIES_PER_SERVICE = 20;

    Map<String, ServiceScaling> read(EnvironmentSession session);
}
