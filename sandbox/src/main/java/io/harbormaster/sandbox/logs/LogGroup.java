package io.harbormaster.sandbox.logs;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

/**
 * A log group: one ECS task definitions name in their awslogs configuration, or one a client created. Streams of stopped
 * tasks are kept, as awslogs streams outlive their tasks, up to {@link #MAX_STOPPED_STREAMS} a group.
 */
final class LogGroup {

    static final int MAX_STOPPED_STREAMS = 400;

    final String name;
    final String arn;
    final long creationTime;
    Integer retentionInDays;
    /** The ECS services (cluster ARN/service name) whose tasks' streams this group derives; empty for others. */
    final java.util.Set<String> derivedFor = new java.util.HashSet<>();
    /**
     * The streams materialised so far. For an ECS service's group this holds, until the group is first read, only
     * the streams of tasks that stopped meanwhile; the running tasks' streams are derived from ECS by
     * {@link #streams()} on first use ({@link #derive}), so a 200,000-task fleet costs nothing here until read.
     */
    final TreeMap<String, LogStream> streams = new TreeMap<>();
    /** Derives the running tasks' streams from ECS; null once done, and for client-created groups. */
    Runnable derive;

    LogGroup(String name, String arn, long creationTime, Integer retentionInDays) {
        this.name = name;
        this.arn = arn;
        this.creationTime = creationTime;
        this.retentionInDays = retentionInDays;
    }

    /** Every stream of the group, deriving those of the service's tasks from ECS the first time. */
    TreeMap<String, LogStream> streams() {
        Runnable d = derive;
        if (d != null) {
            derive = null;
            d.run();
        }
        return streams;
    }

    boolean derived() {
        return derive == null;
    }

    void add(LogStream s) {
        streams.putIfAbsent(s.name, s);
        if (s.source == null || s.source.end() == null) {
            return; // only a stopped stream can push the group over its stopped-stream cap
        }
        prune();
    }

    /** Drops the oldest stopped-task streams beyond {@link #MAX_STOPPED_STREAMS}. */
    void prune() {
        List<LogStream> stopped = new ArrayList<>();
        for (LogStream x : streams.values()) {
            if (x.source != null && x.source.end() != null) {
                stopped.add(x);
            }
        }
        if (stopped.size() > MAX_STOPPED_STREAMS) {
            stopped.sort(java.util.Comparator.comparing(x -> x.source.end()));
            Iterator<LogStream> it = stopped.iterator();
            for (int drop = stopped.size() - MAX_STOPPED_STREAMS; drop > 0 && it.hasNext(); drop--) {
                streams.remove(it.next().name);
            }
        }
    }

    /** The oldest event time retention still keeps, in epoch millis. */
    long retainedFrom(long nowMillis) {
        return retentionInDays == null ? Long.MIN_VALUE : nowMillis - retentionInDays * 86_400_000L;
    }
}
