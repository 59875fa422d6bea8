package io.harbormaster.model.logs;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One log line as FilterLogEvents returns it.
 *
 * @param ingestionTime may be null when unknown
 * @param stream        the log stream; for awslogs {@code prefix/container/taskId} (see {@link LogStreams})
 * @param eventId       CloudWatch's id, unique within the group; de-duplicates overlapping follow calls
 */
public record LogEvent(Instant timestamp, Instant ingestionTime, String stream, String message, String eventId) {

    public LogEvent {
        Objects.requireNonNull(timestamp, "timestamp");
        stream = stream == null ? "" : stream;
        message = message == null ? "" : message;
        eventId = eventId == null ? "" : eventId;
    }

    /** The ECS task id the line came from, when the stream is an awslogs stream. */
    public Optional<String> taskId() {
        return LogStreams.taskId(stream);
    }
}
