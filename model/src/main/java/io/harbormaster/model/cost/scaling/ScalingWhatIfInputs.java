package io.harbormaster.model.cost.scaling;

import io.harbormaster.model.cost.HostPrice;
import io.harbormaster.model.cost.HostPrices;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.metrics.CloudWatchNames;
import io.harbormaster.model.metrics.FetchMetrics;
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
import java.util.Optional;

/**
 * What the scaling what-if reads from a fleet: each service's hourly average CPU over the window (CloudWatch's
 * AWS/ECS CPUUtilization per cluster and service, one query per service), its task size and count today, its
 * Service Auto Scaling range if it has one, and each cluster's hosts with the price the Cost page uses. Blocking;
 * run it off the UI thread.
 */
public final class ScalingWhatIfInputs {

    /** A service not scaled today may go down to one task (none would be an outage) and up without a set limit. */
    static final int FLOOR = 1;
    static final int NO_LIMIT = Integer.MAX_VALUE / 4;

    private ScalingWhatIfInputs() {
    }

    /** The inputs of {@link ScalingWhatIf#of}. */
    public record Inputs(List<ScalingWhatIf.ServiceLoad> services, Map<String, ScalingWhatIf.ClusterHosts> clusters,
            Instant start, Instant end) {
    }

    /** Reads the last {@code window} of whole hours ending at or before {@code now}. */
    public static Inputs read(FleetSnapshot snapshot, EnvironmentSession session, FetchMetrics metrics,
            Map<String, ServiceScaling> scaling, HostPrices prices, Instant now, Duration window) {
        Instant end = now.truncatedTo(ChronoUnit.HOURS);
        Instant start = end.minus(window);
        List<Service> services = new ArrayList<>();
        List<MetricQuery> queries = new ArrayList<>();
        Map<String, String> clusterNames = new HashMap<>();
        snapshot.clusters().forEach(c -> clusterNames.put(c.arn(), c.name()));
        for (Service s : snapshot.services()) {
            if (!s.launchType().equals("FARGATE") && clusterNames.containsKey(s.clusterArn())) {
                queries.add(new MetricQuery("cpu_" + services.size(), MetricId.of(CloudWatchNames.ECS,
                        CloudWatchNames.CPU_UTILIZATION, Map.of(CloudWatchNames.CLUSTER_NAME,
                                clusterNames.get(s.clusterArn()), CloudWatchNames.SERVICE_NAME, s.name())),
                        "Average", Duration.ofHours(1)));
                services.add(s);
            }
        }
        List<MetricSeries> fetched = queries.isEmpty() ? List.of() : metrics.fetch(session, queries, start, end);
        Map<String, Map<Instant, Double>> cpu = new HashMap<>();
        for (MetricSeries series : fetched) {
            int i = Integer.parseInt(series.query().id().substring(4));
            Map<Instant, Double> byHour = new HashMap<>();
            for (MetricPoint p : series.points()) {
                if (!p.at().isBefore(start) && p.at().isBefore(end)) {
                    byHour.put(p.at(), p.value());
                }
            }
            cpu.put(services.get(i).arn(), byHour);
        }
        return new Inputs(loads(snapshot, services, clusterNames, cpu, scaling), clusters(snapshot, prices), start,
                end);
    }

    static List<ScalingWhatIf.ServiceLoad> loads(FleetSnapshot snapshot, List<Service> services,
            Map<String, String> clusterNames, Map<String, Map<Instant, Double>> cpu,
            Map<String, ServiceScaling> scaling) {
        List<ScalingWhatIf.ServiceLoad> out = new ArrayList<>();
        for (Service s : services) {
            Optional<Task> sample = snapshot.tasksOf(s.arn()).stream().filter(Task::running).findFirst();
            if (sample.isEmpty()) {
                continue;
            }
            ServiceScaling scaled = scaling.get(ServiceScaling.resourceIdOf(s.arn()));
            int tasks = s.desiredCount();
            out.add(new ScalingWhatIf.ServiceLoad(clusterNames.get(s.clusterArn()), s.name(), tasks,
                    sample.get().cpu(), sample.get().memory(), scaled != null ? scaled.min() : Math.min(FLOOR, tasks),
                    scaled != null ? Math.max(scaled.max(), scaled.min()) : NO_LIMIT,
                    cpu.getOrDefault(s.arn(), Map.of()), scaled != null));
        }
        return out;
    }

    /**
     * Each cluster with hosts: its host count, the size of its most common instance type (what more hosts would
     * be), and the average hourly price of its priced hosts (clusters with no priced host are left out).
     */
    static Map<String, ScalingWhatIf.ClusterHosts> clusters(FleetSnapshot snapshot, HostPrices prices) {
        Map<String, ScalingWhatIf.ClusterHosts> out = new HashMap<>();
        for (Cluster c : snapshot.clusters()) {
            List<Host> hosts = snapshot.hostsIn(c.arn());
            Map<String, Integer> byType = new HashMap<>();
            Map<String, int[]> size = new HashMap<>();
            double usd = 0;
            int priced = 0;
            for (Host h : hosts) {
                byType.merge(h.instanceType(), 1, Integer::sum);
                int[] s = size.computeIfAbsent(h.instanceType(), t -> new int[2]);
                s[0] = Math.max(s[0], h.registeredCpu());
                s[1] = Math.max(s[1], h.registeredMemory());
                Optional<HostPrice> price = prices.priceOf(snapshot.environmentId(), h.instanceType());
                if (price.isPresent()) {
                    usd += price.get().usdPerHour();
                    priced++;
                }
            }
            if (priced == 0) {
                continue;
            }
            String common = byType.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
            int[] s = size.get(common);
            if (s[0] > 0 && s[1] > 0) {
                out.put(c.name(), new ScalingWhatIf.ClusterHosts(c.name(), hosts.size(), s[0], s[1], usd / priced));
            }
        }
        return out;
    }
}
