package io.harbormaster.aws.logs;

import io.harbormaster.aws.error.AwsErrors;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.aws.write.ReadBackWrite;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.journal.AuditCopy;
import io.harbormaster.model.journal.AuditSink;
import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.model.journal.JournalRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;

/**
 * The team's audit log: every journal line copied as one JSON event to a CloudWatch Logs group in the account the
 * {@code target} session enters (the ops account), in a stream per operator, so every console's writes are read in
 * one place. The group and stream are created on first use.
 */
public final class CloudWatchLogsAuditSink implements AuditSink {

    /** The default log group. */
    public static final String GROUP = "/harbormaster/audit";
    private static final int MAX_BATCH = 1_000;
    /** CloudWatch Logs documents no bound on how soon a line it took can be read; a few seconds is its usual. */
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private final Supplier<EnvironmentSession> target;
    private final AwsSessions sessions;
    private final AwsClientFactory clients;
    private final String group;
    private final Set<String> streamsMade = new HashSet<>();
    private boolean groupMade;

    public CloudWatchLogsAuditSink(Supplier<EnvironmentSession> target, AwsSessions sessions,
            AwsClientFactory clients, String group) {
        this.target = target;
        this.sessions = sessions;
        this.clients = clients;
        this.group = group;
    }

    @Override
    public synchronized void copy(List<AuditCopy> lines, Progress progress) {
        if (lines.isEmpty()) {
            return;
        }
        EnvironmentSession session = target.get();
        try {
            CloudWatchLogsClient logs = clients.logs(sessions.context(session));
            Map<String, List<Line>> byStream = new TreeMap<>();
            for (AuditCopy c : lines) {
                byStream.computeIfAbsent(stream(c.entry().record().actor()), k -> new ArrayList<>()).add(new Line(c));
            }
            for (Map.Entry<String, List<Line>> s : byStream.entrySet()) {
                ensure(logs, s.getKey());
                List<Line> toSend = notTakenYet(logs, s.getKey(), s.getValue().stream()
                        .sorted(Comparator.comparing((Line l) -> l.entry().at())
                                .thenComparingLong(l -> l.entry().sequence()))
                        .toList(), progress);
                for (int i = 0; i < toSend.size(); i += MAX_BATCH) {
                    List<Line> batch = toSend.subList(i, Math.min(toSend.size(), i + MAX_BATCH));
                    List<JournalEntry> entries = batch.stream().map(Line::entry).toList();
                    progress.sending(entries);
                    put(logs, s.getKey(), batch.stream().map(Line::event).toList());
                    progress.copied(entries);
                }
            }
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "copying " + lines.size() + " journal lines to " + group + " in "
                    + session.environment().displayName());
        }
    }

    /** A line to copy, as the event it is sent as. */
    private record Line(AuditCopy copy, InputLogEvent event) {

        Line(AuditCopy copy) {
            this(copy, InputLogEvent.builder().timestamp(copy.entry().at().toEpochMilli()).message(json(copy.entry()))
                    .build());
        }

        JournalEntry entry() {
            return copy.entry();
        }
    }

    /**
     * One PutLogEvents, never sent twice blindly: CloudWatch Logs ignores the sequence token now and accepts a batch
     * again (no more DataAlreadyAcceptedException), so the SDK's retry after a lost answer would write every line
     * twice. After a failure that may have taken effect the stream is read back over the batch's time span; any of
     * its lines found (each message is whole and unique: sequence, time and operation) means the batch was taken.
     * When the read-back fails too the lines stay marked sent in the backlog: the next try, in this run or the next,
     * reads back first.
     */
    private void put(CloudWatchLogsClient logs, String stream, List<InputLogEvent> batch) {
        ReadBackWrite.send("PutLogEvents of " + batch.size() + " journal lines to " + group + " " + stream, () -> {
            logs.putLogEvents(b -> b.logGroupName(group).logStreamName(stream).logEvents(batch)
                    .overrideConfiguration(ReadBackWrite::retryOnlyThrottling));
            return batch.size();
        }, () -> readBack(logs, stream, batch));
    }

    /**
     * The lines less those sent before without an answer (lost, or the console died waiting) that are in the stream
     * after all: read back before they are sent again, so no line reaches the log twice.
     */
    private List<Line> notTakenYet(CloudWatchLogsClient logs, String stream, List<Line> lines, Progress progress) {
        List<InputLogEvent> doubtful = lines.stream().filter(l -> l.copy().sent()).map(Line::event).toList();
        if (doubtful.isEmpty()) {
            return lines;
        }
        Set<String> taken = found(logs, stream, doubtful);
        progress.copied(lines.stream().filter(l -> taken.contains(l.event().message())).map(Line::entry).toList());
        return lines.stream().filter(l -> !taken.contains(l.event().message())).toList();
    }

    /** The batch's size if one of its lines is in the stream, looked for once more a moment later if none is yet. */
    private Optional<Integer> readBack(CloudWatchLogsClient logs, String stream, List<InputLogEvent> batch) {
        for (int look = 0; look < 2; look++) {
            if (look > 0 && !settle()) {
                break;
            }
            if (!found(logs, stream, batch).isEmpty()) {
                return Optional.of(batch.size());
            }
        }
        return Optional.empty();
    }

    /** Which of the events (in time order) the stream holds, read over their time span. */
    private Set<String> found(CloudWatchLogsClient logs, String stream, List<InputLogEvent> events) {
        Set<String> sent = new HashSet<>();
        events.forEach(e -> sent.add(e.message()));
        long from = events.get(0).timestamp();
        long to = events.get(events.size() - 1).timestamp() + 1;
        Set<String> there = new HashSet<>();
        for (var page : logs.getLogEventsPaginator(b -> b.logGroupName(group).logStreamName(stream)
                .startTime(from).endTime(to).startFromHead(true))) {
            page.events().stream().map(OutputLogEvent::message).filter(sent::contains).forEach(there::add);
            if (page.events().isEmpty()) {
                break;
            }
        }
        return there;
    }

    /** CloudWatch Logs makes lines readable shortly after it took them: a second look waits for that. */
    private static boolean settle() {
        try {
            Thread.sleep(SETTLE.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void ensure(CloudWatchLogsClient logs, String stream) {
        if (!groupMade) {
            try {
                logs.createLogGroup(b -> b.logGroupName(group));
            } catch (ResourceAlreadyExistsException e) {
                // made by another console: that is the point
            }
            groupMade = true;
        }
        if (streamsMade.add(stream)) {
            try {
                logs.createLogStream(b -> b.logGroupName(group).logStreamName(stream));
            } catch (ResourceAlreadyExistsException e) {
                // the operator's stream from an earlier run
            }
        }
    }

    /** A stream name from the operator's identity: CloudWatch Logs refuses ':' and '*'. */
    static String stream(String actor) {
        String s = actor.isBlank() ? "unknown" : actor.replaceAll("[:*]", "_");
        return s.length() > 512 ? s.substring(0, 512) : s;
    }

    static String json(JournalEntry e) {
        JournalRecord r = e.record();
        StringBuilder b = new StringBuilder("{");
        field(b, "seq", String.valueOf(e.sequence())).append(',');
        field(b, "at", e.at().toString()).append(',');
        field(b, "operation", r.operationId()).append(',');
        field(b, "kind", r.kind()).append(',');
        field(b, "phase", r.phase().name()).append(',');
        field(b, "environment", r.environmentId()).append(',');
        field(b, "resource", r.resource()).append(',');
        field(b, "actor", r.actor()).append(',');
        field(b, "summary", r.summary()).append(',');
        field(b, "awsRequestId", r.awsRequestId()).append(",\"facts\":{");
        boolean first = true;
        for (Map.Entry<String, String> f : new TreeMap<>(r.facts()).entrySet()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            field(b, f.getKey(), f.getValue());
        }
        return b.append("}}").toString();
    }

    private static StringBuilder field(StringBuilder b, String key, String value) {
        return quote(b, key).append(':').append(quote(new StringBuilder(), value));
    }

    private static StringBuilder quote(StringBuilder b, String s) {
        b.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"');
    }
}
