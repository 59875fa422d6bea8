package io.harbormaster.views.noisemap;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.metrics.HostMetricSource;
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
    enum Source {
        /** CloudWatch, one query per host (Container Insights, or the sandbox's per-host namespace). */
        MEASURED,
        /** Target groups' request and 5xx counts, shared out by each host's share of running tasks. */
        TRAFFIC,
        /** What ECS said in the last fleet refresh: every host, now only. */
        SNAPSHOT,
        /** ECS now, and the history from CloudWatch for the hosts it has (Container Insights where it is on). */
        SNAPSHOT_WITH_HISTORY,
        NONE
    }

    private final MetricsDependencies deps;
    private final CachedMetrics metrics;
    private final HostMetrics hostMetrics;

    NoiseLoader(MetricsDependencies deps) {
        this.deps = deps;
        this.metrics = new CachedMetrics(deps);
        this.hostMetrics = new HostMetrics(deps.hostSource());
    }

    Source sourceOf(MetricKind kind) {
        if (HostMetrics.fromSnapshot(kind)) {
            return hostMetrics.measured(kind) ? Source.SNAPSHOT_WITH_HISTORY : Source.SNAPSHOT;
        }
        if (hostMetrics.measured(kind)) {
            return Source.MEASURED;
        }
        if (kind == MetricKind.REQUEST_RATE || kind == MetricKind.ERROR_RATE_5XX) {
            return Source.TRAFFIC;
        }
        return Source.NONE;
    }

    /** Whether the source has history to fetch from CloudWatch. */
    boolean fetched(MetricKind kind) {
        Source s = sourceOf(kind);
        return s == Source.MEASURED || s == Source.TRAFFIC || s == Source.SNAPSHOT_WITH_HISTORY;
    }

    /** Which source a mode reads, in the operator's words. */
    String describe(MetricKind kind) {
        String cloudWatch = namespaceText();
        return switch (sourceOf(kind)) {
            case MEASURED -> "Source: " + cloudWatch + ", one query per host.";
            case TRAFFIC -> "Source: each target group's ALB requests and 5xx, shared out by the host's share of"
                    + " the service's running tasks.";
            case SNAPSHOT -> "Source: ECS (the last fleet refresh), exact for every host; now only, no history.";
            case SNAPSHOT_WITH_HISTORY -> "Source: ECS now (every host); the history from " + cloudWatch
                    + " where it has them.";
            case NONE -> "No per-host source for " + kind.label().toLowerCase() + ".";
        };
    }

    private String namespaceText() {
        String ns = deps.hostSource().namespace();
        return ns.equals(HostMetricSource.CONTAINER_INSIGHTS.namespace())
                ? "Container Insights (" + ns + ", only in clusters where it is on)" : "CloudWatch " + ns;
    }

    /**
     * What a fetch really did, said plainly: nothing asked, asked and nothing came back, or some hosts without data.
     * Empty when every host asked has data.
     */
    String outcome(MetricKind kind, Plan plan, Map<String, List<MetricPoint>> got) {
        String what = kind.label().toLowerCase();
        if (plan.queries().isEmpty()) {
            return sourceOf(kind) == Source.TRAFFIC
                    ? "No query sent: no service on these hosts is behind a load balancer with metrics."
                    : "No query sent: none of these hosts has the id " + deps.hostSource().namespace()
                            + " files them under.";
        }
        long answered = got.values().stream().filter(p -> !p.isEmpty()).count();
        String asked = plan.queries().size() + (plan.queries().size() == 1 ? " query" : " queries");
        if (answered == 0) {
            return "CloudWatch answered " + asked + " for " + what + " with no data" + (sourceOf(kind)
                    == Source.SNAPSHOT_WITH_HISTORY ? "; the live frame is ECS's." : ": "
                    + (sourceOf(kind) == Source.TRAFFIC ? "no requests in 24 h." : namespaceText()
                    + " has nothing for these hosts."));
        }
        return answered < got.size() ? "CloudWatch had " + what + " for " + answered + " of " + got.size()
                + " hosts; the others are grey." : "";
    }

    /** The queries of one metric for the whole fleet, with how to read the answers back per host. */
    Plan plan(EnvironmentSession session, FleetSnapshot snapshot, MetricKind kind, Duration period) {
        if (sourceOf(kind) != Source.TRAFFIC) {
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
