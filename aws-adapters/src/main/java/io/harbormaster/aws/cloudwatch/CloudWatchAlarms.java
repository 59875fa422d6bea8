package io.harbormaster.aws.cloudwatch;

import io.harbormaster.aws.error.AwsErrors;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.aws.session.ClientContext;
import io.harbormaster.aws.session.Renewal;
import io.harbormaster.model.alarms.Alarm;
import io.harbormaster.model.alarms.AlarmHistoryItem;
import io.harbormaster.model.alarms.AlarmState;
import io.harbormaster.model.alarms.ListAlarms;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.metrics.MetricId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/** DescribeAlarms (every page) and DescribeAlarmHistory. */
public final class CloudWatchAlarms implements ListAlarms {

    /** History is for a glance at what happened recently, not an audit: enough for a week of flapping. */
    static final int MAX_HISTORY = 500;

    private final AwsSessions sessions;
    private final AwsClientFactory clients;

    public CloudWatchAlarms(AwsSessions sessions, AwsClientFactory clients) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public List<Alarm> alarms(EnvironmentSession session) {
        ClientContext context = sessions.context(session);
        CloudWatchClient cw = clients.cloudWatch(context);
        List<Alarm> out = new ArrayList<>();
        try {
            String token = null;
            do {
                DescribeAlarmsRequest request = DescribeAlarmsRequest.builder().alarmTypes(AlarmType.METRIC_ALARM)
                        .maxRecords(100).nextToken(token).build();
                DescribeAlarmsResponse page = Renewal.call(context, () -> cw.describeAlarms(request));
                page.metricAlarms().stream().map(CloudWatchAlarms::toAlarm).forEach(out::add);
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "listing alarms in " + session.environment().displayName() + " ("
                    + session.region() + ")");
        }
        out.sort(Comparator.comparing(Alarm::name));
        return List.copyOf(out);
    }

    @Override
    public List<AlarmHistoryItem> history(EnvironmentSession session, String alarmName, Instant since) {
        ClientContext context = sessions.context(session);
        CloudWatchClient cw = clients.cloudWatch(context);
        List<AlarmHistoryItem> out = new ArrayList<>();
        try {
            String token = null;
            do {
                DescribeAlarmHistoryRequest request = DescribeAlarmHistoryRequest.builder().alarmName(alarmName)
                        .startDate(since).endDate(Instant.now().plus(Duration.ofDays(1)))
                        .scanBy(ScanBy.TIMESTAMP_DESCENDING).maxRecords(100).nextToken(token).build();
                DescribeAlarmHistoryResponse page = Renewal.call(context, () -> cw.describeAlarmHistory(request));
                for (var item : page.alarmHistoryItems()) {
                    out.add(new AlarmHistoryItem(item.alarmName() == null ? alarmName : item.alarmName(),
                            item.timestamp(), item.historyItemTypeAsString(), item.historySummary(),
                            item.historyData()));
                }
                token = page.nextToken();
            } while (token != null && !token.isEmpty() && out.size() < MAX_HISTORY);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "reading the history of alarm " + alarmName + " in "
                    + session.environment().displayName());
        }
        out.sort(Comparator.comparing(AlarmHistoryItem::timestamp).reversed());
        return List.copyOf(out.size() > MAX_HISTORY ? out.subList(0, MAX_HISTORY) : out);
    }

    static Alarm toAlarm(MetricAlarm a) {
        boolean single = a.metricName() != null && a.namespace() != null && !a.hasMetrics();
        MetricId metric = null;
        if (single) {
            TreeMap<String, String> dims = new TreeMap<>();
            for (Dimension d : a.dimensions()) {
                dims.put(d.name(), d.value());
            }
            metric = new MetricId(a.namespace(), a.metricName(), dims);
        }
        String statistic = a.extendedStatistic() != null ? a.extendedStatistic()
                : a.statistic() != null ? a.statisticAsString() : "";
        return new Alarm(a.alarmName(), a.alarmArn(), a.alarmDescription(), metric, statistic,
                a.period() == null ? null : Duration.ofSeconds(a.period()),
                a.threshold() == null ? Double.NaN : a.threshold(), a.comparisonOperatorAsString(),
                a.evaluationPeriods() == null ? 0 : a.evaluationPeriods(), AlarmState.parse(a.stateValueAsString()),
                a.stateReason(), a.stateUpdatedTimestamp());
    }
}
