package io.harbormaster.model.logs;

import java.time.Instant;
import java.util.Objects;

/**
 * One FilterLogEvents request.
 *
 * @param logGroup      the group a container's awslogs configuration names ({@link ContainerLogs#group()})
 * @param filterPattern CloudWatch Logs filter pattern ("ERROR", "?ERROR ?WARN", "[ts, level=ERROR, …]"); blank
 *                      for every line
 * @param streamPrefix  only streams starting with this; blank for all
 * @param end           exclusive; null for "up to now"
 * @param nextToken     null for the first page
 * @param limit         1–10,000 events a page
 */
public record LogQuery(String logGroup, String filterPattern, String streamPrefix, Instant start, Instant end,
        String nextToken, int limit) {

    public static final int MAX_LIMIT = 10_000;
    public static final int DEFAULT_LIMIT = 1_000;

    public LogQuery {
        if (logGroup == null || logGroup.isBlank()) {
            throw new IllegalArgumentException("a log search needs a log group");
        }
        filterPattern = filterPattern == null ? "" : filterPattern;
        streamPrefix = streamPrefix == null ? "" : streamPrefix;
        Objects.requireNonNull(start, "start");
        if (end != null && !start.isBefore(end)) {
            throw new IllegalArgumentException("a log search must start before it ends");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a log page holds 1 to " + MAX_LIMIT + " events, was " + limit);
        }
    }

    public static LogQuery of(String logGroup, String filterPattern, Instant start) {
        return new LogQuery(logGroup, filterPattern, "", start, null, null, DEFAULT_LIMIT);
    }

    public LogQuery withNextToken(String token) {
        return new LogQuery(logGroup, filterPattern, streamPrefix, start, end, token, limit);
    }

    public LogQuery from(Instant newStart) {
        return new LogQuery(logGroup, filterPattern, streamPrefix, newStart, end, null, limit);
    }
}
