package io.harbormaster.sandbox.cloudwatch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbormaster.sandbox.core.Call;
import io.harbormaster.sandbox.core.JsonService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** PutMetricAlarm, DescribeAlarms, DescribeAlarmHistory, DeleteAlarms and SetAlarmState. */
final class AlarmOps {

    static final int MAX_ALARMS = 5000;
    private static final Set<String> COMPARISONS = Set.of("GreaterThanOrEqualToThreshold", "GreaterThanThreshold",
            "LessThanThreshold", "LessThanOrEqualToThreshold");
    private static final Set<String> MISSING = Set.of("breaching", "notBreaching", "ignore", "missing");
    private static final Set<String> STATES = Set.of(Alarm.OK, Alarm.ALARM, Alarm.INSUFFICIENT);

    private final CloudWatch cw;

    AlarmOps(CloudWatch cw) {
        this.cw = cw;
    }

    ObjectNode putMetricAlarm(Call call, Args in) {
        CloudWatchRegion region = cw.region(call.account(), call.region());
        String name = in.required("AlarmName");
        if (name.length() > 255) {
            throw CwErrors.validation("Value at 'alarmName' failed to satisfy constraint: Member must have length less "
                    + "than or equal to 255");
        }
        if (!in.list("Metrics").isEmpty()) {
            throw CwErrors.invalidValue("Alarms on metric math (the Metrics parameter) are not supported by the sandbox; "
                    + "use MetricName, Namespace, Statistic and Period.");
        }
        if (in.has("ThresholdMetricId")) {
            throw CwErrors.invalidValue("Anomaly detection alarms (ThresholdMetricId) are not supported by the sandbox.");
        }
        int evaluationPeriods = in.requiredInt("EvaluationPeriods");
        if (evaluationPeriods < 1) {
            throw CwErrors.validation("Value '" + evaluationPeriods + "' at 'evaluationPeriods' failed to satisfy "
                    + "constraint: Member must have value greater than or equal to 1");
        }
        String comparison = in.required("ComparisonOperator");
        if (!COMPARISONS.contains(comparison)) {
            throw CwErrors.validation("Value '" + comparison + "' at 'comparisonOperator' failed to satisfy constraint: "
                    + "Member must satisfy enum value set: " + COMPARISONS);
        }
        Double threshold = in.dbl("Threshold");
        if (threshold == null) {
            throw CwErrors.missing("Threshold");
        }
        String statistic = in.string("Statistic");
        String extended = in.string("ExtendedStatistic");
        if ((statistic == null) == (extended == null)) {
            throw CwErrors.combination("Exactly one of Statistic and ExtendedStatistic must be specified.");
        }
        Stat stat = Stat.parse(statistic != null ? statistic : extended);
        if (stat == null || stat.isPercentile() == (statistic != null)) {
            throw CwErrors.invalidValue("The value " + (statistic != null ? statistic : extended) + " for parameter "
                    + (statistic != null ? "Statistic" : "ExtendedStatistic") + " is invalid.");
        }
        var key = MetricOps.metricKey(in);
        int period = in.requiredInt("Period");
        if (period < 10 || !(period == 10 || period == 30 || period % 60 == 0)) {
            throw CwErrors.invalidValue("The parameter Period must be 10, 30 or a multiple of 60.");
        }
        if ((long) period * evaluationPeriods > 86_400 * 7L) {
            throw CwErrors.invalidValue("The evaluation interval (Period × EvaluationPeriods) must not exceed 7 days.");
        }
        Integer toAlarm = in.integer("DatapointsToAlarm");
        if (toAlarm != null && (toAlarm < 1 || toAlarm > evaluationPeriods)) {
            throw CwErrors.validation("DatapointsToAlarm must be between 1 and EvaluationPeriods (" + evaluationPeriods + ").");
        }
        String missing = in.string("TreatMissingData");
        if (missing != null && !MISSING.contains(missing)) {
            throw CwErrors.validation("Value '" + missing + "' at 'treatMissingData' failed to satisfy constraint: "
                    + "Member must be one of " + MISSING);
        }
        String unit = MetricOps.unit(in, "Unit");
        if (!region.alarms.containsKey(name) && region.alarms.size() >= MAX_ALARMS) {
            throw CwErrors.limitExceeded("The maximum number of alarms (" + MAX_ALARMS + ") for this account and region "
                    + "has been reached.");
        }
        cw.put(region, name, a -> {
            a.description = in.string("AlarmDescription");
            Boolean actions = in.bool("ActionsEnabled");
            a.actionsEnabled = actions == null || actions;
            a.okActions = in.strings("OKActions");
            a.alarmActions = in.strings("AlarmActions");
            a.insufficientDataActions = in.strings("InsufficientDataActions");
            a.metric = key;
            a.stat = stat;
            a.extendedStatistic = extended != null;
            a.period = period;
            a.unit = unit;
            a.evaluationPeriods = evaluationPeriods;
            a.datapointsToAlarm = toAlarm == null ? evaluationPeriods : toAlarm;
            a.threshold = threshold;
            a.comparison = comparison;
            a.treatMissingData = missing == null ? "missing" : missing;
        });
        return Wire.object();
    }

