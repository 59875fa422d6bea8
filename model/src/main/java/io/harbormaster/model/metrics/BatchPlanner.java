package io.harbormaster.model.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits queries into GetMetricData calls that keep to CloudWatch's limits: at most {@value #MAX_QUERIES} queries and
 * {@value #MAX_POINTS} data points a call. Order is kept, so 1,000 one-hour queries are exactly 2 calls.
 */
public final class BatchPlanner {

    public static final int MAX_QUERIES = 500;
    public static final int MAX_POINTS = 100_800;

    private BatchPlanner() {
    }

    /**
     * @throws IllegalArgumentException when two queries share an id (their results could not be told apart)
     */
    public static List<List<MetricQuery>> plan(List<MetricQuery> queries, TimeWindow window) {
        Set<String> ids = new HashSet<>();
        for (MetricQuery q : queries) {
            if (!ids.add(q.id())) {
                throw new IllegalArgumentException("query id '" + q.id() + "' is used twice in one fetch");
            }
        }
        List<List<MetricQuery>> calls = new ArrayList<>();
        List<MetricQuery> current = new ArrayList<>();
        long points = 0;
        for (MetricQuery q : queries) {
            long p = pointsOf(q, window);
            if (!current.isEmpty() && (current.size() == MAX_QUERIES || points + p > MAX_POINTS)) {
                calls.add(List.copyOf(current));
                current.clear();
                points = 0;
            }
            current.add(q);
            points += p;
        }
        if (!current.isEmpty()) {
            calls.add(List.copyOf(current));
        }
        return List.copyOf(calls);
    }

    /**
     * The most points a query can return over the window: CloudWatch rounds the start down (to the minute), which
     * can add one period at the front. A single query beyond {@value #MAX_POINTS} goes alone and is paged.
     */
    public static long pointsOf(MetricQuery query, TimeWindow window) {
        return Periods.points(window.span(), query.period()) + 1;
    }
}
