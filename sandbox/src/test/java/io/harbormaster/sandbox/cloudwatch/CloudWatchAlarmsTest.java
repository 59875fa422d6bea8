package io.harbormaster.sandbox.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harbormaster.sandbox.core.Telemetry.MetricKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** Alarms evaluated on the sandbox clock from the fleet's data, with AWS's history items. */
class CloudWatchAlarmsTest {

    static final MetricKey CPU = MetricKey.of("AWS/ECS", "CPUUtilization", Map.of("ClusterName", "dev", "ServiceName", "api"));

    static TelemetrySandbox sandbox;
    static CloudWatchClient cw;
    /** CPU is 40 % before this epoch second and 95 % from it on; tests that heat it cool it again. */
    static final AtomicLong hotFrom = new AtomicLong(Long.MAX_VALUE);

    @BeforeAll
    static void start() {
        sandbox = new TelemetrySandbox();
        sandbox.telemetry.level(TelemetrySandbox.DEV, CPU, sandbox.now().minus(Duration.ofHours(1)),
                m -> m >= hotFrom.get() ? 95.0 : 40.0);
        cw = sandbox.cloudWatch(TelemetrySandbox.DEV, "admin");
    }

    @AfterAll
    static void stop() {
        cw.close();
        sandbox.close();
    }

    private void putCpuAlarm(String name) {
        cw.putMetricAlarm(b -> b.alarmName(name).namespace("AWS/ECS").metricName("CPUUtilization")
                .dimensions(Dimension.builder().name("ClusterName").value("dev").build(),
                        Dimension.builder().name("ServiceName").value("api").build())
                .statistic(Statistic.AVERAGE).period(60).evaluationPeriods(3).datapointsToAlarm(3).threshold(80.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).alarmDescription("api CPU high"));
    }

    private MetricAlarm alarm(String name) {
        return cw.describeAlarms(b -> b.alarmNames(name)).metricAlarms().get(0);
    }

