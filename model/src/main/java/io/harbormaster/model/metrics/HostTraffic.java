package io.harbormaster.model.metrics;

import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Request and 5xx rate per host, derived: a load balancer spreads a target group's requests evenly over its healthy
 * targets, so a host's share of a target group is its share of the service's running tasks. Fetches two queries per
 * target group (a few dozen), not one per host. A host serving no load-balanced service has no value.
 */
public final class HostTraffic {

    private final Map<String, Map<String, Double>> shareByHost;
    private final List<String> targetGroups;
    private final Map<String, String> loadBalancerByTargetGroup;

    private HostTraffic(Map<String, Map<String, Double>> shareByHost, List<String> targetGroups,
            Map<String, String> loadBalancerByTargetGroup) {
        this.shareByHost = shareByHost;
        this.targetGroups = targetGroups;
        this.loadBalancerByTargetGroup = loadBalancerByTargetGroup;
    }

    /** Each host's share of each target group, from the running tasks in the snapshot. */
    public static HostTraffic of(FleetSnapshot snapshot, Map<String, String> loadBalancerByTargetGroup) {
        Map<String, Map<String, Double>> shares = new HashMap<>();
        List<String> tgs = new ArrayList<>();
        for (Service s : snapshot.services()) {
            List<String> serviceTgs = s.targetGroupArns().stream().filter(loadBalancerByTargetGroup::containsKey)
                    .toList();
            if (serviceTgs.isEmpty()) {
                continue;
            }
            List<Task> running = snapshot.tasksOf(s.arn()).stream()
                    .filter(t -> t.running() && !t.containerInstanceArn().isEmpty()).toList();
            if (running.isEmpty()) {
                continue;
            }
            Map<String, Integer> onHost = new HashMap<>();
            running.forEach(t -> onHost.merge(t.containerInstanceArn(), 1, Integer::sum));
            for (String tg : serviceTgs) {
                if (!tgs.contains(tg)) {
                    tgs.add(tg);
                }
                onHost.forEach((host, n) -> shares.computeIfAbsent(host, k -> new HashMap<>())
                        .merge(tg, (double) n / running.size(), Double::sum));
            }
        }
        return new HostTraffic(shares, List.copyOf(tgs), Map.copyOf(loadBalancerByTargetGroup));
    }

    /** RequestCount and 5xx sums of every target group involved: ids {@code req_<i>} and {@code e5xx_<i>}. */
    public List<MetricQuery> queries(Duration period) {
        List<MetricQuery> out = new ArrayList<>();
        for (int i = 0; i < targetGroups.size(); i++) {
            String tg = targetGroups.get(i);
            Map<String, String> dims = Map.of(CloudWatchNames.LOAD_BALANCER,
                    ElbDimensions.loadBalancer(loadBalancerByTargetGroup.get(tg)), CloudWatchNames.TARGET_GROUP,
                    ElbDimensions.targetGroup(tg));
            out.add(new MetricQuery("req_" + i, MetricId.of(CloudWatchNames.ALB, CloudWatchNames.REQUEST_COUNT, dims),
                    "Sum", period));
            out.add(new MetricQuery("e5xx_" + i, MetricId.of(CloudWatchNames.ALB, CloudWatchNames.TARGET_5XX, dims),
                    "Sum", period));
        }
        return out;
    }

    public Map<String, Double> sharesOf(String hostArn) {
        return shareByHost.getOrDefault(hostArn, Map.of());
    }

    /** Requests a second per host, period by period. */
    public Map<String, List<MetricPoint>> requestRate(List<MetricSeries> fetched) {
        Map<String, TreeMap<Instant, Double>> requests = perHost(fetched, "req_");
        double seconds = fetched.stream().filter(s -> s.query().id().startsWith("req_")).findFirst()
                .map(s -> (double) s.query().period().getSeconds()).orElse(60.0);
        Map<String, List<MetricPoint>> out = new LinkedHashMap<>();
        requests.forEach((host, points) -> out.put(host, points.entrySet().stream()
                .map(e -> new MetricPoint(e.getKey(), e.getValue() / seconds)).toList()));
        return out;
    }

    /** 5xx as a percentage of requests per host, period by period. */
    public Map<String, List<MetricPoint>> errorRate(List<MetricSeries> fetched) {
        Map<String, TreeMap<Instant, Double>> requests = perHost(fetched, "req_");
        Map<String, TreeMap<Instant, Double>> errors = perHost(fetched, "e5xx_");
        Map<String, List<MetricPoint>> out = new LinkedHashMap<>();
        requests.forEach((host, points) -> {
            List<MetricPoint> rate = new ArrayList<>();
            TreeMap<Instant, Double> e = errors.getOrDefault(host, new TreeMap<>());
            points.forEach((at, r) -> {
                if (r > 0) {
                    rate.add(new MetricPoint(at, Math.min(100.0, 100.0 * e.getOrDefault(at, 0.0) / r)));
                }
            });
            out.put(host, rate);
        });
        return out;
    }

    private Map<String, TreeMap<Instant, Double>> perHost(List<MetricSeries> fetched, String prefix) {
        Map<String, List<MetricPoint>> byTg = new HashMap<>();
        for (MetricSeries s : fetched) {
            String id = s.query().id();
            if (id.startsWith(prefix)) {
                int i = Integer.parseInt(id.substring(prefix.length()));
                if (i < targetGroups.size()) {
                    byTg.put(targetGroups.get(i), s.points());
                }
            }
        }
        Map<String, TreeMap<Instant, Double>> out = new LinkedHashMap<>();
        shareByHost.forEach((host, shares) -> {
            TreeMap<Instant, Double> sum = new TreeMap<>();
            shares.forEach((tg, share) -> byTg.getOrDefault(tg, List.of())
                    .forEach(p -> sum.merge(p.at(), p.value() * share, Double::sum)));
            out.put(host, sum);
        });
        return out;
    }
}
