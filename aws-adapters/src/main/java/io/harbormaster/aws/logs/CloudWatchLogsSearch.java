package io.harbormaster.aws.logs;

import io.harbormaster.aws.error.AwsErrors;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.aws.session.ClientContext;
import io.harbormaster.aws.session.Renewal;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.logs.ContainerLogs;
import io.harbormaster.model.logs.LogEvent;
import io.harbormaster.model.logs.LogPage;
import io.harbormaster.model.logs.LogQuery;
import io.harbormaster.model.logs.SearchLogs;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;

/**
 * FilterLogEvents, one page a call. An empty page with a token is normal: CloudWatch scanned without finding. The
 * groups come from the task definitions' {@code logConfiguration} (DescribeTaskDefinition, kept per revision ARN:
 * a revision never changes).
 */
public final class CloudWatchLogsSearch implements SearchLogs {

    private final AwsSessions sessions;
    private final AwsClientFactory clients;
    private final AtomicLong calls = new AtomicLong();
    private final Map<String, List<ContainerLogs>> destinations = new ConcurrentHashMap<>();

    public CloudWatchLogsSearch(AwsSessions sessions, AwsClientFactory clients) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public LogPage search(EnvironmentSession session, LogQuery query) {
        ClientContext context = sessions.context(session);
        CloudWatchLogsClient logs = clients.logs(context);
        FilterLogEventsRequest.Builder request = FilterLogEventsRequest.builder()
                .logGroupName(query.logGroup())
                .startTime(query.start().toEpochMilli())
                .limit(query.limit());
        if (!query.filterPattern().isBlank()) {
            request.filterPattern(query.filterPattern());
        }
        if (!query.streamPrefix().isBlank()) {
            request.logStreamNamePrefix(query.streamPrefix());
        }
        if (query.end() != null) {
            request.endTime(query.end().toEpochMilli() - 1);
        }
        if (query.nextToken() != null) {
            request.nextToken(query.nextToken());
        }
        FilterLogEventsRequest built = request.build();
        try {
            calls.incrementAndGet();
            FilterLogEventsResponse page = Renewal.call(context, () -> logs.filterLogEvents(built));
            List<LogEvent> events = page.events().stream()
                    .map(e -> new LogEvent(Instant.ofEpochMilli(e.timestamp()),
                            e.ingestionTime() == null ? null : Instant.ofEpochMilli(e.ingestionTime()),
                            e.logStreamName(), e.message(), e.eventId()))
                    .toList();
            String next = page.nextToken();
            return new LogPage(events, next == null || next.isEmpty() ? null : next);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "searching " + query.logGroup() + " in "
                    + session.environment().displayName());
        }
    }

    @Override
    public List<ContainerLogs> destinations(EnvironmentSession session, String taskDefinitionArn) {
        List<ContainerLogs> known = destinations.get(taskDefinitionArn);
        if (known != null) {
            return known;
        }
        ClientContext context = sessions.context(session);
        EcsClient ecs = clients.ecs(context);
        try {
            List<ContainerLogs> read = Renewal.call(context, () -> ecs.describeTaskDefinition(
                    b -> b.taskDefinition(taskDefinitionArn))).taskDefinition().containerDefinitions().stream()
                    .map(CloudWatchLogsSearch::destination).toList();
            destinations.put(taskDefinitionArn, read);
            return read;
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "reading where " + taskDefinitionArn + " logs in "
                    + session.environment().displayName());
        }
    }

    private static ContainerLogs destination(ContainerDefinition c) {
        LogConfiguration log = c.logConfiguration();
        return log == null ? ContainerLogs.of(c.name(), "", Map.of())
                : ContainerLogs.of(c.name(), log.logDriverAsString(), log.options());
    }

    /** FilterLogEvents calls made so far. */
    public long calls() {
        return calls.get();
    }
}