    static ObjectNode alarm(CloudWatchRegion region, Alarm a) {
        ObjectNode o = Wire.object();
        o.put("AlarmName", a.name);
        o.put("AlarmArn", region.alarmArn(a.name));
        if (a.description != null) {
            o.put("AlarmDescription", a.description);
        }
        o.set("AlarmConfigurationUpdatedTimestamp", Wire.time(a.configurationUpdated));
        o.put("ActionsEnabled", a.actionsEnabled);
        strings(o.putArray("OKActions"), a.okActions);
        strings(o.putArray("AlarmActions"), a.alarmActions);
        strings(o.putArray("InsufficientDataActions"), a.insufficientDataActions);
        o.put("StateValue", a.state);
        o.put("StateReason", a.stateReason);
        if (a.stateReasonData != null) {
            o.put("StateReasonData", a.stateReasonData);
        }
        o.set("StateUpdatedTimestamp", Wire.time(a.stateUpdated));
        o.put("MetricName", a.metric.name());
        o.put("Namespace", a.metric.namespace());
        if (a.extendedStatistic) {
            o.put("ExtendedStatistic", a.stat.name());
        } else {
            o.put("Statistic", a.stat.name());
        }
        MetricOps.dimensionsOut(o, a.metric);
        o.put("Period", a.period);
        if (a.unit != null) {
            o.put("Unit", a.unit);
        }
        o.put("EvaluationPeriods", a.evaluationPeriods);
        o.put("DatapointsToAlarm", a.datapointsToAlarm);
        o.put("Threshold", a.threshold);
        o.put("ComparisonOperator", a.comparison);
        o.put("TreatMissingData", a.treatMissingData);
        o.set("StateTransitionedTimestamp", Wire.time(a.stateTransitioned));
        return o;
    }

    private static void strings(ArrayNode into, List<String> values) {
        values.forEach(into::add);
    }

    ObjectNode describeAlarms(Call call, Args in) {
        CloudWatchRegion region = cw.region(call.account(), call.region());
        List<String> names = in.strings("AlarmNames");
        String prefix = in.string("AlarmNamePrefix");
        if (!names.isEmpty() && prefix != null) {
            throw CwErrors.combination("AlarmNames and AlarmNamePrefix cannot be specified together.");
        }
        if (names.size() > 100) {
            throw CwErrors.validation("Value at 'alarmNames' failed to satisfy constraint: Member must have length less "
                    + "than or equal to 100");
        }
        String state = in.string("StateValue");
        if (state != null && !STATES.contains(state)) {
            throw CwErrors.validation("Value '" + state + "' at 'stateValue' failed to satisfy constraint: Member must "
                    + "satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]");
        }
        String actionPrefix = in.string("ActionPrefix");
        int max = maxRecords(in, 50);
        List<String> types = in.strings("AlarmTypes");
        for (String t : types) {
            if (!t.equals("MetricAlarm") && !t.equals("CompositeAlarm")) {
                throw CwErrors.validation("Value '" + t + "' at 'alarmTypes' failed to satisfy constraint: Member must "
                        + "satisfy enum value set: [CompositeAlarm, MetricAlarm]");
            }
        }
        boolean metricAlarms = types.isEmpty() || types.contains("MetricAlarm");
        List<Alarm> matching = new ArrayList<>();
        if (metricAlarms && !in.has("ChildrenOfAlarmName") && !in.has("ParentsOfAlarmName")) {
            Set<String> wanted = new LinkedHashSet<>(names);
            for (Alarm a : region.alarms.values()) {
                if (!wanted.isEmpty() && !wanted.contains(a.name)) {
                    continue;
                }
                if (prefix != null && !a.name.startsWith(prefix)) {
                    continue;
                }
                if (state != null && !state.equals(a.state)) {
                    continue;
                }
                if (actionPrefix != null && a.alarmActions.stream().noneMatch(x -> x.startsWith(actionPrefix))
                        && a.okActions.stream().noneMatch(x -> x.startsWith(actionPrefix))
                        && a.insufficientDataActions.stream().noneMatch(x -> x.startsWith(actionPrefix))) {
                    continue;
                }
                matching.add(a);
            }
        }
        String fp = Tokens.fingerprint(in);
        int from = 0;
        if (in.string("NextToken") != null) {
            from = (int) Tokens.decode(in.string("NextToken"), fp, 1)[0];
        }
        ObjectNode out = Wire.object();
        ArrayNode list = out.putArray("MetricAlarms");
        out.putArray("CompositeAlarms");
        int to = Math.min(matching.size(), from + max);
        for (int i = from; i < to; i++) {
            list.add(alarm(region, matching.get(i)));
        }
        if (to < matching.size()) {
            out.put("NextToken", Tokens.encode(fp, to));
        }
        return out;
    }

