package io.harbormaster.model.deploy;

import io.harbormaster.model.environment.EnvironmentSession;
import java.util.List;

/**
 * Port: every task of a service ECS stopped and still shows (it keeps them about an hour), with why: the operator's
 * answer to "why did it crash". Blocking read.
 */
public interface ServiceStoppedTasks {

    /** The service's stopped tasks, newest first. */
    List<StoppedTask> stoppedTasks(EnvironmentSession session, ServiceRef service);
}
