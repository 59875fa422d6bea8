package io.harbormaster.sandbox.logs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbormaster.sandbox.core.AwsException;
import io.harbormaster.sandbox.core.Caller;
import io.harbormaster.sandbox.core.Call;
import io.harbormaster.sandbox.core.Edge;
import io.harbormaster.sandbox.core.JsonParams;
import io.harbormaster.sandbox.core.JsonService;
import io.harbormaster.sandbox.core.Throttler;
import io.harbormaster.sandbox.core.World;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * CloudWatch Logs over AWS JSON 1.1 ({@code X-Amz-Target: Logs_20140328.<Op>}): DescribeLogGroups,
 * DescribeLogStreams, GetLogEvents, FilterLogEvents, and CreateLogGroup / CreateLogStream / PutLogEvents for
 * clients that write their own.
 */
final class LogsHandler extends JsonService {

    static final int MAX_EVENTS = 10_000;
    /** Events generated per FilterLogEvents call before it answers what it has with a nextToken, as AWS does. */
    static final int SCAN_BUDGET = 150_000;
    private static final Pattern GROUP_NAME = Pattern.compile("[\\.\\-_/#A-Za-z0-9]{1,512}");

    private final Logs logs;

    LogsHandler(World world, Edge edge, Logs logs) {
        super(world, edge, "Logs_20140328", "application/x-amz-json-1.1", "logs");
        this.logs = logs;
        op("DescribeLogGroups", "Describe", this::describeLogGroups);
        op("DescribeLogStreams", "Describe", this::describeLogStreams);
        op("GetLogEvents", "GetLogEvents", this::getLogEvents);
        op("FilterLogEvents", "FilterLogEvents", this::filterLogEvents);
        op("CreateLogGroup", "Write", this::createLogGroup);
        op("CreateLogStream", "Write", this::createLogStream);
        op("PutLogEvents", "PutLogEvents", this::putLogEvents);
    }

    @Override
    public String name() {
        return "logs";
    }

    @Override
    protected Throttler.Rate rate(String family) {
        return switch (family) {
            case "FilterLogEvents" -> new Throttler.Rate(10, 5);
            case "GetLogEvents" -> new Throttler.Rate(50, 25);
            case "PutLogEvents" -> new Throttler.Rate(5000, 5000);
            default -> new Throttler.Rate(20, 10);
        };
    }

    /**
     * The resource IAM judges, as the service authorization reference names it: the log group for group-level
     * operations, "…:log-group:NAME:log-stream:STREAM" for PutLogEvents and GetLogEvents.
     */
    @Override
    protected String resourceFor(String operation, JsonParams p, Caller caller) {
        String group = p.string("logGroupName");
        String identifier = p.string("logGroupIdentifier");
        String groupArn;
        if (identifier != null && identifier.startsWith("arn:")) {
            groupArn = identifier.endsWith(":*") ? identifier.substring(0, identifier.length() - 2) : identifier;
        } else {
            String name = group != null ? group : identifier != null ? identifier : "*";
            groupArn = "arn:aws:logs:" + caller.region() + ":" + caller.account() + ":log-group:" + name;
        }
        String stream = p.string("logStreamName");
        return switch (operation) {
            case "PutLogEvents", "GetLogEvents" -> groupArn + ":log-stream:" + (stream == null ? "*" : stream);
            default -> groupArn;
        };
    }

    @Override
    protected AwsException missingParameter(String member) {
        return invalid("1 validation error detected: Value null at '" + member
                + "' failed to satisfy constraint: Member must not be null");
    }

    static AwsException invalid(String message) {
        return new AwsException("InvalidParameterException", message);
    }

    static AwsException groupNotFound() {
        return new AwsException("ResourceNotFoundException", "The specified log group does not exist.");
    }

    // ---------------------------------------------------------------- groups and streams