    @Test
    void goesToAlarmAfterEnoughBreachingPointsAndBack() throws Exception {
        putCpuAlarm("api-cpu-high");
        MetricAlarm created = alarm("api-cpu-high");
        assertThat(created.stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
        assertThat(created.stateReason()).isEqualTo("Unchecked: Initial alarm creation");
        assertThat(created.alarmArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:222222222222:alarm:api-cpu-high");
        assertThat(created.dimensions()).hasSize(2);

        sandbox.clock().advance(Duration.ofMinutes(1));
        assertThat(alarm("api-cpu-high").stateValue()).isEqualTo(StateValue.OK);

        hotFrom.set(sandbox.now().getEpochSecond());
        sandbox.clock().advance(Duration.ofMinutes(2));
        assertThat(alarm("api-cpu-high").stateValue()).as("2 of 3 breaching is not enough").isEqualTo(StateValue.OK);
        sandbox.clock().advance(Duration.ofMinutes(1));
        MetricAlarm alarmed = alarm("api-cpu-high");
        assertThat(alarmed.stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(alarmed.stateReason()).startsWith("Threshold Crossed: 3 out of the last 3 datapoints [95.0 (")
                .endsWith("were greater than the threshold (80.0) (minimum 3 datapoints for OK -> ALARM transition).");
        JsonNode reasonData = new ObjectMapper().readTree(alarmed.stateReasonData());
        assertThat(reasonData.get("recentDatapoints")).hasSize(3);
        assertThat(cw.describeAlarms(b -> b.stateValue(StateValue.ALARM)).metricAlarms()).extracting(MetricAlarm::alarmName)
                .contains("api-cpu-high");
        assertThat(cw.describeAlarms(b -> b.stateValue(StateValue.OK)).metricAlarms()).extracting(MetricAlarm::alarmName)
                .doesNotContain("api-cpu-high");

        hotFrom.set(Long.MAX_VALUE);
        sandbox.clock().advance(Duration.ofMinutes(1));
        assertThat(alarm("api-cpu-high").stateValue()).isEqualTo(StateValue.OK);
        cw.deleteAlarms(b -> b.alarmNames("api-cpu-high"));

        List<AlarmHistoryItem> history = cw.describeAlarmHistory(b -> b.alarmName("api-cpu-high")).alarmHistoryItems();
        assertThat(history).extracting(AlarmHistoryItem::historySummary).containsExactly(
                "Alarm \"api-cpu-high\" deleted", "Alarm updated from ALARM to OK", "Alarm updated from OK to ALARM",
                "Alarm updated from INSUFFICIENT_DATA to OK", "Alarm \"api-cpu-high\" created");
        AlarmHistoryItem toAlarm = history.get(2);
        assertThat(toAlarm.historyItemType()).isEqualTo(HistoryItemType.STATE_UPDATE);
        assertThat(toAlarm.timestamp()).isEqualTo(alarmed.stateUpdatedTimestamp());
        JsonNode data = new ObjectMapper().readTree(toAlarm.historyData());
        assertThat(data.get("version").asText()).isEqualTo("1.0");
        assertThat(data.at("/oldState/stateValue").asText()).isEqualTo("OK");
        assertThat(data.at("/newState/stateValue").asText()).isEqualTo("ALARM");
        assertThat(data.at("/newState/stateReasonData/threshold").asDouble()).isEqualTo(80.0);
        assertThat(cw.describeAlarmHistory(b -> b.alarmName("api-cpu-high").historyItemType(HistoryItemType.CONFIGURATION_UPDATE))
                .alarmHistoryItems()).hasSize(2);
    }

    @Test
    void missingDataIsInsufficientUnlessTreatedOtherwise() {
        cw.putMetricAlarm(b -> b.alarmName("nothing").namespace("AWS/ECS").metricName("CPUUtilization")
                .dimensions(Dimension.builder().name("ClusterName").value("dev").build(),
                        Dimension.builder().name("ServiceName").value("nope").build())
                .statistic(Statistic.MAXIMUM).period(60).evaluationPeriods(2).threshold(1.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD));
        cw.putMetricAlarm(b -> b.alarmName("nothing-breaches").namespace("AWS/ECS").metricName("CPUUtilization")
                .dimensions(Dimension.builder().name("ClusterName").value("dev").build(),
                        Dimension.builder().name("ServiceName").value("nope").build())
                .statistic(Statistic.MAXIMUM).period(60).evaluationPeriods(2).threshold(1.0).treatMissingData("breaching")
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD));
        sandbox.clock().advance(Duration.ofMinutes(2));
        assertThat(alarm("nothing").stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
        assertThat(alarm("nothing-breaches").stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(cw.describeAlarms(b -> b.alarmNamePrefix("nothing").maxRecords(1)).nextToken()).isNotNull();
        assertThat(cw.describeAlarmsPaginator(b -> b.alarmNamePrefix("nothing").maxRecords(1)).metricAlarms())
                .extracting(MetricAlarm::alarmName).containsExactly("nothing", "nothing-breaches");
    }

    @Test
    void setAlarmStateDeleteAndErrors() {
        putCpuAlarm("manual");
        cw.setAlarmState(b -> b.alarmName("manual").stateValue(StateValue.ALARM).stateReason("testing the pager"));
        MetricAlarm a = alarm("manual");
        assertThat(a.stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(a.stateReason()).isEqualTo("testing the pager");
        // The next evaluation puts it back where the data says.
        sandbox.clock().advance(Duration.ofMinutes(1));
        assertThat(alarm("manual").stateValue()).isEqualTo(StateValue.OK);

        // AWS answers code ResourceNotFound (HTTP 404); SDK 2.59.1's model has no shape of that name (2.40.2 mapped it
        // to DashboardNotFoundErrorException), so clients should test the error code, not the exception class.
        CloudWatchException missing = catchThrowableOfType(CloudWatchException.class,
                () -> cw.setAlarmState(b -> b.alarmName("ghost").stateValue(StateValue.OK).stateReason("x")));
        assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
        assertThat(missing.statusCode()).isEqualTo(404);
        CloudWatchException badJson = catchThrowableOfType(CloudWatchException.class,
                () -> cw.setAlarmState(b -> b.alarmName("manual").stateValue(StateValue.OK).stateReason("x").stateReasonData("{oops")));
        assertThat(badJson.awsErrorDetails().errorCode()).isEqualTo("InvalidFormat");
        InvalidParameterCombinationException both = catchThrowableOfType(InvalidParameterCombinationException.class,
                () -> cw.describeAlarms(b -> b.alarmNames("manual").alarmNamePrefix("m")));
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(catchThrowableOfType(CloudWatchException.class, () -> cw.deleteAlarms(b -> b.alarmNames("manual", "ghost")))
                .awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
        cw.deleteAlarms(b -> b.alarmNames("manual"));
        assertThat(cw.describeAlarms().metricAlarms()).extracting(MetricAlarm::alarmName).doesNotContain("manual");
        assertThat(cw.describeAlarmHistory(b -> b.alarmName("manual")).alarmHistoryItems().get(0).historySummary())
                .isEqualTo("Alarm \"manual\" deleted");
        try (CloudWatchClient readonly = sandbox.cloudWatch(TelemetrySandbox.DEV, "readonly")) {
            CloudWatchException denied = catchThrowableOfType(CloudWatchException.class, () -> readonly.deleteAlarms(b -> b.alarmNames("x")));
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        }
        assertThat(Instant.EPOCH).isBefore(sandbox.now());
    }
}
