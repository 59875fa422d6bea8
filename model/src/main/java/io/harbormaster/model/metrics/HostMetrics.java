package io.harbormaster.model.metrics;

import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The noise map's numbers per host. Measured metrics are one query per host (1,000 hosts = 1,000 queries = 2
 * GetMetricData calls, see {@link BatchPlanner}); what the snapshot already knows — task count, reservation now —
 * is read from it without a call. Each host is read where AWS publishes its metrics: Container Insights' instance
 * metrics when its cluster has enhanced observability on, else EC2's CPUUtilization (memory then has no source).
 */
public final class HostMetrics {

    private final Set<String> insightClusters;

    /** The clusters as DescribeClusters reported them, with their containerInsights setting. */
    public HostMetrics(Collection<Cluster> clusters) {
        this.insightClusters = clusters.stream().filter(Cluster::instanceInsights).map(Cluster::arn)
                .collect(Collectors.toUnmodifiableSet());
    }

    public static HostMetrics of(FleetSnapshot snapshot) {
        return new HostMetrics(snapshot.clusters());
    }

    /** Where this host's metrics are published. */
    public HostMetricSource sourceOf(Host host) {
        return insightClusters.contains(host.clusterArn()) ? HostMetricSource.CONTAINER_INSIGHTS
                : HostMetricSource.EC2;
    }

    /** How many of the hosts have this kind published (the others have no per-host source for it). */
    public long served(List<Host> hosts, HostMetricSource source, MetricKind kind) {
        return source.serves(kind) ? hosts.stream().filter(h -> sourceOf(h).equals(source)).count() : 0;
    }

    /** The queries of one metric for every host, and which host each query is. */
    public record HostQueries(MetricKind kind, List<MetricQuery> queries, Map<String, String> hostArnByQueryId) {

        public HostQueries {
            queries = List.copyOf(queries);
            hostArnByQueryId = Map.copyOf(hostArnByQueryId);
        }

        /** Fetched series by host ARN (hosts without data get an empty list). */
        public Map<String, List<MetricPoint>> byHost(List<MetricSeries> fetched) {
            Map<String, List<MetricPoint>> out = new LinkedHashMap<>();
            for (MetricQuery q : queries) {
                out.put(hostArnByQueryId.get(q.id()), List.of());
            }
            for (MetricSeries s : fetched) {
                String host = hostArnByQueryId.get(s.query().id());
                if (host != null) {
                    out.put(host, s.points());
                }
            }
            return out;
        }
    }

    /**
     * Whether the kind can be fetched from CloudWatch per host (else: from the snapshot, or from target groups) —
     * where a host's cluster has the source that publishes it.
     */
    public static boolean measured(MetricKind kind) {
        return HostMetricSource.CONTAINER_INSIGHTS.serves(kind) || HostMetricSource.EC2.serves(kind);
    }

    /** One query per host; hosts the source cannot name (e.g. no EC2 id) are left out. */
    public HostQueries queries(List<Host> hosts, MetricKind kind, Duration period) {
        List<MetricQuery> queries = new ArrayList<>(hosts.size());
        Map<String, String> byId = new HashMap<>();
        for (Host h : hosts) {
            Optional<MetricId> metric = sourceOf(h).metricOf(h, kind);
            if (metric.isPresent()) {
                String id = "h" + queries.size();
                queries.add(new MetricQuery(id, metric.get(), "Average", period));
                byId.put(id, h.arn());
            }
        }
        return new HostQueries(kind, queries, byId);
    }

    /**
     * The value now of the kinds the snapshot knows: TASK_COUNT (running and pending tasks on the host),
     * CPU_RESERVATION and MEMORY_RESERVATION (percent of registered). Empty for any other kind.
     */
    public static Map<String, Double> fromSnapshot(FleetSnapshot snapshot, MetricKind kind) {
        if (!fromSnapshot(kind)) {
            return Map.of();
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Host h : snapshot.hosts()) {
            switch (kind) {
                case TASK_COUNT -> out.put(h.arn(), (double) snapshot.tasksOn(h.arn()).size());
                case CPU_RESERVATION -> {
                    if (h.registeredCpu() > 0) {
                        out.put(h.arn(), 100.0 * h.reservedCpu() / h.registeredCpu());
                    }
                }
                default -> {
                    if (h.registeredMemory() > 0) {
                        out.put(h.arn(), 100.0 * h.reservedMemory() / h.registeredMemory());
                    }
                }
            }
        }
        return out;
    }

    /** Whether {@link #fromSnapshot(FleetSnapshot, MetricKind)} knows the kind. */
    public static boolean fromSnapshot(MetricKind kind) {
        return kind == MetricKind.TASK_COUNT || kind == MetricKind.CPU_RESERVATION
                || kind == MetricKind.MEMORY_RESERVATION;
    }
}
