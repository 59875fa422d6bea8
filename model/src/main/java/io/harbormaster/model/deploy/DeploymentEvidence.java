package io.harbormaster.model.deploy;

import io.harbormaster.model.environment.EnvironmentSession;
import java.time.Instant;
import java.util.List;

/**
 * Port: what a follower reads besides the deployment itself: the service (counts, events), its target groups'
 * health, the tasks ECS stopped, the deployment's alarms. Blocking reads.
 */
public interface DeploymentEvidence {

    ServiceState serviceState(EnvironmentSession session, ServiceRef service);

    /** Healthy/total per target group, in the order asked. */
    List<TargetGroupHealth> targetHealth(EnvironmentSession session, List<String> targetGroupArns);

    /** Tasks of the service stopped since {@code since} (ECS keeps them about an hour), newest first, at most 100. */
    List<StoppedTask> stoppedTasks(EnvironmentSession session, ServiceRef service, Instant since);

    /** The named alarms' states; an alarm that does not exist is left out. */
    List<AlarmReading> alarms(EnvironmentSession session, List<String> alarmNames);
}
