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
 * same per-host sources as the noise map (one GetMetricData call per 500 hosts and metric): Container Insights where
 * the cluster has enhanced observability, else EC2's CPUUtilization and no memory. Blocking: background only.
 */
final class MeasuredUse {

    static final Duration PERIOD = Duration.ofMinutes(5);
    static final Duration LOOK_BACK = Duration.ofMinutes(15);

    /** Percent of the host's capacity in use; NaN where CloudWatch has nothing. */
    record Use(double cpu, double memory) {
    }

    private final FetchMetrics fetch;

    MeasuredUse(FetchMetrics fetch) {
        this.fetch = fetch;
    }

    /** What the operator must know about memory: which hosts have no memory metric at all, and why. */
    static String memoryNote(List<Host> hosts, HostMetrics sources) {
        long without = hosts.size() - sources.served(hosts, HostMetricSource.CONTAINER_INSIGHTS,
                MetricKind.MEMORY_UTILIZATION);
        if (without == 0) {
            return "";
        }
        return String.format("CPU of %,d host%s from EC2 (AWS/EC2 CPUUtilization); their memory utilisation needs"
                + " Container Insights with enhanced observability on the cluster, or the CloudWatch agent.", without,
                without == 1 ? "" : "s");
    }

    Map<String, Use> read(EnvironmentSession session, List<Host> hosts, HostMetrics sources, Instant now) {
        Map<String, Double> cpu = latest(session, hosts, sources, MetricKind.CPU_UTILIZATION, now);
        Map<String, Double> memory = latest(session, hosts, sources, MetricKind.MEMORY_UTILIZATION, now);
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

    private Map<String, Double> latest(EnvironmentSession session, List<Host> hosts, HostMetrics sources,
            MetricKind kind, Instant now) {
        HostMetrics.HostQueries q = sources.queries(hosts, kind, PERIOD);
        if (q.queries().isEmpty()) {
            return Map.of();
        }
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
