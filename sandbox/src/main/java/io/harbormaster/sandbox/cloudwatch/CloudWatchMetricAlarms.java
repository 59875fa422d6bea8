package io.harbormaster.sandbox.cloudwatch;

import io.harbormaster.sandbox.core.MetricAlarms;
import io.harbormaster.sandbox.core.Telemetry.MetricKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** CloudWatch's alarms as other services create them and are invoked by them (Application Auto Scaling). */
final class CloudWatchMetricAlarms implements MetricAlarms {

    private final CloudWatch cloudWatch;

    CloudWatchMetricAlarms(CloudWatch cloudWatch) {
        this.cloudWatch = cloudWatch;
    }

    @Override
    public void put(String account, String region, Definition d) {
        Stat stat = Stat.parse(d.statistic());
        if (stat == null || stat.isPercentile()) {
            throw new IllegalArgumentException("not a basic statistic: " + d.statistic());
        }
        cloudWatch.put(cloudWatch.region(account, region), d.name(), a -> {
            a.description = d.description();
            a.actionsEnabled = true;
            a.alarmActions = d.alarmActions();
            a.okActions = List.of();
            a.insufficientDataActions = List.of();
            a.metric = MetricKey.of(d.namespace(), d.metricName(), d.dimensions());
            a.stat = stat;
            a.extendedStatistic = false;
            a.period = d.period();
            a.unit = null;
            a.evaluationPeriods = d.evaluationPeriods();
            a.datapointsToAlarm = d.evaluationPeriods();
            a.threshold = d.threshold();
            a.comparison = d.comparison();
            a.treatMissingData = "missing";
        });
    }

    @Override
    public void delete(String account, String region, Collection<String> names) {
        CloudWatchRegion r = cloudWatch.region(account, region);
        names.forEach(n -> cloudWatch.delete(r, n));
    }

    @Override
    public List<AlarmRef> alarmsWithAction(String account, String region, String actionArn) {
        CloudWatchRegion r = cloudWatch.region(account, region);
        List<AlarmRef> out = new ArrayList<>();
        for (Alarm a : r.alarms.values()) {
            if (Stream.of(a.alarmActions, a.okActions, a.insufficientDataActions).anyMatch(l -> l.contains(actionArn))) {
                out.add(new AlarmRef(a.name, r.alarmArn(a.name), a.state));
            }
        }
        return out;
    }

    @Override
    public AlarmRef alarm(String account, String region, String name) {
        CloudWatchRegion r = cloudWatch.region(account, region);
        Alarm a = r.alarms.get(name);
        return a == null ? null : new AlarmRef(name, r.alarmArn(name), a.state);
    }

    @Override
    public void onActions(String arnPrefix, ActionTarget target) {
        cloudWatch.onActions(arnPrefix, target);
    }
}
