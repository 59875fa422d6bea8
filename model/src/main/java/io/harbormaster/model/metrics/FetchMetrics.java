package io.harbormaster.model.metrics;

import io.harbormaster.model.environment.EnvironmentSession;
import java.time.Instant;
import java.util.List;

/**
 * Port: fetch series for [start, end) in one go; the adapter batches to CloudWatch's limits (≤ 500 queries per
 * GetMetricData) and follows pages. Blocking. One series per query, in the order asked, even when empty.
 */
public interface FetchMetrics {

    List<MetricSeries> fetch(EnvironmentSession session, List<MetricQuery> queries, Instant start, Instant end);
}
