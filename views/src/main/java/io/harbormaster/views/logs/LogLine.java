package io.harbormaster.views.logs;

import io.harbormaster.model.logs.LogEvent;
import io.harbormaster.model.logs.LogText;

/**
 * A line of the tail as shown: the event, its level, and its text without a leading time stamp that repeats the
 * event's own time (the tail shows that time in its column).
 */
public record LogLine(LogEvent event, Level level, String text) {

    public enum Level { INFO, WARN, ERROR }

    static LogLine of(LogEvent event) {
        String text = LogText.withoutLeadingTime(event.message(), event.timestamp());
        Level level = switch (LogText.levelOf(text)) {
            case ERROR -> Level.ERROR;
            case WARN -> Level.WARN;
            default -> Level.INFO;
        };
        return new LogLine(event, level, text);
    }

    public boolean error() {
        return level == Level.ERROR;
    }
}
