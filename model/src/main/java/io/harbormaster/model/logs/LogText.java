package io.harbormaster.model.logs;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A log line's message as the tail shows it. Most applications start a line with their own time stamp, and the
 * tail already shows the event's time: a leading ISO-8601 stamp that names the same moment (within a minute) is
 * dropped, so each line shows its time once; a stamp that says something else (another zone, a late write) stays.
 * The level is the first level word near the start ("INFO", "WARN", "ERROR" …), where loggers put it.
 */
public final class LogText {

    /** The levels a tail tells apart. */
    public enum Level { DEBUG, INFO, WARN, ERROR }

    private static final Pattern LEADING_TIME = Pattern.compile(
            "^\\[?(\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?(?:Z|[+-]\\d{2}:?\\d{2}))\\]?\\s+");
    private static final Pattern LEVEL = Pattern.compile(
            "\\b(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|SEVERE|FATAL|CRITICAL)\\b");
    /** How far into a line a level word is looked for: loggers put it first or after a thread or logger name. */
    private static final int LEVEL_WITHIN = 48;

    private LogText() {
    }

    /** The message without a leading time stamp naming the event's own time; the message itself otherwise. */
    public static String withoutLeadingTime(String message, Instant timestamp) {
        Matcher m = LEADING_TIME.matcher(message);
        if (!m.find()) {
            return message;
        }
        try {
            Instant stamped = OffsetDateTime.parse(m.group(1).replace(' ', 'T').replace(',', '.')
                    .replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2")).toInstant();
            return Duration.between(stamped, timestamp).abs().compareTo(Duration.ofMinutes(1)) <= 0
                    ? message.substring(m.end()) : message;
        } catch (DateTimeParseException notIso) {
            return message;
        }
    }

    /** Where the level word is in the text ({start, end}), if a logger put one near the start. */
    public static Optional<int[]> levelSpan(String text) {
        Matcher m = LEVEL.matcher(text);
        if (m.find() && m.start() < LEVEL_WITHIN) {
            return Optional.of(new int[] {m.start(), m.end()});
        }
        return Optional.empty();
    }

    /**
     * The line's level: its level word; without one, ERROR when it reads as a failure (an exception, FATAL, a 5xx),
     * else INFO.
     */
    public static Level levelOf(String text) {
        Optional<int[]> span = levelSpan(text);
        if (span.isPresent()) {
            return switch (text.substring(span.get()[0], span.get()[1])) {
                case "TRACE", "DEBUG" -> Level.DEBUG;
                case "WARN", "WARNING" -> Level.WARN;
                case "ERROR", "SEVERE", "FATAL", "CRITICAL" -> Level.ERROR;
                default -> Level.INFO;
            };
        }
        String upper = text.toUpperCase(Locale.ROOT);
        return upper.contains("EXCEPTION") || upper.contains("FATAL") || upper.contains(" 5XX") ? Level.ERROR
                : Level.INFO;
    }
}
