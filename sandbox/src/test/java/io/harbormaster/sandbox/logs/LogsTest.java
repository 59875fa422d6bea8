package io.harbormaster.sandbox.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.harbormaster.sandbox.Fault;
import io.harbormaster.sandbox.cloudwatch.TelemetrySandbox;
import io.harbormaster.sandbox.ecs.Cluster;
import io.harbormaster.sandbox.ecs.Ecs;
import io.harbormaster.sandbox.ecs.ImageFaults;
import io.harbormaster.sandbox.ecs.Service;
import io.harbormaster.sandbox.ecs.Task;
import io.harbormaster.sandbox.ecs.TaskDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** CloudWatch Logs through SDK 2.40.2 (JSON 1.1) over the default fleet. */
class LogsTest {

    static TelemetrySandbox sandbox;
    static CloudWatchLogsClient logs;
    static Ecs ecs;

    @BeforeAll
    static void start() {
        sandbox = new TelemetrySandbox();
        ecs = sandbox.world.component(Ecs.class);
        logs = sandbox.logs(TelemetrySandbox.DEV, "readonly");
    }

    @AfterAll
    static void stop() {
        logs.close();
        sandbox.close();
    }

    static Service service(String account, String cluster, String name) {
        return sandbox.world.locked(() -> ecs.region(account, "us-east-1").cluster(cluster).service(name));
    }

    @Test
    void groupsAreTheOnesTaskDefinitionsNameNotOneAService() {
        for (String account : List.of(TelemetrySandbox.DEV, TelemetrySandbox.PROD)) {
            Set<String> expected = sandbox.world.locked(() -> {
                Set<String> names = new TreeSet<>();
                for (Cluster c : ecs.region(account, "us-east-1").clusters()) {
                    for (Task t : c.services().stream().flatMap(s -> s.tasks().stream()).toList()) {
                        for (var def : t.taskDefinition().containerDefinitions()) {
                            if (def.at("/logConfiguration/logDriver").asText().equals("awslogs")) {
                                names.add(def.at("/logConfiguration/options/awslogs-group").asText());
                            }
                        }
                    }
                }
                return names;
            });
            try (CloudWatchLogsClient client = sandbox.logs(account, "readonly")) {
                List<LogGroup> groups = new ArrayList<>();
                client.describeLogGroupsPaginator(b -> { }).logGroups().stream()
                        .filter(g -> !g.logGroupName().startsWith("/harbormaster/")).forEach(groups::add); // other tests'
                assertThat(groups).extracting(LogGroup::logGroupName).containsExactlyElementsOf(expected);
                assertThat(groups).extracting(LogGroup::logGroupName).noneMatch(n -> n.contains("metrics-proxy") || n.contains("reports"));
                LogGroup first = groups.stream().filter(g -> g.logGroupName().startsWith("/ecs/")).findFirst().orElseThrow();
                assertThat(first.arn()).startsWith("arn:aws:logs:us-east-1:" + account + ":log-group:/ecs/").endsWith(":*");
                assertThat(first.retentionInDays()).isEqualTo(30);
            }
        }
        try (CloudWatchLogsClient client = sandbox.logs(TelemetrySandbox.PROD, "readonly")) {
            List<String> names = new ArrayList<>();
            client.describeLogGroupsPaginator(b -> { }).logGroups().forEach(g -> names.add(g.logGroupName()));
            // the console's default, a team's shared group, and a team's own scheme
            assertThat(names).contains("/ecs/api", "/ecs/auth", "prod/integrations", "/aws/ecs/prod/warehouse-loader")
                    .noneMatch(n -> n.startsWith("/ecs/api/") || n.equals("/ecs/api-blue"));
        }
    }

    @Test
    void servicesOfOneFamilyShareItsGroupEachTaskItsOwnStream() {
        Service blue = service(TelemetrySandbox.PROD, "api", "api-blue");
        Service green = service(TelemetrySandbox.PROD, "api", "api-green");
        Set<String> expected = sandbox.world.locked(() -> {
            Set<String> names = new TreeSet<>();
            for (Service s : List.of(blue, green)) {
                for (Task t : s.tasks()) {
                    names.add("ecs/api/" + t.id());
                }
            }
            return names;
        });
        try (CloudWatchLogsClient client = sandbox.logs(TelemetrySandbox.PROD, "readonly")) {
            Set<String> streams = new TreeSet<>();
            client.describeLogStreamsPaginator(b -> b.logGroupName("/ecs/api")).logStreams()
                    .forEach(st -> streams.add(st.logStreamName()));
            assertThat(streams).containsAll(expected);
            assertThat(expected).hasSizeGreaterThan(400);
        }
    }

