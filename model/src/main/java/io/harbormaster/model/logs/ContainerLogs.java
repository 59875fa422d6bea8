package io.harbormaster.model.logs;

import java.util.Map;
import java.util.Objects;

/**
 * Where one container of a task definition sends its output, as its {@code logConfiguration} says: the awslogs
 * driver writes to CloudWatch Logs group {@code awslogs-group}, stream {@code <awslogs-stream-prefix>/<container>/<task
 * id>}; any other driver (fluentd, splunk, awsfirelens for FireLens, none at all) writes elsewhere.
 *
 * @param driver       the log driver ("awslogs", "awsfirelens", "fluentd", …); empty when none is configured
 * @param group        the awslogs group; empty for other drivers
 * @param region       the awslogs region; empty for the task's own
 * @param streamPrefix the awslogs stream prefix; empty when unset (streams are then named by container id)
 */
public record ContainerLogs(String container, String driver, String group, String region, String streamPrefix) {

    public static final String AWSLOGS = "awslogs";

    public ContainerLogs {
        Objects.requireNonNull(container, "container");
        driver = driver == null ? "" : driver;
        group = group == null ? "" : group;
        region = region == null ? "" : region;
        streamPrefix = streamPrefix == null ? "" : streamPrefix;
    }

    /** From a container's driver and options as ECS returns them. */
    public static ContainerLogs of(String container, String driver, Map<String, String> options) {
        Map<String, String> o = options == null ? Map.of() : options;
        if (!AWSLOGS.equals(driver)) {
            return new ContainerLogs(container, driver, "", "", "");
        }
        return new ContainerLogs(container, driver, o.get("awslogs-group"), o.get("awslogs-region"),
                o.get("awslogs-stream-prefix"));
    }

    /** Whether CloudWatch Logs holds this container's output. */
    public boolean inCloudWatch() {
        return AWSLOGS.equals(driver) && !group.isEmpty();
    }

    /** The start of this container's stream names ({@code prefix/container/}); empty when no prefix is set. */
    public String streamNamePrefix() {
        return streamPrefix.isEmpty() ? "" : streamPrefix + "/" + container + "/";
    }

    /** "web logs with fluentd", "web has no log driver" — for a container whose output is not in CloudWatch. */
    public String elsewhere() {
        if (driver.isEmpty()) {
            return container + " has no log driver configured";
        }
        if (driver.equals("awsfirelens")) {
            return container + " logs through FireLens (awsfirelens), not to a CloudWatch Logs group ECS names";
        }
        if (AWSLOGS.equals(driver)) {
            return container + " uses awslogs without an awslogs-group";
        }
        return container + " logs with the " + driver + " driver, not to CloudWatch Logs";
    }
}
