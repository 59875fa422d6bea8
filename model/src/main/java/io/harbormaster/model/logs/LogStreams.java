package io.harbormaster.model.logs;

import java.util.Optional;
import java.util.regex.Pattern;

/** The awslogs stream naming convention: {@code <prefix>/<container>/<task id>}, a stream per task container. */
public final class LogStreams {

    /** An ECS task id: 32 hex digits (older tasks: a UUID). */
    private static final Pattern TASK_ID = Pattern.compile("[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}"
            + "-[0-9a-f]{4}-[0-9a-f]{12}");

    private LogStreams() {
    }

    /** "0123…" from the awslogs stream {@code prefix/container/0123…}; empty for any other stream. */
    public static Optional<String> taskId(String streamName) {
        if (streamName == null) {
            return Optional.empty();
        }
        int slash = streamName.lastIndexOf('/');
        if (slash <= 0 || streamName.indexOf('/') == slash) {
            return Optional.empty();
        }
        String id = streamName.substring(slash + 1);
        return TASK_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    /** The container name from {@code prefix/container/taskId}; empty for any other stream. */
    public static Optional<String> containerName(String streamName) {
        if (taskId(streamName).isEmpty()) {
            return Optional.empty();
        }
        int last = streamName.lastIndexOf('/');
        int before = streamName.lastIndexOf('/', last - 1);
        return Optional.of(streamName.substring(before + 1, last));
    }
}
