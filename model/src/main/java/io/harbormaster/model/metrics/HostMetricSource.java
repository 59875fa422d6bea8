package io.harbormaster.model.metrics;

import io.harbormaster.model.fleet.Arns;
import io.harbormaster.model.fleet.Host;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where per-host metrics live. AWS/ECS has none per container instance; they come from Container Insights (or an
 * agent), under a namespace and names that differ between setups, so the source is a choice of the wiring.
 *
 * @param metricNames  the CloudWatch metric name per kind; kinds not listed are not fetched per host
 * @param hostKey      which of the host's ids the host dimension holds
 * @param hostDimension the name of that dimension
 * @param withCluster  whether a ClusterName dimension comes with it
 */
public record HostMetricSource(String namespace, Map<MetricKind, String> metricNames, HostKey hostKey,
        String hostDimension, boolean withCluster) {

    /** Which id of a host its metrics are filed under. */
    public enum HostKey {
        /** The 32-hex container instance id (tail of its ARN). */
        CONTAINER_INSTANCE_ID,
        /** The EC2 instance id (i-0…). */
        EC2_INSTANCE_ID
    }

    /**
     * The sandbox's per-container-instance namespace: utilisation only (reservation and task count come from the
     * snapshot, see {@link HostMetrics#fromSnapshot}).
     */
    public static final HostMetricSource SANDBOX = new HostMetricSource("Harbormaster/ContainerInstance",
            Map.of(MetricKind.CPU_UTILIZATION, "CPUUtilization", MetricKind.MEMORY_UTILIZATION, "MemoryUtilization"),
            HostKey.CONTAINER_INSTANCE_ID, "ContainerInstanceId", true);

    /** ECS Container Insights' instance-level metrics (EC2 launch type). */
    public static final HostMetricSource CONTAINER_INSIGHTS = new HostMetricSource("ECS/ContainerInsights",
            Map.of(MetricKind.CPU_UTILIZATION, "instance_cpu_utilization",
                    MetricKind.MEMORY_UTILIZATION, "instance_memory_utilization",
                    MetricKind.CPU_RESERVATION, "instance_cpu_reserved_capacity",
                    MetricKind.MEMORY_RESERVATION, "instance_memory_reserved_capacity",
                    MetricKind.TASK_COUNT, "instance_number_of_running_tasks"),
            HostKey.EC2_INSTANCE_ID, "InstanceId", true);

    public HostMetricSource {
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalArgumentException("a host metric source needs a namespace");
        }
        metricNames = metricNames.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(metricNames));
        Objects.requireNonNull(hostKey, "hostKey");
        if (hostDimension == null || hostDimension.isBlank()) {
            throw new IllegalArgumentException("a host metric source needs the host's dimension name");
        }
    }

    public boolean serves(MetricKind kind) {
        return metricNames.containsKey(kind);
    }

    /** The metric of one host, or empty when this source has no such metric (or the host lacks the id). */
    public Optional<MetricId> metricOf(Host host, MetricKind kind) {
        String name = metricNames.get(kind);
        String id = hostKey == HostKey.CONTAINER_INSTANCE_ID ? Arns.name(host.arn()) : host.ec2InstanceId();
        if (name == null || id.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> dims = new TreeMap<>();
        dims.put(hostDimension, id);
        if (withCluster) {
            dims.put(CloudWatchNames.CLUSTER_NAME, Arns.clusterName(host.clusterArn()));
        }
        return Optional.of(MetricId.of(namespace, name, dims));
    }
}
