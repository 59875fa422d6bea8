package io.harbormaster.model.deploy;

import java.util.List;

/** CloudWatch alarms that fail the deployment when one goes to ALARM ({@code deploymentConfiguration.alarms}). */
public record DeployAlarms(List<String> alarmNames, boolean enable, boolean rollback) {

    public static final DeployAlarms NONE = new DeployAlarms(List.of(), false, false);

    public DeployAlarms {
        alarmNames = List.copyOf(alarmNames);
        if (alarmNames.stream().anyMatch(n -> n == null || n.isBlank())) {
            throw new IllegalArgumentException("an alarm name is blank");
        }
        if (enable && alarmNames.isEmpty()) {
            throw new IllegalArgumentException("name at least one alarm to watch the deployment with");
        }
        if (rollback && !enable) {
            throw new IllegalArgumentException("alarms can only roll back when they are enabled");
        }
    }
}
