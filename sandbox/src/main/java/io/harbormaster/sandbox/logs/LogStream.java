package io.harbormaster.sandbox.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongToDoubleFunction;

/**
 * A log stream: a task container's generated lines (when it has a {@link TaskSource}) merged with events clients
 * put with PutLogEvents (bounded to {@link #MAX_STORED} a stream, oldest dropped first).
 */
final class LogStream {

    static final int MAX_STORED = 10_000;

    final String name;
    final long creationTime;
    final TaskSource source;
    /** Events put by clients: minute → (timestamp, message, ingestion) in arrival order. */
    private final TreeMap<Long, List<long[]>> storedTimes = new TreeMap<>();
    private final TreeMap<Long, List<String>> storedMessages = new TreeMap<>();
    private int stored;
    Long lastIngestion;
    final int hash;

    LogStream(String name, long creationTime, TaskSource source) {
        this.name = name;
        this.creationTime = creationTime;
        this.source = source;
        this.hash = name.hashCode();
    }

    void put(long timestamp, String message, long ingestion) {
        long minute = Math.floorDiv(timestamp, 60_000);
        storedTimes.computeIfAbsent(minute, m -> new ArrayList<>()).add(new long[] {timestamp, ingestion});
        storedMessages.computeIfAbsent(minute, m -> new ArrayList<>()).add(message);
        stored++;
        lastIngestion = lastIngestion == null ? ingestion : Math.max(lastIngestion, ingestion);
        while (stored > MAX_STORED) {
            Map.Entry<Long, List<long[]>> first = storedTimes.firstEntry();
            stored -= first.getValue().size();
            storedTimes.remove(first.getKey());
            storedMessages.remove(first.getKey());
        }
    }

    /** The first minute that may hold events, or null when the stream is empty. */
    Long firstMinute() {
        Long m = null;
        if (source != null) {
            m = Math.floorDiv(source.startedAt.toEpochMilli(), 60_000);
        }
        if (!storedTimes.isEmpty()) {
            m = m == null ? storedTimes.firstKey() : Math.min(m, storedTimes.firstKey());
        }
        return m;
    }

    /** The last minute that may hold events up to {@code now}. */
    Long lastMinute(long nowMillis) {
        Long m = null;
        if (source != null) {
            long end = source.end() == null ? nowMillis : Math.min(nowMillis, source.end().toEpochMilli());
            m = Math.floorDiv(end, 60_000);
        }
        if (!storedTimes.isEmpty()) {
            long s = Math.min(storedTimes.lastKey(), Math.floorDiv(nowMillis, 60_000));
            m = m == null ? s : Math.max(m, s);
        }
        return m;
    }

    /** The events of one minute up to {@code nowMillis}, in order, with their positions. */
    List<LogEvent> minute(long minute, long nowMillis, LongToDoubleFunction accessRate) {
        List<LogLines.Line> lines = new ArrayList<>();
        if (source != null) {
            lines.addAll(LogLines.minute(source, minute, source.main ? accessRate.applyAsDouble(minute) : 0));
        }
        List<long[]> times = storedTimes.get(minute);
        List<long[]> ingestion = new ArrayList<>();
        if (times != null) {
            List<String> messages = storedMessages.get(minute);
            for (int i = 0; i < times.size(); i++) {
                lines.add(new LogLines.Line(times.get(i)[0], messages.get(i)));
                ingestion.add(times.get(i));
            }
            lines.sort(java.util.Comparator.comparingLong(LogLines.Line::timestamp));
        }
        List<LogEvent> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            LogLines.Line l = lines.get(i);
            if (l.timestamp() > nowMillis) {
                break;
            }
            long ingest = l.timestamp() + 150 + Math.floorMod(l.timestamp() * 31 + hash, 900);
            for (long[] s : ingestion) {
                if (s[0] == l.timestamp()) {
                    ingest = s[1];
                }
            }
            out.add(new LogEvent(minute * LogEvent.PER_MINUTE + i, l.timestamp(), l.message(), ingest));
        }
        return out;
    }
}
