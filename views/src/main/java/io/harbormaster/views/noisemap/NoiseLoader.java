package io.harbormaster.views.noisemap;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.metrics.HostMetrics;
import io.harbormaster.model.metrics.HostTraffic;
import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.metrics.MetricPoint;
import io.harbormaster.model.metrics.MetricQuery;
import io.harbormaster.model.metrics.MetricSeries;
import io.harbormaster.model.metrics.TimeWindow;
import io.harbormaster.views.shared.metrics.MetricsDependencies;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The blocking half of the noise map: which queries one metric needs for every host, read from the local cache or
 * fetched from CloudWatch, turned into points per host. Runs on the background pool, never on the UI thread.
 */
final class NoiseLoader {

    /** Where a metric's per-host numbers come from. */
    enum Source { MEASURED, TRAFFIC, SNAPSHOT, NONE }

    private final MetricsDependencies deps;
    private final HostMetrics hostMetrics;

    NoiseLoader(MetricsDependencies deps) {
        this.deps = deps;
        this.hostMetrics = new HostMetrics(deps.hostSource());
    }

    Source sourceOf(MetricKind kind) {
        if (hostMetrics.measured(kind)) {
            return Source.MEASURED;
        }
        if (kind == MetricKind.REQUEST_RATE || kind == MetricKind.ERROR_RATE_5XX) {
            return Source.TRAFFIC;
        }
        return HostMetrics.fromSnapshot(kind) ? Source.SNAPSHOT : Source.NONE;
    }

    /** The queries of one metric for the whole fleet, with how to read the answers back per host. */
    Plan plan(EnvironmentSession session, FleetSnapshot snapshot, MetricKind kind, Duration period) {
        if (sourceOf(kind) == Source.MEASURED) {
            HostMetrics.HostQueries q = hostMetrics.queries(snapshot.hosts(), kind, period);
            return new Plan(q.queries(), q::byHost);
        }
        List<String> tgs = snapshot.services().stream().flatMap(s -> s.targetGroupArns().stream()).distinct().toList();
        Map<String, String> lbs = tgs.isEmpty() ? Map.of() : deps.loadBalancers().loadBalancers(session, tgs);
        HostTraffic traffic = HostTraffic.of(snapshot, lbs);
        return new Plan(traffic.queries(period), kind == MetricKind.REQUEST_RATE ? traffic::requestRate
                : traffic::errorRate);
    }

    /** Queries and how their series become points per host ARN. */
    record Plan(List<MetricQuery> queries, java.util.function.Function<List<MetricSeries>,
            Map<String, List<MetricPoint>>> byHost) {
    }

    Map<String, List<MetricPoint>> cached(EnvironmentSession session, Plan plan, TimeWindow window) {
        if (plan.queries().isEmpty()) {
            return Map.of();
        }
        List<MetricSeries> series = deps.history().load(session.environment().id(), session.region(),
                plan.queries(), window.start(), window.end());
        return series.stream().allMatch(s -> s.points().isEmpty()) ? Map.of() : plan.byHost().apply(series);
    }

    Map<String, List<MetricPoint>> fetch(EnvironmentSession session, Plan plan, TimeWindow window) {
        if (plan.queries().isEmpty()) {
            return Map.of();
        }
        List<MetricSeries> series = deps.fetchMetrics().fetch(session, plan.queries(), window.start(), window.end());
        deps.history().save(session.environment().id(), session.region(), series);
        return plan.byHost().apply(series);
    }

    /** Measured CPU and memory of one host over the window, latest value each (host detail). */
    Map<MetricKind, Double> latestUse(EnvironmentSession session, Host host, TimeWindow window, Duration period) {
        Map<MetricKind, Double> out = new HashMap<>();
        for (MetricKind kind : List.of(MetricKind.CPU_UTILIZATION, MetricKind.MEMORY_UTILIZATION)) {
            if (!hostMetrics.measured(kind)) {
                continue;
            }
            HostMetrics.HostQueries q = hostMetrics.queries(List.of(host), kind, period);
            if (q.queries().isEmpty()) {
                continue;
            }
            List<MetricSeries> got = deps.fetchMetrics().fetch(session, q.queries(), window.start(), window.end());
            Optional<MetricPoint> last = got.isEmpty() || got.get(0).points().isEmpty() ? Optional.empty()
                    : Optional.of(got.get(0).points().get(got.get(0).points().size() - 1));
            last.ifPresent(p -> out.put(kind, p.value()));
        }
        return out;
    }

    static Map<String, Double> fromSnapshot(FleetSnapshot snapshot, MetricKind kind) {
        return HostMetrics.fromSnapshot(snapshot, kind);
    }

    /** Newer points replace older ones at the same time; each host's points stay in time order. */
    static Map<String, List<MetricPoint>> merge(Map<String, List<MetricPoint>> older,
            Map<String, List<MetricPoint>> newer) {
        Map<String, List<MetricPoint>> out = new HashMap<>(older);
        newer.forEach((host, points) -> {
            java.util.TreeMap<java.time.Instant, MetricPoint> byTime = new java.util.TreeMap<>();
            out.getOrDefault(host, List.of()).forEach(p -> byTime.put(p.at(), p));
            points.forEach(p -> byTime.put(p.at(), p));
            out.put(host, List.copyOf(byTime.values()));
        });
        return out;
    }

    static String hostsText(List<Host> hosts) {
        return String.format("%,d host%s", hosts.size(), hosts.size() == 1 ? "" : "s");
    }
}