    private static int maxRecords(Args in, int dflt) {
        Integer max = in.integer("MaxRecords");
        if (max != null && (max < 1 || max > 100)) {
            throw CwErrors.validation("Value '" + max + "' at 'maxRecords' failed to satisfy constraint: Member must "
                    + "have value between 1 and 100");
        }
        return max == null ? dflt : max;
    }

    ObjectNode describeAlarmHistory(Call call, Args in) {
        CloudWatchRegion region = cw.region(call.account(), call.region());
        String name = in.string("AlarmName");
        String type = in.string("HistoryItemType");
        if (type != null && !Set.of("ConfigurationUpdate", "StateUpdate", "Action", "AlarmContributorStateUpdate",
                "AlarmContributorAction").contains(type)) {
            throw CwErrors.validation("Value '" + type + "' at 'historyItemType' failed to satisfy constraint: Member "
                    + "must satisfy enum value set: [ConfigurationUpdate, StateUpdate, Action]");
        }
        Instant start = in.time("StartDate");
        Instant end = in.time("EndDate");
        int max = maxRecords(in, 100);
        String scanBy = in.string("ScanBy");
        boolean ascending = "TimestampAscending".equals(scanBy);
        List<String> types = in.strings("AlarmTypes");
        boolean metricAlarms = types.isEmpty() || types.contains("MetricAlarm");
        List<CloudWatchRegion.HistoryItem> matching = new ArrayList<>();
        if (metricAlarms) {
            for (CloudWatchRegion.HistoryItem h : region.history) {
                if (name != null && !name.equals(h.alarmName())) {
                    continue;
                }
                if (type != null && !type.equals(h.type())) {
                    continue;
                }
                if (start != null && h.timestamp().isBefore(start)) {
                    continue;
                }
                if (end != null && !h.timestamp().isBefore(end)) {
                    continue;
                }
                matching.add(h);
            }
        }
        if (ascending) {
            java.util.Collections.reverse(matching);
        }
        String fp = Tokens.fingerprint(in);
        int from = 0;
        if (in.string("NextToken") != null) {
            from = (int) Tokens.decode(in.string("NextToken"), fp, 1)[0];
        }
        ObjectNode out = Wire.object();
        ArrayNode items = out.putArray("AlarmHistoryItems");
        int to = Math.min(matching.size(), from + max);
        for (int i = from; i < to; i++) {
            CloudWatchRegion.HistoryItem h = matching.get(i);
            ObjectNode o = items.addObject();
            o.put("AlarmName", h.alarmName());
            o.put("AlarmType", "MetricAlarm");
            o.set("Timestamp", Wire.time(h.timestamp()));
            o.put("HistoryItemType", h.type());
            o.put("HistorySummary", h.summary());
            o.put("HistoryData", h.data());
        }
        if (to < matching.size()) {
            out.put("NextToken", Tokens.encode(fp, to));
        }
        return out;
    }

    ObjectNode deleteAlarms(Call call, Args in) {
        CloudWatchRegion region = cw.region(call.account(), call.region());
        List<String> names = in.strings("AlarmNames");
        if (names.isEmpty()) {
            throw CwErrors.missing("AlarmNames");
        }
        if (names.size() > 100) {
            throw CwErrors.validation("Value at 'alarmNames' failed to satisfy constraint: Member must have length less "
                    + "than or equal to 100");
        }
        for (String n : names) {
            if (!region.alarms.containsKey(n)) {
                throw CwErrors.notFound("The named resource does not exist: alarm " + n + ".");
            }
        }
        for (String n : names) {
            cw.delete(region, n);
        }
        return Wire.object();
    }

    ObjectNode setAlarmState(Call call, Args in) {
        CloudWatchRegion region = cw.region(call.account(), call.region());
        String name = in.required("AlarmName");
        String state = in.required("StateValue");
        if (!STATES.contains(state)) {
            throw CwErrors.validation("Value '" + state + "' at 'stateValue' failed to satisfy constraint: Member must "
                    + "satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]");
        }
        String reason = in.required("StateReason");
        String data = in.string("StateReasonData");
        if (data != null) {
            try {
                JsonService.MAPPER.readTree(data);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw CwErrors.invalidFormat("StateReasonData is not valid JSON: " + e.getOriginalMessage());
            }
        }
        Alarm a = region.alarms.get(name);
        if (a == null) {
            throw CwErrors.notFound("The named resource does not exist: alarm " + name + ".");
        }
        if (!state.equals(a.state)) {
            cw.transition(region, a, state, reason, data, cw.world().now());
            cw.act(region, a, cw.world().now());
        } else {
            a.stateReason = reason;
            a.stateReasonData = data;
            a.stateUpdated = cw.world().now();
        }
        return Wire.object();
    }
}
