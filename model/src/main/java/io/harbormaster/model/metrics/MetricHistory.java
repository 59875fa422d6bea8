package io.harbormaster.model.metrics;

import java.time.Instant;
import java.util.List;

/**
 * Port: the local cache of fetched points (at least the last 24 h of what was viewed), so history shows at once
 * after a restart and survives losing the network. Keyed by environment, region, metric, statistic and period.
 */
public interface MetricHistory {

    void save(String environmentId, String region, List<MetricSeries> series);

    /** What is cached for each query in [start, end), one series per query in the order asked. */
    List<MetricSeries> load(String environmentId, String region, List<MetricQuery> queries, Instant start,
            Instant end);

    /** Drops points older than {@code before}. */
    void prune(Instant before);
}