    @Test
    void aStreamPerTaskContainerAsAwslogsNamesThem() {
        Service api = service(TelemetrySandbox.DEV, "dev", "api");
        Set<String> expected = sandbox.world.locked(() -> {
            Set<String> names = new TreeSet<>();
            for (Task t : api.tasks()) {
                for (TaskDefinition.Container c : t.taskDefinition().containers()) {
                    names.add("ecs/" + c.name() + "/" + t.id());
                }
            }
            return names;
        });
        assertThat(expected).isNotEmpty();
        List<LogStream> streams = new ArrayList<>();
        logs.describeLogStreamsPaginator(b -> b.logGroupName("/ecs/api")).logStreams().forEach(streams::add);
        assertThat(streams).extracting(LogStream::logStreamName).containsAll(expected);
        LogStream s = streams.get(0);
        assertThat(s.firstEventTimestamp()).isGreaterThanOrEqualTo(s.creationTime());
        assertThat(s.lastEventTimestamp()).isGreaterThanOrEqualTo(s.firstEventTimestamp())
                .isLessThanOrEqualTo(sandbox.now().toEpochMilli());
        assertThat(s.arn()).contains(":log-group:/ecs/api:log-stream:ecs/");

        List<LogStream> byTime = logs.describeLogStreams(b -> b.logGroupName("/ecs/api").orderBy(OrderBy.LAST_EVENT_TIME)
                .descending(true)).logStreams();
        for (int i = 1; i < byTime.size(); i++) {
            assertThat(byTime.get(i).lastEventTimestamp()).isLessThanOrEqualTo(byTime.get(i - 1).lastEventTimestamp());
        }
        InvalidParameterException both = catchThrowableOfType(InvalidParameterException.class, () -> logs.describeLogStreams(
                b -> b.logGroupName("/ecs/api").orderBy(OrderBy.LAST_EVENT_TIME).logStreamNamePrefix("ecs/")));
        assertThat(both.getMessage()).contains("Cannot order by LastEventTime with a logStreamNamePrefix");
        assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                () -> logs.describeLogStreams(b -> b.logGroupName("/ecs/dev/nope"))).getMessage())
                .contains("The specified log group does not exist");
    }

    @Test
    void aFaultyImageWritesErrorLinesAndAHealthyOneDoesNot() {
        Service api = service(TelemetrySandbox.DEV, "dev", "api");
        String image = sandbox.world.locked(() -> api.taskDefinition().mainImage());
        long from = sandbox.now().toEpochMilli();
        sandbox.world.component(ImageFaults.class).set(image, Fault.SERVE_ERRORS);
        try {
            // The fault is noticed from the next call on; history before it stays as it was served.
            logs.filterLogEvents(b -> b.logGroupName("/ecs/api").startTime(from).limit(1));
            sandbox.clock().advance(Duration.ofMinutes(10));
            List<FilteredLogEvent> errors = new ArrayList<>();
            logs.filterLogEventsPaginator(b -> b.logGroupName("/ecs/api").startTime(from).filterPattern("ERROR"))
                    .events().forEach(errors::add);
            assertThat(errors).isNotEmpty().allSatisfy(e -> {
                assertThat(e.message()).contains(" ERROR ").contains("request failed").containsPattern(" 50[03] ")
                        .contains("\n\tat ");
                assertThat(e.logStreamName()).startsWith("ecs/api/");
                assertThat(e.timestamp()).isGreaterThanOrEqualTo(from);
            });
            for (int i = 1; i < errors.size(); i++) {
                assertThat(errors.get(i).timestamp()).isGreaterThanOrEqualTo(errors.get(i - 1).timestamp());
            }
            FilterLogEventsResponse healthy = logs.filterLogEvents(b -> b.logGroupName("/ecs/auth").startTime(from)
                    .filterPattern("ERROR"));
            assertThat(healthy.events()).isEmpty();
            assertThat(logs.filterLogEvents(b -> b.logGroupName("/ecs/auth").startTime(from).filterPattern("access"))
                    .events()).isNotEmpty().allSatisfy(e -> assertThat(e.message()).doesNotContain("ERROR"));
            // Space-delimited: 5xx access lines of the faulty service only.
            List<FilteredLogEvent> fivexx = logs.filterLogEvents(b -> b.logGroupName("/ecs/api").startTime(from)
                    .filterPattern("[ts, level = INFO, thread, kind = access, method, path, status >= 500, ...]")).events();
            assertThat(fivexx).isNotEmpty().allSatisfy(e -> assertThat(e.message()).containsPattern(" access \\S+ \\S+ 50[03] "));
            assertThat(logs.filterLogEvents(b -> b.logGroupName("/ecs/api").startTime(from)
                    .filterPattern("ERROR -SocketTimeoutException -NullPointerException"))
                    .events()).allSatisfy(e -> assertThat(e.message()).contains("HikariPool"));
        } finally {
            sandbox.world.component(ImageFaults.class).clear(image);
        }
    }

    @Test
    void getLogEventsFollowsWithForwardTokens() {
        Service auth = service(TelemetrySandbox.DEV, "dev", "api-auth");
        String stream = sandbox.world.locked(() -> {
            Task t = auth.tasks().get(0);
            return "ecs/" + t.taskDefinition().containers().get(0).name() + "/" + t.id();
        });
        long start = sandbox.now().minus(Duration.ofMinutes(5)).toEpochMilli();
        GetLogEventsResponse page = logs.getLogEvents(b -> b.logGroupName("/ecs/auth").logStreamName(stream)
                .startTime(start).startFromHead(true).limit(5));
        assertThat(page.events()).hasSize(5);
        List<OutputLogEvent> seen = new ArrayList<>(page.events());
        String token = page.nextForwardToken();
        String backward = page.nextBackwardToken();
        for (int i = 0; i < 100; i++) {
            String t = token;
            GetLogEventsResponse next = logs.getLogEvents(b -> b.logGroupName("/ecs/auth").logStreamName(stream).nextToken(t));
            seen.addAll(next.events());
            if (next.events().isEmpty()) {
                assertThat(next.nextForwardToken()).as("no new events: the same token comes back").isEqualTo(t);
                break;
            }
            token = next.nextForwardToken();
        }
        assertThat(seen.size()).isGreaterThan(5);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).timestamp()).isGreaterThanOrEqualTo(seen.get(i - 1).timestamp());
        }
        long last = seen.get(seen.size() - 1).timestamp();

        sandbox.clock().advance(Duration.ofMinutes(3));
        String t = token;
        GetLogEventsResponse fresh = logs.getLogEvents(b -> b.logGroupName("/ecs/auth").logStreamName(stream).nextToken(t));
        assertThat(fresh.events()).isNotEmpty().allSatisfy(e -> assertThat(e.timestamp()).isGreaterThanOrEqualTo(last));
        assertThat(fresh.nextForwardToken()).isNotEqualTo(t).startsWith("f/");

        GetLogEventsResponse older = logs.getLogEvents(b -> b.logGroupName("/ecs/auth").logStreamName(stream)
                .nextToken(backward).limit(3));
        assertThat(older.events()).hasSize(3).allSatisfy(e -> assertThat(e.timestamp()).isLessThanOrEqualTo(seen.get(0).timestamp()));

        GetLogEventsResponse tail = logs.getLogEvents(b -> b.logGroupName("/ecs/auth").logStreamName(stream).limit(10));
        assertThat(tail.events()).hasSize(10);
        assertThat(tail.events().get(9).timestamp()).isLessThanOrEqualTo(sandbox.now().toEpochMilli())
                .isGreaterThan(sandbox.now().minus(Duration.ofMinutes(5)).toEpochMilli());
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> logs.getLogEvents(
                b -> b.logGroupName("/ecs/auth").logStreamName(stream).limit(10_001)))).isNotNull();
    }

    @Test
    void putLogEventsIntoAGroupOfOurOwnAndFilterJson() {
        try (CloudWatchLogsClient admin = sandbox.logs(TelemetrySandbox.DEV, "admin")) {
            admin.createLogGroup(b -> b.logGroupName("/harbormaster/deploys"));
            admin.createLogStream(b -> b.logGroupName("/harbormaster/deploys").logStreamName("console"));
            long now = sandbox.now().toEpochMilli();
            admin.putLogEvents(b -> b.logGroupName("/harbormaster/deploys").logStreamName("console").logEvents(
                    InputLogEvent.builder().timestamp(now - 2000).message("{\"service\":\"api\",\"weight\":10,\"result\":\"ok\"}").build(),
                    InputLogEvent.builder().timestamp(now - 1000).message("{\"service\":\"api\",\"weight\":100,\"result\":\"failed\"}").build()));
            assertThat(admin.filterLogEvents(b -> b.logGroupName("/harbormaster/deploys").filterPattern("{ $.weight >= 50 }"))
                    .events()).singleElement().satisfies(e -> assertThat(e.message()).contains("failed"));
            assertThat(admin.filterLogEvents(b -> b.logGroupName("/harbormaster/deploys").filterPattern("{ $.result = \"o*\" }"))
                    .events()).singleElement().satisfies(e -> assertThat(e.message()).contains("\"ok\""));
            assertThat(catchThrowableOfType(InvalidParameterException.class, () -> admin.filterLogEvents(
                    b -> b.logGroupName("/harbormaster/deploys").filterPattern("{ $.weight >= 50 && $.a = 1 || $.b = 2 }")))).isNotNull();
            assertThat(logs.getLogEvents(b -> b.logGroupName("/harbormaster/deploys").logStreamName("console").startFromHead(true))
                    .events()).hasSize(2);
        }
        assertThat(catchThrowableOfType(software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException.class,
                () -> logs.createLogGroup(b -> b.logGroupName("/readonly/denied"))).awsErrorDetails().errorCode())
                .isEqualTo("AccessDeniedException");
    }
}
