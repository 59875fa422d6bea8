package io.harbormaster.sandbox.cloudwatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbormaster.sandbox.core.Call;
import io.harbormaster.sandbox.core.Throttler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudWatch's operations, once, for all three protocols: each takes the protocol-neutral {@link Args} and answers
 * a document that {@link Wire} writes in the caller's protocol.
 */
final class CloudWatchApi {

    static final String SERVICE = "GraniteServiceVersion20100801";
    static final String VERSION = "2010-08-01";
    static final String NAMESPACE = "http://monitoring.amazonaws.com/doc/2010-08-01/";

    @FunctionalInterface
    interface Operation {
        ObjectNode handle(Call call, Args args);
    }

    record Registered(String name, String family, Operation op) {
    }

    private final Map<String, Registered> ops = new LinkedHashMap<>();

    CloudWatchApi(CloudWatch cw) {
        MetricOps metrics = new MetricOps(cw);
        AlarmOps alarms = new AlarmOps(cw);
        add("GetMetricData", "GetMetricData", metrics::getMetricData);
        add("GetMetricStatistics", "GetMetricStatistics", metrics::getMetricStatistics);
        add("ListMetrics", "ListMetrics", metrics::listMetrics);
        add("PutMetricData", "PutMetricData", metrics::putMetricData);
        add("PutMetricAlarm", "Alarms", alarms::putMetricAlarm);
        add("DescribeAlarms", "Describe", alarms::describeAlarms);
        add("DescribeAlarmHistory", "Describe", alarms::describeAlarmHistory);
        add("DeleteAlarms", "Alarms", alarms::deleteAlarms);
        add("SetAlarmState", "Alarms", alarms::setAlarmState);
    }

    private void add(String name, String family, Operation op) {
        ops.put(name, new Registered(name, family, op));
    }

    Map<String, Registered> operations() {
        return ops;
    }

    Registered get(String name) {
        return ops.get(name);
    }

    /** CloudWatch's published per-account TPS quotas, roughly: GetMetricData 50, ListMetrics 25, PutMetricData 500. */
    static Throttler.Rate rate(String family) {
        return switch (family) {
            case "GetMetricData" -> new Throttler.Rate(100, 50);
            case "ListMetrics" -> new Throttler.Rate(50, 25);
            case "PutMetricData" -> new Throttler.Rate(500, 500);
            default -> new Throttler.Rate(20, 9);
        };
    }
}
