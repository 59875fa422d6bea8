package io.harbormaster.model.logs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Follow mode over FilterLogEvents ("tail -f"): each call starts a little before the newest line seen, because lines
 * reach CloudWatch late and out of order, and lines already shown are dropped by their event id. Pages of one call
 * are followed by token before the next call starts. Lines ingested later than {@code overlap} behind the newest
 * one are missed, as with any tail. Not thread-safe.
 */
public final class FollowCursor {

    /** How far back each call looks again for lines that arrived late. */
    public static final Duration DEFAULT_OVERLAP = Duration.ofSeconds(30);

    private final LogQuery base;
    private final Duration overlap;
    private final Map<String, Instant> seen = new HashMap<>();
    private Instant newest;
    private String nextToken;
    private Instant callStart;

    public FollowCursor(LogQuery base) {
        this(base, DEFAULT_OVERLAP);
    }

    public FollowCursor(LogQuery base, Duration overlap) {
        this.base = Objects.requireNonNull(base, "base");
        this.overlap = Objects.requireNonNull(overlap, "overlap");
        if (base.end() != null) {
            throw new IllegalArgumentException("a followed search has no end");
        }
    }

    /** The next request: the rest of the current call's pages, or a new call from just before the newest line. */
    public LogQuery next() {
        if (nextToken != null) {
            return base.from(callStart).withNextToken(nextToken);
        }
        callStart = newest == null ? base.start() : max(base.start(), newest.minus(overlap));
        return base.from(callStart);
    }

    /** Takes a page answering {@link #next()}; returns the lines not shown before, oldest first. */
    public List<LogEvent> accept(LogPage page) {
        List<LogEvent> fresh = new ArrayList<>();
        for (LogEvent e : page.events()) {
            if (e.eventId().isEmpty() || seen.putIfAbsent(e.eventId(), e.timestamp()) == null) {
                fresh.add(e);
            }
            if (newest == null || e.timestamp().isAfter(newest)) {
                newest = e.timestamp();
            }
        }
        nextToken = page.nextToken();
        if (nextToken == null && newest != null) {
            Instant keepFrom = newest.minus(overlap);
            seen.values().removeIf(at -> at.isBefore(keepFrom));
        }
        fresh.sort(Comparator.comparing(LogEvent::timestamp));
        return fresh;
    }

    /** More pages of the current call are waiting: call again now rather than after the poll interval. */
    public boolean hasMorePages() {
        return nextToken != null;
    }

    /** The newest line's time; empty before any line. */
    public java.util.Optional<Instant> newest() {
        return java.util.Optional.ofNullable(newest);
    }

    int remembered() {
        return seen.size();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
