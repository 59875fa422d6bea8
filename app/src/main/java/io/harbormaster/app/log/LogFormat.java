package io.harbormaster.app.log;

import io.harbormaster.model.error.StackTrace;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** One line per record (stack traces below it), credentials masked: what the log file holds. */
final class LogFormat extends Formatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS xx")
            .withZone(ZoneId.systemDefault());

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160)
                .append(TIME.format(record.getInstant())).append(' ')
                .append(record.getLevel().getName()).append(' ')
                .append('[').append(Thread.currentThread().getName()).append("] ")
                .append(record.getLoggerName()).append(": ")
                .append(formatMessage(record)).append(System.lineSeparator());
        if (record.getThrown() != null) {
            line.append(StackTrace.of(record.getThrown()).replace("\n", System.lineSeparator()));
        }
        return Redaction.redact(line.toString());
    }
}
