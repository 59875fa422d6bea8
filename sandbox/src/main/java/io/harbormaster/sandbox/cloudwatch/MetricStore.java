package io.harbormaster.sandbox.cloudwatch;

import io.harbormaster.sandbox.core.Telemetry.MetricKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What clients published with PutMetricData in one account and region. Values land in 1-minute buckets (1-second
 * buckets for high-resolution metrics), one series per metric and unit. Memory is bounded: buckets older than the
 * 15 days CloudWatch keeps high-resolution and 1-minute data are dropped, and past {@link #MAX_SERIES} series the
 * least recently written one is evicted.
 */
final class MetricStore {

    static final int MAX_SERIES = 20_000;
    static final Duration RETENTION = Duration.ofDays(15);

    /** One metric in one unit: its buckets by start epoch second. */
    static final class Series {
        final MetricKey key;
        final String unit;
        int resolution = 60;
        Instant lastPut;
        final TreeMap<Long, Agg> buckets = new TreeMap<>();

        Series(MetricKey key, String unit) {
            this.key = key;
            this.unit = unit;
        }
    }

    private record SeriesId(MetricKey key, String unit) {
    }

    // Access order: the eldest entry is the least recently written series.
    private final LinkedHashMap<SeriesId, Series> series = new LinkedHashMap<>(64, 0.75f, true);

    Series series(MetricKey key, String unit) {
        SeriesId id = new SeriesId(key, unit);
        Series s = series.get(id);
        if (s == null) {
            s = new Series(key, unit);
            series.put(id, s);
            if (series.size() > MAX_SERIES) {
                Iterator<Series> it = series.values().iterator();
                it.next();
                it.remove();
            }
        }
        return s;
    }

    void put(MetricKey key, String unit, Instant at, int resolution, Instant now, java.util.function.Consumer<Agg> add) {
        Series s = series(key, unit);
        s.resolution = Math.min(s.resolution, resolution);
        long bucket = Math.floorDiv(at.getEpochSecond(), resolution) * resolution;
        add.accept(s.buckets.computeIfAbsent(bucket, b -> new Agg()));
        if (s.lastPut == null || now.isAfter(s.lastPut)) {
            s.lastPut = now;
        }
        long horizon = now.minus(RETENTION).getEpochSecond();
        s.buckets.headMap(horizon).clear();
    }

    /** Every series of the metric (all units, or the one named). */
    List<Series> find(MetricKey key, String unit) {
        List<Series> out = new ArrayList<>();
        for (Series s : series.values()) {
            // values() does not count as access in an access-ordered map.
            if (s.key.equals(key) && (unit == null || unit.equals(s.unit))) {
                out.add(s);
            }
        }
        return out;
    }

    boolean has(MetricKey key) {
        for (Series s : series.values()) {
            if (s.key.equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** The data of [start, end) merged across the given series; null when nothing was published then. */
    static Agg window(List<Series> of, Instant start, Instant end) {
        Agg out = null;
        for (Series s : of) {
            NavigableMap<Long, Agg> in = s.buckets.subMap(start.getEpochSecond(), true, end.getEpochSecond(), false);
            for (Agg a : in.values()) {
                if (out == null) {
                    out = new Agg();
                }
                out.merge(a);
            }
        }
        return out;
    }

    /** Metrics CloudWatch lists: published within the last two weeks (or, for recentlyActive, the last 3 hours). */
    List<MetricKey> metrics(Instant now, Duration activeWithin) {
        Map<MetricKey, Boolean> out = new LinkedHashMap<>();
        Instant since = now.minus(activeWithin);
        for (Series s : series.values()) {
            Long newest = s.buckets.isEmpty() ? null : s.buckets.lastKey();
            boolean active = (s.lastPut != null && !s.lastPut.isBefore(since))
                    || (newest != null && newest >= since.getEpochSecond());
            if (active) {
                out.put(s.key, true);
            }
        }
        return new ArrayList<>(out.keySet());
    }
}
