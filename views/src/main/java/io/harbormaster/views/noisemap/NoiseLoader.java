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
import io.harbormaster.views.shared.metrics.CachedMetrics;
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
    private final CachedMetrics metrics;
    private final HostMetrics hostMetrics;

    NoiseLoader(MetricsDependencies deps) {
        this.deps = deps;
        this.metrics = new CachedMetrics(deps);
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
        List<MetricSeries> series = metrics.cached(session.environment().id(), session.region(), plan.queries(),
                window);
        return CachedMetrics.anyPoints(series) ? plan.byHost().apply(series) : Map.of();
    }

    Map<String, List<MetricPoint>> fetch(EnvironmentSession session, Plan plan, TimeWindow window) {
        if (plan.queries().isEmpty()) {
            return Map.of();
        }
        return plan.byHost().apply(metrics.fetch(session, plan.queries(), window));
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
        newer.forEach((host, points) -> out.put(host, CachedMetrics.merge(out.getOrDefault(host, List.of()), points)));
        return out;
    }

    static String hostsText(List<Host> hosts) {
        return String.format("%,d host%s", hosts.size(), hosts.size() == 1 ? "" : "s");
    }
}
