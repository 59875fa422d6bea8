package io.harbormaster.model.cutover;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.metrics.TimeWindow;
import java.util.List;

/**
 * Port: the CloudWatch data a gate judges for one side over a window — its load balancer's (Route 53 sides) or
 * target group's (ALB sides) one-minute series — and the states of the named alarms. Blocking; reads only.
 */
public interface GateMetrics {

    /** @param session the side's own environment's session */
    GateReadings read(EnvironmentSession session, CutoverSide side, List<String> alarmNames, TimeWindow window);
}
