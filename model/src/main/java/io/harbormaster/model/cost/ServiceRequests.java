package io.harbormaster.model.cost;

import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.metrics.CloudWatchNames;
import io.harbormaster.model.metrics.ElbDimensions;
import io.harbormaster.model.metrics.MetricId;
import io.harbormaster.model.metrics.MetricPoint;
import io.harbormaster.model.metrics.MetricQuery;
import io.harbormaster.model.metrics.MetricSeries;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How many requests each load-balanced service served over a window, from the ALB's RequestCount of its target
 * groups (Sum, one point an hour): the divisor of the cost per 1,000 requests. A target group that several services
 * register with (rare) is split evenly between them, as the load balancer spreads over their targets alike.
 *
 * @param start  the window's first whole hour (inclusive)
 * @param end    the window's end, a whole hour (exclusive)
 */
public record ServiceRequests(Instant start, Instant end, Map<String, Double> requestsByService) {

    /** The default window: the last 24 whole hours, so a day's peak and night both count. */
    public static final Duration DAY = Duration.ofHours(24);
    private static final Duration HOUR = Duration.ofHours(1);

    public ServiceRequests {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        requestsByService = Map.copyOf(requestsByService);
    }

    /** The whole-hour window of {@code length} ending at or before {@code now}. */
    public static Instant[] window(Instant now, Duration length) {
        Instant end = now.truncatedTo(ChronoUnit.HOURS);
        return new Instant[] {end.minus(length), end};
    }

    /** The queries for a snapshot's load-balanced services: one per target group with a known load balancer. */
    public static Plan plan(FleetSnapshot snapshot, Map<String, String> loadBalancerByTargetGroup) {
        List<String> targetGroups = new ArrayList<>();
        Map<String, List<String>> servicesByTargetGroup = new HashMap<>();
        for (Service s : snapshot.services()) {
            for (String tg : s.targetGroupArns()) {
                if (loadBalancerByTargetGroup.containsKey(tg)) {
                    if (!servicesByTargetGroup.containsKey(tg)) {
                        targetGroups.add(tg);
                    }
                    servicesByTargetGroup.computeIfAbsent(tg, k -> new ArrayList<>()).add(s.arn());
                }
            }
        }
        List<MetricQuery> queries = new ArrayList<>();
        for (int i = 0; i < targetGroups.size(); i++) {
            String tg = targetGroups.get(i);
            Map<String, String> dims = Map.of(CloudWatchNames.LOAD_BALANCER,
                    ElbDimensions.loadBalancer(loadBalancerByTargetGroup.get(tg)), CloudWatchNames.TARGET_GROUP,
                    ElbDimensions.targetGroup(tg));
            queries.add(new MetricQuery("req_" + i, MetricId.of(CloudWatchNames.ALB, CloudWatchNames.REQUEST_COUNT,
                    dims), "Sum", HOUR));
        }
        return new Plan(List.copyOf(targetGroups), Map.copyOf(servicesByTargetGroup), List.copyOf(queries));
    }

    /** What to ask CloudWatch, and how to read its answer back onto services. */
    public record Plan(List<String> targetGroups, Map<String, List<String>> servicesByTargetGroup,
            List<MetricQuery> queries) {

        /** Requests per service ARN over [start, end); a service with no data is absent (not zero). */
        public ServiceRequests read(List<MetricSeries> fetched, Instant start, Instant end) {
            Map<String, Double> byService = new HashMap<>();
            for (MetricSeries s : fetched) {
                String id = s.query().id();
                if (!id.startsWith("req_")) {
                    continue;
                }
                int i = Integer.parseInt(id.substring(4));
                if (i >= targetGroups.size() || s.points().isEmpty()) {
                    continue;
                }
                double sum = 0;
                for (MetricPoint p : s.points()) {
                    if (!p.at().isBefore(start) && p.at().isBefore(end)) {
                        sum += p.value();
                    }
                }
                List<String> services = servicesByTargetGroup.get(targetGroups.get(i));
                for (String service : services) {
                    byService.merge(service, sum / services.size(), Double::sum);
                }
            }
            return new ServiceRequests(start, end, byService);
        }
    }

    /** The window's length in hours. */
    public double hours() {
        return Duration.between(start, end).toSeconds() / 3600.0;
    }

    /** What 1,000 requests cost a service at the given hourly cost; NaN when it served none or has no data. */
    public double usdPerThousand(String serviceArn, double usdPerHour) {
        Double requests = requestsByService.get(serviceArn);
        if (requests == null || hours() <= 0) {
            return Double.NaN;
        }
        return CostRules.usdPerThousandRequests(usdPerHour, requests / hours());
    }
}
