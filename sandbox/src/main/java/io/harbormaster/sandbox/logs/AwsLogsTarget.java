package io.harbormaster.sandbox.logs;

import com.fasterxml.jackson.databind.JsonNode;
import io.harbormaster.sandbox.ecs.TaskDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one container's awslogs driver writes, read from its task definition's {@code logConfiguration} as the ECS
 * agent reads it: group {@code awslogs-group} in {@code awslogs-region} (the task's region when absent), stream
 * {@code <awslogs-stream-prefix>/<container>/<task id>}, or the Docker container id when no prefix is set.
 * Containers with another driver (fluentd, awsfirelens, splunk, …) write nothing to CloudWatch Logs.
 */
record AwsLogsTarget(String container, String group, String region, String prefix) {

    static List<AwsLogsTarget> of(TaskDefinition td, String taskRegion) {
        List<AwsLogsTarget> out = new ArrayList<>();
        for (JsonNode c : td.containerDefinitions()) {
            JsonNode log = c.path("logConfiguration");
            if (!"awslogs".equals(log.path("logDriver").asText())) {
                continue;
            }
            JsonNode o = log.path("options");
            String group = o.path("awslogs-group").asText("");
            if (group.isEmpty()) {
                continue; // the agent refuses to start such a container's logging; nothing is written
            }
            String region = o.path("awslogs-region").asText("");
            String prefix = o.path("awslogs-stream-prefix").asText("");
            out.add(new AwsLogsTarget(c.path("name").asText(), group, region.isEmpty() ? taskRegion : region,
                    prefix.isEmpty() ? null : prefix));
        }
        return out;
    }

    String stream(String taskId) {
        if (prefix != null) {
            return prefix + "/" + container + "/" + taskId;
        }
        // without a prefix the agent names the stream by the Docker container id
        String seed = Long.toHexString((taskId + "/" + container).hashCode() & 0xffffffffL);
        StringBuilder id = new StringBuilder(64);
        while (id.length() < 64) {
            id.append(seed).append(Long.toHexString(id.length() * 2_654_435_761L & 0xffffffffL));
        }
        return id.substring(0, 64);
    }
}
