package io.harbormaster.model.metrics;

import io.harbormaster.model.fleet.Arns;
import io.harbormaster.model.fleet.Host;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where AWS publishes a host's metrics. AWS/ECS has none per container instance: EC2 publishes CPUUtilization of
 * every instance (AWS/EC2, per InstanceId; no memory without the CloudWatch agent), and Container Insights with
 * enhanced observability publishes instance-level metrics in ECS/ContainerInsights, on the clusters that have it.
 * Which one a host reads is chosen per cluster by {@link HostMetrics}.
 *
 * @param metricNames the CloudWatch metric name per kind; kinds not listed are not published by this source
 * @param dimensions  each dimension's name and which of the host's ids it holds
 */
public record HostMetricSource(String namespace, Map<MetricKind, String> metricNames, Map<String, HostKey> dimensions) {

    /** Which id of a host a dimension holds. */
    public enum HostKey {
        /** The name of the host's cluster. */
        CLUSTER_NAME,
        /** The 32-hex container instance id (tail of its ARN). */
        CONTAINER_INSTANCE_ID,
        /** The EC2 instance id (i-0…). */
        EC2_INSTANCE_ID
    }

    /** EC2's own metric of every instance: CPU only, every 5 minutes (1 with detailed monitoring). */
    public static final HostMetricSource EC2 = new HostMetricSource("AWS/EC2",
            Map.of(MetricKind.CPU_UTILIZATION, "CPUUtilization"), Map.of("InstanceId", HostKey.EC2_INSTANCE_ID));

    /** Container Insights' instance-level metrics (enhanced observability, EC2 launch type). */
    public static final HostMetricSource CONTAINER_INSIGHTS = new HostMetricSource("ECS/ContainerInsights",
            Map.of(MetricKind.CPU_UTILIZATION, "instance_cpu_utilization",
                    MetricKind.MEMORY_UTILIZATION, "instance_memory_utilization",
                    MetricKind.CPU_RESERVATION, "instance_cpu_reserved_capacity",
                    MetricKind.MEMORY_RESERVATION, "instance_memory_reserved_capacity",
                    MetricKind.TASK_COUNT, "instance_number_of_running_tasks"),
            Map.of(CloudWatchNames.CLUSTER_NAME, HostKey.CLUSTER_NAME, "ContainerInstanceId",
                    HostKey.CONTAINER_INSTANCE_ID, "EC2InstanceId", HostKey.EC2_INSTANCE_ID));

    public HostMetricSource {
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalArgumentException("a host metric source needs a namespace");
        }
        metricNames = metricNames.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(metricNames));
        Objects.requireNonNull(dimensions, "dimensions");
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("a host metric source needs the host's dimensions");
        }
        dimensions = Map.copyOf(dimensions);
    }

    public boolean serves(MetricKind kind) {
        return metricNames.containsKey(kind);
    }

    /** The metric of one host, or empty when this source has no such metric (or the host lacks an id it needs). */
    public Optional<MetricId> metricOf(Host host, MetricKind kind) {
        String name = metricNames.get(kind);
        if (name == null) {
            return Optional.empty();
        }
        Map<String, String> dims = new TreeMap<>();
        for (Map.Entry<String, HostKey> d : dimensions.entrySet()) {
            String id = switch (d.getValue()) {
                case CLUSTER_NAME -> Arns.clusterName(host.clusterArn());
                case CONTAINER_INSTANCE_ID -> Arns.name(host.arn());
                case EC2_INSTANCE_ID -> host.ec2InstanceId();
            };
            if (id.isEmpty()) {
                return Optional.empty();
            }
            dims.put(d.getKey(), id);
        }
        return Optional.of(MetricId.of(namespace, name, dims));
    }
}
