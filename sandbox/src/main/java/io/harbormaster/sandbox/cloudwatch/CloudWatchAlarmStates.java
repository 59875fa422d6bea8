package io.harbormaster.sandbox.cloudwatch;

import io.harbormaster.sandbox.core.AlarmStates;
import java.time.Duration;

/** CloudWatch's answer to services that watch alarms (ECS deployments): an alarm's state and how far back it looks. */
final class CloudWatchAlarmStates implements AlarmStates {

    private final CloudWatch cloudWatch;

    CloudWatchAlarmStates(CloudWatch cloudWatch) {
        this.cloudWatch = cloudWatch;
    }

    @Override
    public String state(String account, String region, String alarmName) {
        Alarm a = cloudWatch.region(account, region).alarms.get(alarmName);
        return a == null ? null : a.state;
    }

    @Override
    public Duration evaluationWindow(String account, String region, String alarmName) {
        Alarm a = cloudWatch.region(account, region).alarms.get(alarmName);
        return a == null ? Duration.ZERO : Duration.ofSeconds((long) a.period * a.evaluationPeriods);
    }
}
