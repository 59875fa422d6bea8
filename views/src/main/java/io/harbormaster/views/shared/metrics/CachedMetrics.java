package io.harbormaster.views.shared.metrics;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.metrics.FetchMetrics;
import io.harbormaster.model.metrics.MetricHistory;
import io.harbormaster.model.metrics.MetricPoint;
import io.harbormaster.model.metrics.MetricQuery;
import io.harbormaster.model.metrics.MetricSeries;
import io.harbormaster.model.metrics.TimeWindow;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The console's one way of reading metrics, cache first, then CloudWatch: {@link #cached} answers from the local
 * cache (shown at once), {@link #fetch} asks CloudWatch and saves its answer to the cache before handing it back,
 * and {@link #merge} lays the newer points over the older ones. Blocking: call it on the background pool. The
 * service dashboard and the noise map both read through here, so the policy cannot drift between them.
 */
public final class CachedMetrics {

    private final MetricHistory history;
    private final FetchMetrics cloudWatch;

    public CachedMetrics(MetricHistory history, FetchMetrics cloudWatch) {
        this.history = Objects.requireNonNull(history, "history");
        this.cloudWatch = Objects.requireNonNull(cloudWatch, "cloudWatch");
    }

    public CachedMetrics(MetricsDependencies deps) {
        this(deps.history(), deps.fetchMetrics());
    }

    /** What the cache holds for each query over the window, one series per query in the order asked. */
    public List<MetricSeries> cached(String environmentId, String region, List<MetricQuery> queries,
            TimeWindow window) {
        if (queries.isEmpty()) {
            return List.of();
        }
        return history.load(environmentId, region, queries, window.start(), window.end());
    }

    /** CloudWatch's answer for the queries over the window, saved to the cache first so it shows offline later. */
    public List<MetricSeries> fetch(EnvironmentSession session, List<MetricQuery> queries, TimeWindow window) {
        if (queries.isEmpty()) {
            return List.of();
        }
        List<MetricSeries> got = cloudWatch.fetch(session, queries, window.start(), window.end());
        history.save(session.environment().id(), session.region(), got);
        return got;
    }

    /** Whether any series has a point: an empty cache is not worth showing. */
    public static boolean anyPoints(List<MetricSeries> series) {
        return series.stream().anyMatch(s -> !s.points().isEmpty());
    }

    /** One series' points: a newer point replaces an older one at the same time; the result is in time order. */
    public static List<MetricPoint> merge(List<MetricPoint> older, List<MetricPoint> newer) {
        TreeMap<Instant, MetricPoint> byTime = new TreeMap<>();
        older.forEach(p -> byTime.put(p.at(), p));
        newer.forEach(p -> byTime.put(p.at(), p));
        return List.copyOf(byTime.values());
    }
}
