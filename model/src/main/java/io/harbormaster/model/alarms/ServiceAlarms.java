package io.harbormaster.model.alarms;

import io.harbormaster.model.metrics.ElbDimensions;
import io.harbormaster.model.metrics.MetricId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An environment's alarms split by whether they watch one ECS service: an alarm on the service's own metrics
 * ({@code AWS/ECS} and Container Insights' {@code ECS/ContainerInsights}, by {@code ClusterName} and
 * {@code ServiceName}; Application Auto Scaling's target-tracking alarms are of these) or on one of its target groups
 * ({@code AWS/ApplicationELB} and {@code AWS/NetworkELB} by {@code TargetGroup}). An alarm on metric math, or on a
 * load balancer many services share, is not the service's own: it is among the others. Each list keeps the order it
 * was given in (firing first, as the alarms are read).
 *
 * @param onService the alarms that watch the service
 * @param elsewhere every other alarm of the environment
 */
public record ServiceAlarms(List<Alarm> onService, List<Alarm> elsewhere) {

    private static final Set<String> SERVICE_NAMESPACES = Set.of("AWS/ECS", "ECS/ContainerInsights");
    private static final Set<String> TARGET_GROUP_NAMESPACES = Set.of("AWS/ApplicationELB", "AWS/NetworkELB");

    public ServiceAlarms {
        onService = List.copyOf(onService);
        elsewhere = List.copyOf(elsewhere);
    }

    /**
     * Splits {@code alarms} for the service {@code service} of the cluster {@code cluster} (their names, as the
     * dimensions carry them), registered with the target groups {@code targetGroupArns}.
     */
    public static ServiceAlarms of(List<Alarm> alarms, String cluster, String service,
            Collection<String> targetGroupArns) {
        Set<String> targetGroups = targetGroupArns.stream().map(ElbDimensions::targetGroup)
                .collect(Collectors.toSet());
        List<Alarm> on = new ArrayList<>();
        List<Alarm> other = new ArrayList<>();
        for (Alarm alarm : alarms) {
            boolean watches = alarm.watchedMetric().map(m -> watches(m, cluster, service, targetGroups)).orElse(false);
            (watches ? on : other).add(alarm);
        }
        return new ServiceAlarms(on, other);
    }

    private static boolean watches(MetricId metric, String cluster, String service, Set<String> targetGroups) {
        Map<String, String> dims = metric.dimensions();
        if (SERVICE_NAMESPACES.contains(metric.namespace())) {
            return service.equals(dims.get("ServiceName")) && cluster.equals(dims.get("ClusterName"));
        }
        return TARGET_GROUP_NAMESPACES.contains(metric.namespace()) && targetGroups.contains(dims.get("TargetGroup"));
    }

    /**
     * The service's own alarms that say it is unhealthy, for a deploy to watch: Application Auto Scaling's
     * target-tracking alarms left out (they go to ALARM whenever the load crosses the target, and their low one
     * whenever it is quiet; rolling back on them would undo healthy deploys at every change of load).
     */
    public List<Alarm> forDeploys() {
        return onService.stream().filter(a -> !scaling(a)).toList();
    }

    /** Whether Application Auto Scaling made the alarm for a target-tracking policy (its name and description). */
    static boolean scaling(Alarm alarm) {
        return alarm.name().startsWith("TargetTracking-") && alarm.description().contains("TargetTrackingScaling");
    }

    /** How many of the alarms elsewhere are firing. */
    public long firingElsewhere() {
        return elsewhere.stream().filter(Alarm::firing).count();
    }
}
