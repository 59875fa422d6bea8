package io.harbormaster.views.metrics;

import io.harbormaster.model.alarms.Alarm;
import io.harbormaster.model.alarms.AlarmHistoryItem;
import io.harbormaster.model.alarms.ListAlarms;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.logs.LogEvent;
import io.harbormaster.model.logs.LogPage;
import io.harbormaster.model.logs.LogQuery;
import io.harbormaster.model.logs.SearchLogs;
import io.harbormaster.model.metrics.FetchMetrics;
import io.harbormaster.model.metrics.HostMetricSource;
import io.harbormaster.model.metrics.LoadBalancersOfTargetGroups;
import io.harbormaster.model.metrics.MetricHistory;
import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.metrics.MetricPoint;
import io.harbormaster.model.metrics.MetricQuery;
import io.harbormaster.model.metrics.MetricSeries;
import io.harbormaster.model.metrics.ThresholdSettings;
import io.harbormaster.model.metrics.Thresholds;
import io.harbormaster.views.shared.metrics.MetricsDependencies;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Every metrics port in memory: CloudWatch answers from a function of (query, period start), the cache is a map,
 * thresholds a map; calls are counted so tests can say what was fetched.
 */
public final class FakeMetrics implements FetchMetrics, MetricHistory, ThresholdSettings, LoadBalancersOfTargetGroups,
        ListAlarms, SearchLogs {

    /** CloudWatch's value for a query in the period starting at an instant; NaN for no point. */
    public BiFunction<MetricQuery, Instant, Double> cloudWatch = (q, at) -> 50.0;
    public final List<List<MetricQuery>> fetches = new ArrayList<>();
    public final io.harbormaster.views.fakes.InMemoryUiState uiState = new io.harbormaster.views.fakes.InMemoryUiState();
    public final List<Instant[]> windows = new ArrayList<>();
    public boolean offline;
    public final Map<String, MetricSeries> cached = new HashMap<>();
    public final Map<String, Thresholds> levels = new HashMap<>();
    public final Map<String, String> loadBalancers = new HashMap<>();
    public boolean loadBalancersUnreachable;
    public final List<Alarm> alarmList = new ArrayList<>();
    public final List<LogQuery> logQueries = new ArrayList<>();
    public final List<LogEvent> logLines = new ArrayList<>();

    public MetricsDependencies deps() {
        return deps(HostMetricSource.SANDBOX);
    }

    /** With per-host metrics where a real account keeps them (Container Insights), or the sandbox's namespace. */
    public MetricsDependencies deps(HostMetricSource hosts) {
        return new MetricsDependencies(this, this, this, this, this, this, hosts,
                io.harbormaster.views.fakes.Fixtures.CLOCK, uiState);
    }

    @Override
    public List<MetricSeries> fetch(EnvironmentSession session, List<MetricQuery> queries, Instant start, Instant end) {
        if (offline) {
            throw new IllegalStateException("CloudWatch is unreachable");
        }
        fetches.add(List.copyOf(queries));
        windows.add(new Instant[] {start, end});
        List<MetricSeries> out = new ArrayList<>();
        for (MetricQuery q : queries) {
            long p = q.period().getSeconds();
            List<MetricPoint> points = new ArrayList<>();
            for (long t = Math.floorDiv(start.getEpochSecond(), p) * p; t < end.getEpochSecond(); t += p) {
                Double v = cloudWatch.apply(q, Instant.ofEpochSecond(t));
                if (v != null && !v.isNaN()) {
                    points.add(new MetricPoint(Instant.ofEpochSecond(t), v));
                }
            }
            out.add(new MetricSeries(q, points));
        }
        return out;
    }

    private static String key(MetricQuery q) {
        return q.metric() + "|" + q.statistic() + "|" + q.period();
    }

    @Override
    public void save(String environmentId, String region, List<MetricSeries> series) {
        for (MetricSeries s : series) {
            cached.put(key(s.query()), s);
        }
    }

    @Override
    public List<MetricSeries> load(String environmentId, String region, List<MetricQuery> queries, Instant start,
            Instant end) {
        List<MetricSeries> out = new ArrayList<>();
        for (MetricQuery q : queries) {
            MetricSeries s = cached.get(key(q));
            out.add(new MetricSeries(q, s == null ? List.of() : s.points().stream()
                    .filter(p -> !p.at().isBefore(start) && p.at().isBefore(end)).toList()));
        }
        return out;
    }

    /** Puts a point in the cache as if fetched earlier. */
    public void cache(MetricQuery q, Instant at, double value) {
        MetricSeries old = cached.get(key(q));
        List<MetricPoint> points = new ArrayList<>(old == null ? List.of() : old.points());
        points.add(new MetricPoint(at, value));
        cached.put(key(q), new MetricSeries(q, points));
    }

    @Override
    public void prune(Instant before) {
    }

    @Override
    public Optional<Thresholds> find(String environmentId, String scope, MetricKind metric) {
        return Optional.ofNullable(levels.get(environmentId + "|" + scope + "|" + metric.key()));
    }

    @Override
    public void put(String environmentId, String scope, MetricKind metric, Thresholds thresholds) {
        levels.put(environmentId + "|" + scope + "|" + metric.key(), thresholds);
    }

    @Override
    public void remove(String environmentId, String scope, MetricKind metric) {
        levels.remove(environmentId + "|" + scope + "|" + metric.key());
    }

    @Override
    public Map<String, String> loadBalancers(EnvironmentSession session, Collection<String> targetGroupArns) {
        if (loadBalancersUnreachable) {
            throw new IllegalStateException("ELB is unreachable");
        }
        Map<String, String> out = new HashMap<>();
        targetGroupArns.forEach(tg -> Optional.ofNullable(loadBalancers.get(tg)).ifPresent(lb -> out.put(tg, lb)));
        return out;
    }

    @Override
    public List<Alarm> alarms(EnvironmentSession session) {
        return List.copyOf(alarmList);
    }

    @Override
    public List<AlarmHistoryItem> history(EnvironmentSession session, String alarmName, Instant since) {
        return List.of(new AlarmHistoryItem(alarmName, since.plus(Duration.ofMinutes(5)), "StateUpdate",
                "Alarm updated from OK to ALARM", ""));
    }

    @Override
    public List<io.harbormaster.model.logs.ContainerLogs> destinations(EnvironmentSession session, String revision) {
        return List.of(io.harbormaster.model.logs.ContainerLogs.of("app", "awslogs", Map.of("awslogs-group", "/ecs/app",
                "awslogs-stream-prefix", "ecs")));
    }

    @Override
    public LogPage search(EnvironmentSession session, LogQuery query) {
        logQueries.add(query);
        List<LogEvent> page = logLines.stream().filter(e -> !e.timestamp().isBefore(query.start()))
                .filter(e -> query.filterPattern().isEmpty() || e.message().contains(query.filterPattern())).toList();
        return new LogPage(page, null);
    }
}
