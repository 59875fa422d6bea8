package io.harbormaster.model.deploy;

import java.util.List;

/**
 * The circuit breaker or the alarms as they watch a deployment.
 *
 * @param status         TRIGGERED, MONITORING, MONITORING_COMPLETE or DISABLED
 * @param failureCount   failed tasks so far (circuit breaker only; 0 for alarms)
 * @param threshold      failed tasks that trip it (circuit breaker only; 0 for alarms)
 * @param alarmNames     the alarms watched (alarms only)
 * @param triggeredAlarms the alarms that went to ALARM (alarms only)
 */
public record RollbackMonitor(String status, int failureCount, int threshold, List<String> alarmNames,
                              List<String> triggeredAlarms) {

    public static final RollbackMonitor DISABLED = new RollbackMonitor("DISABLED", 0, 0, List.of(), List.of());

    public RollbackMonitor {
        status = status == null || status.isBlank() ? "DISABLED" : status;
        alarmNames = List.copyOf(alarmNames);
        triggeredAlarms = List.copyOf(triggeredAlarms);
    }

    public boolean triggered() {
        return "TRIGGERED".equals(status);
    }
}
