package io.harbormaster.views.logs;

import io.harbormaster.model.logs.LogEvent;
import java.util.Locale;

/** A line of the tail as shown: the event, and whether it reads as an error or a warning. */
public record LogLine(LogEvent event, Level level) {

    public enum Level { INFO, WARN, ERROR }

    static LogLine of(LogEvent event) {
        String m = event.message().toUpperCase(Locale.ROOT);
        Level level = m.contains("ERROR") || m.contains("FATAL") || m.contains("EXCEPTION") || m.contains(" 5XX")
                ? Level.ERROR : m.contains("WARN") ? Level.WARN : Level.INFO;
        return new LogLine(event, level);
    }

    public boolean error() {
        return level == Level.ERROR;
    }
}
