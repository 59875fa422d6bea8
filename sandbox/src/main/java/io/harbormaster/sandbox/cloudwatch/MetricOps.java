package io.harbormaster.sandbox.cloudwatch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbormaster.sandbox.core.Call;
import io.harbormaster.sandbox.core.Telemetry.MetricKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** GetMetricData, GetMetricStatistics, ListMetrics and PutMetricData over the published data and the fleet's telemetry. */
final class MetricOps {

    static final int MAX_QUERIES = 500;
    static final int MAX_DATAPOINTS = 100_800;
    static final int MAX_STATISTICS_DATAPOINTS = 1_440;
    static final int LIST_PAGE = 500;
    static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second",
            "None");
    private static final Pattern QUERY_ID = Pattern.compile("[a-z][a-zA-Z0-9_]*");

    private final CloudWatch cw;

    MetricOps(CloudWatch cw) {
        this.cw = cw;
    }

    // ---------------------------------------------------------------- GetMetricData

    private record Query(String id, String label, boolean returnData, MetricKey metric, int period, Stat stat,
                         String unit) {
    }

    ObjectNode getMetricData(Call call, Args in) {
        CloudWatchRegion region = cw.region(call.account(), call.region());
        List<Args> raw = in.list("MetricDataQueries");
        if (raw.isEmpty()) {
            throw CwErrors.missing("MetricDataQueries");
        }
        if (raw.size() > MAX_QUERIES) {
            throw CwErrors.validation("Value at 'metricDataQueries' failed to satisfy constraint: Member must have length "
                    + "less than or equal to " + MAX_QUERIES);
        }
        Instant start = in.requiredTime("StartTime");
        Instant end = in.requiredTime("EndTime");
        if (!start.isBefore(end)) {
            throw CwErrors.validation("The parameter StartTime must be less than the parameter EndTime.");
        }
        String scanBy = in.string("ScanBy");
        if (scanBy != null && !scanBy.equals("TimestampDescending") && !scanBy.equals("TimestampAscending")) {
            throw CwErrors.validation("Value '" + scanBy + "' at 'scanBy' failed to satisfy constraint: Member must "
                    + "satisfy enum value set: [TimestampDescending, TimestampAscending]");
        }
        boolean descending = !"TimestampAscending".equals(scanBy);
        Integer maxDatapoints = in.integer("MaxDatapoints");
        if (maxDatapoints != null && maxDatapoints < 1) {
            throw CwErrors.validation("Value '" + maxDatapoints + "' at 'maxDatapoints' failed to satisfy constraint: "
                    + "Member must have value greater than or equal to 1");
        }
        int pageSize = Math.min(maxDatapoints == null ? MAX_DATAPOINTS : maxDatapoints, MAX_DATAPOINTS);
        List<Query> queries = parseQueries(raw);
        Instant alignedStart = alignStart(start, cw.world().now());

        String fp = Tokens.fingerprint(in);
        long qi = 0;
        long bi = 0;
        String token = in.string("NextToken");
        if (token != null) {
            long[] pos = Tokens.decode(token, fp, 2);
            qi = pos[0];
            bi = pos[1];
            if (qi >= queries.size()) {
                throw CwErrors.invalidNextToken();
            }
        }
        ObjectNode out = Wire.object();
        ArrayNode results = out.putArray("MetricDataResults");
        int budget = pageSize;
        String next = null;
        for (int q = (int) qi; q < queries.size(); q++) {
            Query query = queries.get(q);
            if (!query.returnData) {
                bi = 0;
                continue;
            }
            long buckets = Math.max(0, (end.getEpochSecond() - alignedStart.getEpochSecond() + query.period - 1) / query.period);
            ObjectNode r = Wire.object();
            r.put("Id", query.id).put("Label", query.label);
            ArrayNode ts = r.putArray("Timestamps");
            ArrayNode vs = r.putArray("Values");
            long b = bi;
            for (; b < buckets && budget > 0; b++) {
                long k = descending ? buckets - 1 - b : b;
                Instant s = alignedStart.plusSeconds(k * query.period);
                OptionalDouble v = cw.metrics.value(region, query.metric, query.unit, s, Duration.ofSeconds(query.period),
                        query.stat);
                if (v.isPresent()) {
                    ts.add(Wire.time(s));
                    vs.add(v.getAsDouble());
                    budget--;
                }
            }
            boolean complete = b >= buckets;
            r.put("StatusCode", complete ? "Complete" : "PartialData");
            r.putArray("Messages");
            results.add(r);
            bi = 0;
            if (!complete) {
                next = Tokens.encode(fp, q, b);
                break;
            }
            if (budget == 0 && q + 1 < queries.size()) {
                next = Tokens.encode(fp, q + 1, 0);
                break;
            }
        }
        if (next != null) {
            out.put("NextToken", next);
        }
        out.putArray("Messages");
        return out;
    }

    private List<Query> parseQueries(List<Args> raw) {
        List<Query> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int returning = 0;
        for (Args q : raw) {
            String id = q.required("Id");
            if (id.length() > 255 || !QUERY_ID.matcher(id).matches()) {
                throw CwErrors.validation("The value " + id + " for parameter " + q.path("Id") + " is invalid: an Id "
                        + "must start with a lowercase letter and contain only letters, numbers and underscores.");
            }
            if (!ids.add(id)) {
                throw CwErrors.validation("The value " + id + " for parameter MetricDataQueries.Id is not unique.");
            }
            String expression = q.string("Expression");
            Args stat = q.object("MetricStat");
            if ((expression == null) == (stat == null)) {
                throw CwErrors.validation("Exactly one of " + q.path("MetricStat") + " and " + q.path("Expression")
                        + " must be specified.");
            }
            if (expression != null) {
                throw CwErrors.validation("The expression '" + expression + "' of query " + id + " is not supported: "
                        + "the sandbox serves MetricStat queries only, not metric math, SEARCH or Metrics Insights.");
            }
            boolean returnData = !Boolean.FALSE.equals(q.bool("ReturnData"));
            if (returnData) {
                returning++;
            }
            Args metric = stat.object("Metric");
            if (metric == null) {
                throw CwErrors.missing(stat.path("Metric"));
            }
            MetricKey key = metricKey(metric);
            int period = stat.requiredInt("Period");
            checkPeriod(period, stat.path("Period"));
            String statName = stat.required("Stat");
            Stat s = Stat.parse(statName);
            if (s == null) {
                throw CwErrors.validation("The value " + statName + " for parameter " + stat.path("Stat") + " is invalid.");
            }
            String unit = unit(stat, "Unit");
            String label = q.string("Label");
            out.add(new Query(id, label == null || label.isEmpty() ? key.name() : label, returnData, key, period, s, unit));
        }
        if (returning == 0) {
            throw CwErrors.validation("At least one of the queries in MetricDataQueries must have ReturnData set to true.");
        }
        return out;
    }

    static void checkPeriod(int period, String path) {
        if (period < 1 || !(period == 1 || period == 5 || period == 10 || period == 30 || period % 60 == 0)) {
            throw CwErrors.validation("The parameter " + path + " must be greater than 0 and a multiple of 60, or "
                    + "equal to 1, 5, 10 or 30 for high-resolution metrics; it was " + period + ".");
        }
    }

    /** AWS rounds StartTime down: to the minute within 15 days, 5 minutes within 63 days, the hour beyond. */
    static Instant alignStart(Instant start, Instant now) {
        long age = Duration.between(start, now).toDays();
        long unit = age < 15 ? 60 : age < 63 ? 300 : 3600;
        return Instant.ofEpochSecond(Math.floorDiv(start.getEpochSecond(), unit) * unit);
    }

    static MetricKey metricKey(Args metric) {
        String namespace = metric.required("Namespace");
        String name = metric.required("MetricName");
        return MetricKey.of(namespace, name, dimensions(metric.list("Dimensions"), true));
    }

    static Map<String, String> dimensions(List<Args> dims, boolean valueRequired) {
        if (dims.size() > 30) {
            throw CwErrors.validation("Value at 'dimensions' failed to satisfy constraint: Member must have length less "
                    + "than or equal to 30");
        }
        Map<String, String> out = new TreeMap<>();
        for (Args d : dims) {
            String name = d.required("Name");
            String value = valueRequired ? d.required("Value") : d.string("Value");
            if (name.length() > 255 || (value != null && value.length() > 1024)) {
                throw CwErrors.validation("Value at '" + d.path("Name") + "' failed to satisfy constraint: Member must "
                        + "have length less than or equal to 255");
            }
            if (out.put(name, value) != null) {
                throw CwErrors.invalidValue("No metric may have duplicate dimension names: " + name + ".");
            }
        }
        return out;
    }

    static String unit(Args in, String member) {
        String unit = in.string(member);
        if (unit != null && !UNITS.contains(unit)) {
            throw CwErrors.validation("Value '" + unit + "' at '" + in.path(member) + "' failed to satisfy constraint: "
                    + "Member must satisfy enum value set: " + new java.util.TreeSet<>(UNITS));
        }
        return unit;
    }

    static void dimensionsOut(ObjectNode into, MetricKey key) {
        ArrayNode dims = into.putArray("Dimensions");
        key.dimensions().forEach((k, v) -> dims.addObject().put("Name", k).put("Value", v));
    }

    // ---------------------------------------------------------------- GetMetricStatistics

    ObjectNode getMetricStatistics(Call call, Args in) {
        CloudWatchRegion region = cw.region(call.account(), call.region());
        MetricKey key = metricKey(in);
        Instant start = in.requiredTime("StartTime");
        Instant end = in.requiredTime("EndTime");
        int period = in.requiredInt("Period");
        checkPeriod(period, "Period");
        if (!start.isBefore(end)) {
            throw CwErrors.invalidValue("The parameter StartTime must be less than the parameter EndTime.");
        }
        List<String> statistics = in.strings("Statistics");
        List<String> extended = in.strings("ExtendedStatistics");
        if (statistics.isEmpty() == extended.isEmpty()) {
            throw CwErrors.combination("Must specify either Statistics or ExtendedStatistics, but not both.");
        }
        if (statistics.size() > 5 || extended.size() > 10) {
            throw CwErrors.validation("Value at '" + (statistics.size() > 5 ? "statistics" : "extendedStatistics")
                    + "' failed to satisfy constraint: Member must have length less than or equal to "
                    + (statistics.size() > 5 ? 5 : 10));
        }
        List<Stat> stats = new ArrayList<>();
        for (String s : statistics) {
            Stat st = Stat.parse(s);
            if (st == null || st.isPercentile()) {
                throw CwErrors.validation("Value '" + s + "' at 'statistics' failed to satisfy constraint: Member must "
                        + "satisfy enum value set: [Maximum, SampleCount, Sum, Minimum, Average]");
            }
            stats.add(st);
        }
        for (String s : extended) {
            Stat st = Stat.parse(s);
            if (st == null || !st.isPercentile()) {
                throw CwErrors.invalidValue("The value " + s + " for parameter ExtendedStatistics is not supported.");
            }
            stats.add(st);
        }
        String unit = unit(in, "Unit");
        Instant aligned = alignStart(start, cw.world().now());
        long buckets = (end.getEpochSecond() - aligned.getEpochSecond() + period - 1) / period;
        if (buckets > MAX_STATISTICS_DATAPOINTS) {
            throw CwErrors.combination("You have requested up to " + buckets + " datapoints, which exceeds the limit of "
                    + MAX_STATISTICS_DATAPOINTS + ". You may reduce the datapoints requested by increasing Period, or "
                    + "decreasing the time range.");
        }
        ObjectNode out = Wire.object();
        out.put("Label", key.name());
        ArrayNode points = out.putArray("Datapoints");
        String reportedUnit = cw.metrics.unitOf(region, key, unit);
        for (long b = 0; b < buckets; b++) {
            Instant s = aligned.plusSeconds(b * period);
            ObjectNode p = null;
            ObjectNode ext = null;
            for (Stat st : stats) {
                OptionalDouble v = cw.metrics.value(region, key, unit, s, Duration.ofSeconds(period), st);
                if (v.isEmpty()) {
                    continue;
                }
                if (p == null) {
                    p = Wire.object();
                    p.set("Timestamp", Wire.time(s));
                }
                if (st.isPercentile()) {
                    if (ext == null) {
                        ext = Wire.object();
                    }
                    ext.put(st.name(), v.getAsDouble());
                } else {
                    p.put(st.name(), v.getAsDouble());
                }
            }
            if (p != null) {
                p.put("Unit", reportedUnit);
                if (ext != null) {
                    p.set("ExtendedStatistics", ext);
                }
                points.add(p);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- ListMetrics

    ObjectNode listMetrics(Call call, Args in) {
        CloudWatchRegion region = cw.region(call.account(), call.region());
        String namespace = in.string("Namespace");
        String name = in.string("MetricName");
        Map<String, String> filters = dimensions(in.list("Dimensions"), false);
        if (filters.size() > 10) {
            throw CwErrors.validation("Value at 'dimensions' failed to satisfy constraint: Member must have length less "
                    + "than or equal to 10");
        }
        String recently = in.string("RecentlyActive");
        if (recently != null && !recently.equals("PT3H")) {
            throw CwErrors.validation("Value '" + recently + "' at 'recentlyActive' failed to satisfy constraint: "
                    + "Member must satisfy enum value set: [PT3H]");
        }
        String owning = in.string("OwningAccount");
        List<MetricKey> matching = new ArrayList<>();
        if (owning == null || owning.equals(call.account())) {
            for (MetricKey k : cw.metrics.list(region, cw.world().now(), recently != null)) {
                if (namespace != null && !namespace.equals(k.namespace())) {
                    continue;
                }
                if (name != null && !name.equals(k.name())) {
                    continue;
                }
                boolean ok = true;
                for (Map.Entry<String, String> f : filters.entrySet()) {
                    String v = k.dimensions().get(f.getKey());
                    if (v == null || (f.getValue() != null && !f.getValue().equals(v))) {
                        ok = false;
                        break;
                    }
                }
                if (ok) {
                    matching.add(k);
                }
            }
        }
        String fp = Tokens.fingerprint(in);
        int from = 0;
        String token = in.string("NextToken");
        if (token != null) {
            from = (int) Tokens.decode(token, fp, 1)[0];
        }
        ObjectNode out = Wire.object();
        ArrayNode metrics = out.putArray("Metrics");
        int to = Math.min(matching.size(), from + LIST_PAGE);
        for (int i = from; i < to; i++) {
            MetricKey k = matching.get(i);
            ObjectNode m = metrics.addObject();
            m.put("Namespace", k.namespace()).put("MetricName", k.name());
            dimensionsOut(m, k);
        }
        if (to < matching.size()) {
            out.put("NextToken", Tokens.encode(fp, to));
        }
        if (Boolean.TRUE.equals(in.bool("IncludeLinkedAccounts"))) {
            ArrayNode owners = out.putArray("OwningAccounts");
            for (int i = from; i < to; i++) {
                owners.add(call.account());
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- PutMetricData

    ObjectNode putMetricData(Call call, Args in) {
        CloudWatchRegion region = cw.region(call.account(), call.region());
        String namespace = in.required("Namespace");
        if (namespace.startsWith("AWS/") || namespace.length() > 255 || namespace.contains(":")) {
            throw CwErrors.invalidValue("The value " + namespace + " for parameter Namespace is invalid.");
        }
        List<Args> data = in.list("MetricData");
        if (data.isEmpty()) {
            throw CwErrors.missing("MetricData");
        }
        if (data.size() > 1000) {
            throw CwErrors.validation("Value at 'metricData' failed to satisfy constraint: Member must have length less "
                    + "than or equal to 1000");
        }
        Instant now = cw.world().now();
        List<Runnable> writes = new ArrayList<>();
        for (Args d : data) {
            writes.add(datum(region, namespace, d, now));
        }
        // Validate everything first: a bad datum rejects the whole call, as on AWS.
        writes.forEach(Runnable::run);
        return Wire.object();
    }

    private Runnable datum(CloudWatchRegion region, String namespace, Args d, Instant now) {
        String name = d.required("MetricName");
        if (name.length() > 255) {
            throw CwErrors.validation("Value at '" + d.path("MetricName") + "' failed to satisfy constraint: Member must "
                    + "have length less than or equal to 255");
        }
        MetricKey key = MetricKey.of(namespace, name, dimensions(d.list("Dimensions"), true));
        Instant at = d.time("Timestamp");
        if (at == null) {
            at = now;
        }
        if (at.isBefore(now.minus(Duration.ofDays(14)))) {
            throw CwErrors.invalidValue("The parameter " + d.path("Timestamp") + " must specify a time no more than two "
                    + "weeks in the past.");
        }
        if (at.isAfter(now.plus(Duration.ofHours(2)))) {
            throw CwErrors.invalidValue("The parameter " + d.path("Timestamp") + " must specify a time no more than two "
                    + "hours in the future.");
        }
        Integer resolution = d.integer("StorageResolution");
        if (resolution != null && resolution != 1 && resolution != 60) {
            throw CwErrors.invalidValue("The value " + resolution + " for parameter " + d.path("StorageResolution")
                    + " is invalid. Valid values are 1 and 60.");
        }
        int res = resolution == null ? 60 : resolution;
        String unit = unit(d, "Unit");
        String u = unit == null ? "None" : unit;
        Double value = d.dbl("Value");
        List<Double> values = d.doubles("Values");
        List<Double> counts = d.doubles("Counts");
        Args set = d.object("StatisticValues");
        int given = (value != null ? 1 : 0) + (values.isEmpty() ? 0 : 1) + (set != null ? 1 : 0);
        if (given > 1) {
            throw CwErrors.combination("The parameters " + d.path("Value") + ", " + d.path("Values") + " and "
                    + d.path("StatisticValues") + " are mutually exclusive and you have specified more than one.");
        }
        if (given == 0) {
            throw CwErrors.combination("One of the parameters " + d.path("Value") + ", " + d.path("Values") + " or "
                    + d.path("StatisticValues") + " must be specified.");
        }
        if (values.size() > 150) {
            throw CwErrors.validation("Value at '" + d.path("Values") + "' failed to satisfy constraint: Member must have "
                    + "length less than or equal to 150");
        }
        if (!counts.isEmpty() && counts.size() != values.size()) {
            throw CwErrors.invalidValue("The parameters " + d.path("Values") + " and " + d.path("Counts")
                    + " must be of the same size.");
        }
        for (Double c : counts) {
            if (c < 0) {
                throw CwErrors.invalidValue("The parameter " + d.path("Counts") + " must not contain negative values.");
            }
        }
        Instant when = at;
        if (set != null) {
            double n = req(set, "SampleCount");
            double sum = req(set, "Sum");
            double min = req(set, "Minimum");
            double max = req(set, "Maximum");
            if (n <= 0 || min > max) {
                throw CwErrors.invalidValue("The parameter " + set.path("SampleCount") + " must be positive and "
                        + set.path("Minimum") + " must not exceed " + set.path("Maximum") + ".");
            }
            return () -> region.store.put(key, u, when, res, now, a -> a.addSet(n, sum, min, max));
        }
        if (value != null) {
            double v = value;
            return () -> region.store.put(key, u, when, res, now, a -> a.add(v, 1));
        }
        return () -> region.store.put(key, u, when, res, now, a -> {
            for (int i = 0; i < values.size(); i++) {
                a.add(values.get(i), counts.isEmpty() ? 1 : counts.get(i));
            }
        });
    }

    private static double req(Args set, String name) {
        Double v = set.dbl(name);
        if (v == null) {
            throw CwErrors.missing(set.path(name));
        }
        return v;
    }
}
