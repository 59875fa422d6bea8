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
        add("GetMetricData", metrics::getMetricData);
        add("GetMetricStatistics", metrics::getMetricStatistics);
        add("ListMetrics", metrics::listMetrics);
        add("PutMetricData", metrics::putMetricData);
        add("PutMetricAlarm", alarms::putMetricAlarm);
        add("DescribeAlarms", alarms::describeAlarms);
        add("DescribeAlarmHistory", alarms::describeAlarmHistory);
        add("DeleteAlarms", alarms::deleteAlarms);
        add("SetAlarmState", alarms::setAlarmState);
    }

    /** CloudWatch throttles each action on its own: the action is its bucket's family. */
    private void add(String name, Operation op) {
        if (!RATES.containsKey(name)) {
            throw new IllegalStateException("CloudWatch action " + name + " has no rate in RATES");
        }
        ops.put(name, new Registered(name, name, op));
    }

    Map<String, Registered> operations() {
        return ops;
    }

    Registered get(String name) {
        return ops.get(name);
    }

    /**
     * CloudWatch's published request quotas, one per action, account and Region ("Rate of &lt;Action&gt; requests",
     * AWS General Reference, "Amazon CloudWatch endpoints and quotas":
     * https://docs.aws.amazon.com/general/latest/gr/cw_region.html#limits_cloudwatch). AWS gives a rate per
     * second and no separate burst, so a bucket holds one second's worth.
     */
    static final Map<String, Integer> RATES = Map.of(
            "GetMetricData", 500,
            "GetMetricStatistics", 400,
            "ListMetrics", 25,
            "PutMetricData", 500,
            "PutMetricAlarm", 3,
            "DescribeAlarms", 9,
            "DescribeAlarmHistory", 20,
            "DeleteAlarms", 3,
            "SetAlarmState", 3);

    static Throttler.Rate rate(String family) {
        Integer perSecond = RATES.get(family);
        if (perSecond == null) {
            throw new IllegalArgumentException("No CloudWatch rate for " + family);
        }
        return new Throttler.Rate(perSecond, perSecond);
    }
}
