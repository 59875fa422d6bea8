package io.harbormaster.views.hosts;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.metrics.FetchMetrics;
import io.harbormaster.model.metrics.HostMetricSource;
import io.harbormaster.model.metrics.HostMetrics;
import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.metrics.MetricPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The measured CPU and memory utilisation of every host, latest 5-minute value of the last quarter hour, from the
 * same per-host source as the noise map (one GetMetricData call per 500 hosts and metric). Blocking: background only.
 */
final class MeasuredUse {

    static final Duration PERIOD = Duration.ofMinutes(5);
    static final Duration LOOK_BACK = Duration.ofMinutes(15);

    /** Percent of the host's capacity in use; NaN where CloudWatch has nothing. */
    record Use(double cpu, double memory) {
    }

    private final FetchMetrics fetch;
    private final HostMetrics metrics;

    MeasuredUse(FetchMetrics fetch, HostMetricSource source) {
        this.fetch = fetch;
        this.metrics = new HostMetrics(source);
    }

    Map<String, Use> read(EnvironmentSession session, List<Host> hosts, Instant now) {
        Map<String, Double> cpu = latest(session, hosts, MetricKind.CPU_UTILIZATION, now);
        Map<String, Double> memory = latest(session, hosts, MetricKind.MEMORY_UTILIZATION, now);
        Map<String, Use> out = new HashMap<>();
        for (Host h : hosts) {
            double c = cpu.getOrDefault(h.arn(), Double.NaN);
            double m = memory.getOrDefault(h.arn(), Double.NaN);
            if (!Double.isNaN(c) || !Double.isNaN(m)) {
                out.put(h.arn(), new Use(c, m));
            }
        }
        return out;
    }

    private Map<String, Double> latest(EnvironmentSession session, List<Host> hosts, MetricKind kind, Instant now) {
        if (hosts.isEmpty() || !metrics.measured(kind)) {
            return Map.of();
        }
        HostMetrics.HostQueries q = metrics.queries(hosts, kind, PERIOD);
        Map<String, List<MetricPoint>> byHost = q.byHost(fetch.fetch(session, q.queries(), now.minus(LOOK_BACK),
                now));
        Map<String, Double> out = new HashMap<>();
        byHost.forEach((host, points) -> {
            if (!points.isEmpty()) {
                out.put(host, points.get(points.size() - 1).value());
            }
        });
        return out;
    }
}