    private LogGroup group(Call call, JsonParams p) {
        String name = p.string("logGroupName");
        String identifier = p.string("logGroupIdentifier");
        if (name != null && identifier != null) {
            throw invalid("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
        }
        if (name == null && identifier == null) {
            throw missingParameter("logGroupName");
        }
        if (identifier != null) {
            int i = identifier.indexOf(":log-group:");
            name = i < 0 ? identifier : identifier.substring(i + ":log-group:".length()).replaceAll(":\\*$", "");
        }
        LogGroup g = logs.groups(call.account(), call.region()).get(name);
        if (g == null) {
            throw groupNotFound();
        }
        return g;
    }

    private int limit(JsonParams p, String member, int max, int dflt) {
        Integer limit = p.integer(member);
        if (limit == null) {
            return dflt;
        }
        if (limit < 1 || limit > max) {
            throw invalid("1 validation error detected: Value '" + limit + "' at '" + member + "' failed to satisfy "
                    + "constraint: Member must have value " + (limit < 1 ? "greater than or equal to 1" : "less than or equal to " + max));
        }
        return limit;
    }

    private ObjectNode describeLogGroups(Call call, JsonParams p) {
        String prefix = p.string("logGroupNamePrefix");
        String pattern = p.string("logGroupNamePattern");
        if (prefix != null && pattern != null) {
            throw invalid("logGroupNamePrefix and logGroupNamePattern are mutually exclusive parameters.");
        }
        int limit = limit(p, "limit", 50, 50);
        String after = decodeName(p.string("nextToken"));
        ObjectNode out = object();
        ArrayNode arr = out.putArray("logGroups");
        TreeMap<String, LogGroup> groups = logs.groups(call.account(), call.region());
        String last = null;
        int n = 0;
        for (LogGroup g : (after == null ? groups : groups.tailMap(after, false)).values()) {
            if (prefix != null && !g.name.startsWith(prefix)) {
                continue;
            }
            if (pattern != null && !g.name.toLowerCase(java.util.Locale.ROOT).contains(pattern.toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            if (n == limit) {
                out.put("nextToken", encodeName(last));
                break;
            }
            ObjectNode o = arr.addObject();
            o.put("logGroupName", g.name).put("creationTime", g.creationTime);
            if (g.retentionInDays != null) {
                o.put("retentionInDays", g.retentionInDays);
            }
            o.put("metricFilterCount", 0).put("arn", g.arn + ":*").put("storedBytes", 0)
                    .put("logGroupClass", "STANDARD").put("logGroupArn", g.arn);
            last = g.name;
            n++;
        }
        return out;
    }

    private ObjectNode describeLogStreams(Call call, JsonParams p) {
        LogGroup g = group(call, p);
        String prefix = p.string("logStreamNamePrefix");
        String orderBy = p.string("orderBy");
        if (orderBy != null && !orderBy.equals("LogStreamName") && !orderBy.equals("LastEventTime")) {
            throw invalid("1 validation error detected: Value '" + orderBy + "' at 'orderBy' failed to satisfy "
                    + "constraint: Member must satisfy enum value set: [LogStreamName, LastEventTime]");
        }
        boolean byTime = "LastEventTime".equals(orderBy);
        if (byTime && prefix != null) {
            throw invalid("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        boolean descending = Boolean.TRUE.equals(p.bool("descending"));
        int limit = limit(p, "limit", 50, 50);
        long now = world.now().toEpochMilli();
        record Row(LogStream s, Long first, Long last) {
        }
        List<Row> rows = new ArrayList<>();
        for (LogStream s : g.streams().values()) {
            if (prefix != null && !s.name.startsWith(prefix)) {
                continue;
            }
            rows.add(new Row(s, byTime ? null : null, byTime ? lastEventTime(g, call, s, now) : null));
        }
        Comparator<Row> order = byTime
                ? Comparator.comparing((Row r) -> r.last == null ? Long.MIN_VALUE : r.last).thenComparing(r -> r.s.name)
                : Comparator.comparing(r -> r.s.name);
        rows.sort(descending ? order.reversed() : order);
        int from = 0;
        String token = p.string("nextToken");
        if (token != null) {
            from = (int) decodeOffset(token);
        }
        ObjectNode out = object();
        ArrayNode arr = out.putArray("logStreams");
        int to = Math.min(rows.size(), from + limit);
        for (int i = from; i < to; i++) {
            LogStream s = rows.get(i).s;
            ObjectNode o = arr.addObject();
            o.put("logStreamName", s.name).put("creationTime", s.creationTime);
            Long first = firstEventTime(g, call, s, now);
            Long last = rows.get(i).last != null ? rows.get(i).last : lastEventTime(g, call, s, now);
            if (first != null) {
                o.put("firstEventTimestamp", first);
            }
            if (last != null) {
                o.put("lastEventTimestamp", last);
                o.put("lastIngestionTime", s.lastIngestion != null ? Math.max(s.lastIngestion, last + 200) : last + 200);
            }
            o.put("uploadSequenceToken", "4961" + String.format("%052d", Math.abs((long) s.hash) * 7919L + (last == null ? 0 : last)));
            o.put("arn", g.arn + ":log-stream:" + s.name);
            o.put("storedBytes", 0);
        }
        if (to < rows.size()) {
            out.put("nextToken", encodeOffset(to));
        }
        return out;
    }

    private Long firstEventTime(LogGroup g, Call call, LogStream s, long now) {
        Long m = s.firstMinute();
        if (m == null) {
            return null;
        }
        long from = Math.max(m, Math.floorDiv(g.retainedFrom(now), 60_000));
        for (long minute = from; minute <= Math.min(from + 10, now / 60_000); minute++) {
            List<LogEvent> ev = events(call, g, s, minute, now);
            if (!ev.isEmpty()) {
                return ev.get(0).timestamp();
            }
        }
        return null;
    }

    private Long lastEventTime(LogGroup g, Call call, LogStream s, long now) {
        Long last = s.lastMinute(now);
        Long first = s.firstMinute();
        if (last == null || first == null) {
            return null;
        }
        for (long minute = last; minute >= Math.max(first, last - 30); minute--) {
            List<LogEvent> ev = events(call, g, s, minute, now);
            if (!ev.isEmpty()) {
                return ev.get(ev.size() - 1).timestamp();
            }
        }
        return null;
    }

    private List<LogEvent> events(Call call, LogGroup g, LogStream s, long minute, long now) {
        if ((minute + 1) * 60_000 <= g.retainedFrom(now)) {
            return List.of();
        }
        return s.minute(minute, now, m -> logs.accessRate(call.account(), call.region(), s.source, m));
    }

    private LogStream stream(LogGroup g, JsonParams p) {
        String name = p.requiredString("logStreamName");
        LogStream s = g.streams().get(name);
        if (s == null) {
            throw new AwsException("ResourceNotFoundException", "The specified log stream does not exist.");
        }
        return s;
    }

    // ---------------------------------------------------------------- GetLogEvents

    private ObjectNode getLogEvents(Call call, JsonParams p) {
        LogGroup g = group(call, p);
        LogStream s = stream(g, p);
        logs.refreshFaults(g);
        int limit = limit(p, "limit", MAX_EVENTS, MAX_EVENTS);
        long now = world.now().toEpochMilli();
        Long startTime = longParam(p, "startTime");
        Long endTime = longParam(p, "endTime");
        boolean fromHead = Boolean.TRUE.equals(p.bool("startFromHead"));
        String token = p.string("nextToken");
        long lo = Math.max(startTime == null ? Long.MIN_VALUE : startTime, g.retainedFrom(now));
        long hi = Math.min(endTime == null ? Long.MAX_VALUE : endTime, now + 1);
        Long first = s.firstMinute();
        Long last = s.lastMinute(now);
        boolean forward = fromHead;
        long fromKey = Long.MIN_VALUE;
        long toKey = Long.MAX_VALUE;
        if (token != null) {
            long[] t = decodeStreamToken(token);
            forward = t[0] == 1;
            if (forward) {
                fromKey = t[1];
            } else {
                toKey = t[1];
            }
        }
        List<LogEvent> got = new ArrayList<>();
        if (first != null && last != null) {
            long minFirst = Math.max(first, Math.floorDiv(lo, 60_000));
            long maxLast = Math.min(last, Math.floorDiv(hi, 60_000));
            if (forward) {
                long m = Math.max(minFirst, fromKey == Long.MIN_VALUE ? minFirst : LogEvent.minuteOf(fromKey));
                for (; m <= maxLast && got.size() < limit; m++) {
                    for (LogEvent e : events(call, g, s, m, now)) {
                        if (e.key() >= fromKey && e.timestamp() >= lo && e.timestamp() < hi && got.size() < limit) {
                            got.add(e);
                        }
                    }
                }
            } else {
                long m = Math.min(maxLast, toKey == Long.MAX_VALUE ? maxLast : LogEvent.minuteOf(toKey));
                List<LogEvent> rev = new ArrayList<>();
                for (; m >= minFirst && rev.size() < limit; m--) {
                    List<LogEvent> ev = events(call, g, s, m, now);
                    for (int i = ev.size() - 1; i >= 0 && rev.size() < limit; i--) {
                        LogEvent e = ev.get(i);
                        if (e.key() < toKey && e.timestamp() >= lo && e.timestamp() < hi) {
                            rev.add(e);
                        }
                    }
                }
                for (int i = rev.size() - 1; i >= 0; i--) {
                    got.add(rev.get(i));
                }
            }
        }
        ObjectNode out = object();
        ArrayNode arr = out.putArray("events");
        for (LogEvent e : got) {
            arr.addObject().put("timestamp", e.timestamp()).put("message", e.message()).put("ingestionTime", e.ingestionTime());
        }
        if (got.isEmpty()) {
            // Nothing new: the same tokens again, so a follower keeps polling from where it is.
            long at = token != null ? decodeStreamToken(token)[1] : (fromHead ? Long.MIN_VALUE + 1 : Long.MAX_VALUE - 1);
            if (token != null && forward) {
                out.put("nextForwardToken", token);
                out.put("nextBackwardToken", streamToken(false, at));
            } else if (token != null) {
                out.put("nextForwardToken", streamToken(true, at));
                out.put("nextBackwardToken", token);
            } else {
                long k = fromHead ? Math.max(0, (first == null ? 0 : first) * LogEvent.PER_MINUTE)
                        : (Math.floorDiv(Math.min(hi, now + 1), 60_000) + 1) * LogEvent.PER_MINUTE;
                out.put("nextForwardToken", streamToken(true, k));
                out.put("nextBackwardToken", streamToken(false, k));
            }
        } else {
            out.put("nextForwardToken", streamToken(true, got.get(got.size() - 1).key() + 1));
            out.put("nextBackwardToken", streamToken(false, got.get(0).key()));
        }
        return out;
    }

    private static Long longParam(JsonParams p, String name) {
        com.fasterxml.jackson.databind.JsonNode n = p.node().get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw JsonParams.serialization(name, n, "a long");
        }
        if (n.longValue() < 0) {
            throw invalid("1 validation error detected: Value '" + n.longValue() + "' at '" + name
                    + "' failed to satisfy constraint: Member must have value greater than or equal to 0");
        }
        return n.longValue();
    }

    /** AWS-shaped stream tokens: {@code f/<56 digits>/s} forward, {@code b/<56 digits>/s} backward. */
    static String streamToken(boolean forward, long key) {
        return (forward ? "f/" : "b/") + String.format("%056d", Math.max(0, key)) + "/s";
    }

    static long[] decodeStreamToken(String token) {
        if (token.length() > 4 && (token.startsWith("f/") || token.startsWith("b/")) && token.endsWith("/s")) {
            try {
                return new long[] {token.startsWith("f/") ? 1 : 0, Long.parseLong(token.substring(2, token.length() - 2))};
            } catch (NumberFormatException e) {
                throw invalid("The specified nextToken is invalid.");
            }
        }
        throw invalid("The specified nextToken is invalid.");
    }

    // ---------------------------------------------------------------- FilterLogEvents

    private ObjectNode filterLogEvents(Call call, JsonParams p) {
        LogGroup g = group(call, p);
        logs.refreshFaults(g);
        List<String> names = p.strings("logStreamNames");
        String prefix = p.string("logStreamNamePrefix");
        if (names != null && prefix != null) {
            throw invalid("logStreamNames and logStreamNamePrefix are mutually exclusive parameters.");
        }
        if (names != null && (names.isEmpty() || names.size() > 100)) {
            throw invalid("1 validation error detected: Value at 'logStreamNames' failed to satisfy constraint: "
                    + "Member must have length between 1 and 100");
        }
        int limit = limit(p, "limit", MAX_EVENTS, MAX_EVENTS);
        FilterPattern pattern = FilterPattern.parse(p.string("filterPattern"));
        long now = world.now().toEpochMilli();
        Long startTime = longParam(p, "startTime");
        Long endTime = longParam(p, "endTime");
        if (startTime != null && endTime != null && endTime < startTime) {
            throw invalid("endTime must be greater than or equal to startTime.");
        }
        long lo = Math.max(startTime == null ? Long.MIN_VALUE : startTime, g.retainedFrom(now));
        long hi = Math.min(endTime == null ? Long.MAX_VALUE : endTime, now);
        List<LogStream> streams = new ArrayList<>();
        for (LogStream s : g.streams().values()) {
            if ((names == null || names.contains(s.name)) && (prefix == null || s.name.startsWith(prefix))) {
                streams.add(s);
            }
        }
        long firstMinute = Long.MAX_VALUE;
        long lastMinute = Long.MIN_VALUE;
        for (LogStream s : streams) {
            Long f = s.firstMinute();
            Long l = s.lastMinute(now);
            if (f != null && l != null) {
                firstMinute = Math.min(firstMinute, f);
                lastMinute = Math.max(lastMinute, l);
            }
        }
        firstMinute = Math.max(firstMinute, Math.floorDiv(lo, 60_000));
        lastMinute = Math.min(lastMinute, Math.floorDiv(hi, 60_000));
        String fp = fingerprint(p);
        long minute = firstMinute;
        long skip = 0;
        String token = p.string("nextToken");
        if (token != null) {
            long[] pos = decodeFilterToken(token, fp);
            minute = pos[0];
            skip = pos[1];
        }
        ObjectNode out = object();
        ArrayNode arr = out.putArray("events");
        int found = 0;
        int scanned = 0;
        String next = null;
        record Hit(LogStream s, LogEvent e) {
        }
        for (; minute <= lastMinute; minute++) {
            List<Hit> hits = new ArrayList<>();
            for (LogStream s : streams) {
                Long f = s.firstMinute();
                Long l = s.lastMinute(now);
                if (f == null || l == null || minute < f || minute > l) {
                    continue;
                }
                for (LogEvent e : events(call, g, s, minute, now)) {
                    scanned++;
                    if (e.timestamp() >= lo && e.timestamp() <= hi && pattern.matches(e.message())) {
                        hits.add(new Hit(s, e));
                    }
                }
            }
            hits.sort(Comparator.comparingLong((Hit h) -> h.e.timestamp()).thenComparing(h -> h.s.name)
                    .thenComparingLong(h -> h.e.key()));
            int i = (int) skip;
            skip = 0;
            for (; i < hits.size() && found < limit; i++) {
                Hit h = hits.get(i);
                arr.addObject().put("logStreamName", h.s.name).put("timestamp", h.e.timestamp())
                        .put("message", h.e.message()).put("ingestionTime", h.e.ingestionTime())
                        .put("eventId", h.e.eventId(h.s.hash));
                found++;
            }
            if (i < hits.size()) {
                next = encodeFilterToken(fp, minute, i);
                break;
            }
            if (found >= limit || scanned >= SCAN_BUDGET) {
                if (minute < lastMinute) {
                    next = encodeFilterToken(fp, minute + 1, 0);
                }
                break;
            }
        }
        ArrayNode searched = out.putArray("searchedLogStreams");
        for (LogStream s : streams) {
            searched.addObject().put("logStreamName", s.name).put("searchedCompletely", next == null);
        }
        if (next != null) {
            out.put("nextToken", next);
        }
        return out;
    }

    private static String fingerprint(JsonParams p) {
        ObjectNode copy = p.node().deepCopy();
        copy.remove("nextToken");
        copy.remove("limit");
        return Integer.toHexString(copy.toString().hashCode());
    }

    private static String encodeFilterToken(String fp, long minute, long skip) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("fle|" + fp + "|" + minute + "|" + skip)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static long[] decodeFilterToken(String token, String fp) {
        try {
            String[] f = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
            if (f.length == 4 && f[0].equals("fle") && f[1].equals(fp)) {
                return new long[] {Long.parseLong(f[2]), Long.parseLong(f[3])};
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error
        }
        throw invalid("The specified nextToken is invalid.");
    }

    private static String encodeName(String name) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("name|" + name).getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeName(String token) {
        if (token == null) {
            return null;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (s.startsWith("name|")) {
                return s.substring(5);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error
        }
        throw invalid("The specified nextToken is invalid.");
    }

    private static String encodeOffset(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("offset|" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static long decodeOffset(String token) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (s.startsWith("offset|")) {
                return Long.parseLong(s.substring(7));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error
        }
        throw invalid("The specified nextToken is invalid.");
    }

    // ---------------------------------------------------------------- writes

    private ObjectNode createLogGroup(Call call, JsonParams p) {
        String name = p.requiredString("logGroupName");
        if (!GROUP_NAME.matcher(name).matches()) {
            throw invalid("1 validation error detected: Value '" + name + "' at 'logGroupName' failed to satisfy "
                    + "constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+");
        }
        TreeMap<String, LogGroup> groups = logs.groups(call.account(), call.region());
        if (groups.containsKey(name)) {
            throw new AwsException("ResourceAlreadyExistsException", "The specified log group already exists");
        }
        groups.put(name, new LogGroup(name, Logs.arn(call.account(), call.region(), name), world.now().toEpochMilli(),
                null));
        return object();
    }

    private ObjectNode createLogStream(Call call, JsonParams p) {
        LogGroup g = group(call, p);
        String name = p.requiredString("logStreamName");
        if (name.length() > 512 || name.contains(":") || name.contains("*")) {
            throw invalid("1 validation error detected: Value '" + name + "' at 'logStreamName' failed to satisfy "
                    + "constraint: Member must satisfy regular expression pattern: [^:*]*");
        }
        if (g.streams().containsKey(name)) {
            throw new AwsException("ResourceAlreadyExistsException", "The specified log stream already exists");
        }
        g.add(new LogStream(name, world.now().toEpochMilli(), null));
        return object();
    }

    private ObjectNode putLogEvents(Call call, JsonParams p) {
        // Input validation comes before resources are looked up, as on AWS.
        List<JsonParams> events = p.objects("logEvents");
        if (events == null || events.isEmpty()) {
            throw missingParameter("logEvents");
        }
        LogGroup g = group(call, p);
        LogStream s = stream(g, p);
        if (events.size() > 10_000) {
            throw invalid("1 validation error detected: Value at 'logEvents' failed to satisfy constraint: Member must "
                    + "have length less than or equal to 10000");
        }
        long now = world.now().toEpochMilli();
        long prev = Long.MIN_VALUE;
        ObjectNode out = object();
        int tooOld = -1;
        int tooNew = -1;
        int expired = -1;
        for (int i = 0; i < events.size(); i++) {
            JsonParams e = events.get(i);
            Long ts = longParam(e, "timestamp");
            String message = e.requiredString("message");
            if (ts == null) {
                throw missingParameter("logEvents.member." + (i + 1) + ".timestamp");
            }
            if (ts < prev) {
                throw invalid("Log events in a single PutLogEvents request must be in chronological order.");
            }
            prev = ts;
            if (ts > now + 2 * 3_600_000L) {
                tooNew = tooNew < 0 ? i : tooNew;
                continue;
            }
            if (ts < now - 14 * 86_400_000L) {
                tooOld = i;
                continue;
            }
            if (ts < g.retainedFrom(now)) {
                expired = i;
                continue;
            }
            s.put(ts, message, now);
        }
        if (tooOld >= 0 || tooNew >= 0 || expired >= 0) {
            ObjectNode r = out.putObject("rejectedLogEventsInfo");
            if (tooNew >= 0) {
                r.put("tooNewLogEventStartIndex", tooNew);
            }
            if (tooOld >= 0) {
                r.put("tooOldLogEventEndIndex", tooOld);
            }
            if (expired >= 0) {
                r.put("expiredLogEventEndIndex", expired);
            }
        }
        out.put("nextSequenceToken", "4961" + String.format("%052d", now));
        return out;
    }
}
