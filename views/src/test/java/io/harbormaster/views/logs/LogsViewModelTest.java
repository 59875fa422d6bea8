package io.harbormaster.views.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.logs.ContainerLogs;
import io.harbormaster.model.logs.LogEvent;
import io.harbormaster.model.logs.LogPage;
import io.harbormaster.model.logs.LogQuery;
import io.harbormaster.model.logs.SearchLogs;
import io.harbormaster.model.testdata.FleetSnapshotBuilder;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fleet.FleetData;
import io.harbormaster.views.lifecycle.ManualRepeater;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class LogsViewModelTest {

    /** The api task on h1, renamed to a real-looking ECS task id so its awslogs stream names it. */
    private static final String TASK_ON_H1 = "0123456789abcdef0123456789abcdef";
    private static final String STREAM = "ecs/api/" + TASK_ON_H1;

    private final FakeSearchLogs logs = new FakeSearchLogs();
    private final ManualRepeater repeater = new ManualRepeater();
    private final FleetData fleet = FleetData.of(withTaskId(FleetFixtures.snapshot("prod", Fixtures.NOW), "t1",
            TASK_ON_H1));

    private LogsViewModel viewModel() {
        LogsViewModel vm = new LogsViewModel(logs, new CurrentThreadTaskExecutor(), repeater, Fixtures.CLOCK);
        vm.bind(new SimpleObjectProperty<EnvironmentSession>(Fixtures.session(Fixtures.PROD)),
                new SimpleObjectProperty<>(fleet));
        return vm;
    }

    @Test
    void followsOnlyWhileVisible() {
        LogsViewModel vm = viewModel();
        vm.showService(FleetFixtures.API);
        assertThat(logs.queries).isEmpty();

        vm.activeProperty().set(true);
        assertThat(logs.queries).hasSize(1);
        assertThat(logs.queries.get(0).logGroup()).isEqualTo("/ecs/api");
        assertThat(logs.queries.get(0).start()).isEqualTo(Fixtures.NOW.minus(LogsViewModel.LOOK_BACK));
        assertThat(vm.polling()).isTrue();
        assertThat(repeater.period).isEqualTo(LogsViewModel.EVERY);
        repeater.tick();
        assertThat(logs.queries).hasSize(2);

        vm.activeProperty().set(false);
        assertThat(vm.polling()).isFalse();
        assertThat(repeater.running()).isFalse();
        repeater.tick();
        assertThat(logs.queries).hasSize(2);
    }

    @Test
    void leavingThePageStopsTheReadInFlightAndComingBackReadsAgain() {
        io.harbormaster.views.concurrent.QueuedTaskExecutor queued =
                new io.harbormaster.views.concurrent.QueuedTaskExecutor();
        LogsViewModel vm = new LogsViewModel(logs, queued, repeater, Fixtures.CLOCK);
        vm.bind(new SimpleObjectProperty<EnvironmentSession>(Fixtures.session(Fixtures.PROD)),
                new SimpleObjectProperty<>(fleet));
        vm.showService(FleetFixtures.API);
        logs.answer(event(10, "GET /orders 200"));
        vm.activeProperty().set(true);
        queued.runNext(); // where the service logs (its task definition); the tail's first read is now queued
        assertThat(queued.waiting()).isEqualTo(1);

        vm.activeProperty().set(false); // the shell: another page came to front
        vm.hidden();
        queued.runAll();
        assertThat(queued.cancelled()).isEqualTo(1);
        assertThat(logs.queries).isEmpty();

        vm.activeProperty().set(true);
        queued.runAll();
        assertThat(logs.queries).hasSize(1);
        assertThat(vm.lines()).hasSize(1);
    }

    @Test
    void pauseStopsTheTailAndResumeFollowsOnFromTheNewestLine() {
        LogsViewModel vm = viewModel();
        vm.showService(FleetFixtures.API);
        logs.answer(event(10, "GET /orders 200"), event(20, "GET /orders 200"));
        vm.activeProperty().set(true);
        assertThat(vm.lines()).hasSize(2);

        vm.pausedProperty().set(true);
        assertThat(vm.polling()).isFalse();
        int asked = logs.queries.size();
        repeater.tick();
        assertThat(logs.queries).hasSize(asked);

        logs.answer(event(20, "GET /orders 200"), event(30, "GET /orders 201"));
        vm.pausedProperty().set(false);
        assertThat(vm.polling()).isTrue();
        LogQuery resumed = logs.queries.get(logs.queries.size() - 1);
        assertThat(resumed.start()).isAfter(Fixtures.NOW.minus(LogsViewModel.LOOK_BACK));
        assertThat(vm.lines()).extracting(l -> l.event().eventId()).containsExactly("e10", "e20", "e30");
    }

    @Test
    void aSearchStartsAfreshWithTheFilterPattern() {
        LogsViewModel vm = viewModel();
        vm.activeProperty().set(true);
        vm.showService(FleetFixtures.API);
        logs.answer(event(10, "GET /orders 200"));
        repeater.tick();
        assertThat(vm.lines()).hasSize(1);

        vm.filterProperty().set("ERROR");
        logs.answer(event(40, "ERROR upstream timed out"));
        vm.search();

        LogQuery searched = logs.queries.get(logs.queries.size() - 1);
        assertThat(searched.filterPattern()).isEqualTo("ERROR");
        assertThat(searched.start()).isEqualTo(Fixtures.NOW.minus(LogsViewModel.LOOK_BACK));
        assertThat(vm.lines()).extracting(l -> l.event().message()).containsExactly("ERROR upstream timed out");
        assertThat(vm.messageProperty().get()).contains("/ecs/api").contains("filter ERROR");
    }

    @Test
    void theGroupAndStreamsAreTheTaskDefinitionsNotANamingHabit() {
        LogsViewModel vm = viewModel();
        vm.activeProperty().set(true);
        vm.showService(FleetFixtures.API);
        assertThat(logs.described).hasSize(1).allSatisfy(arn -> assertThat(arn).contains(":task-definition/"));
        assertThat(logs.queries).extracting(LogQuery::logGroup).containsOnly("/ecs/api");
        assertThat(logs.queries).extracting(LogQuery::streamPrefix).containsOnly("ecs/api/");
        assertThat(vm.messageProperty().get()).contains("/ecs/api");
    }

    @Test
    void aServiceLoggingElsewhereSaysSoInsteadOfAnEmptyTail() {
        logs.where = List.of(ContainerLogs.of("api", "fluentd", Map.of("fluentd-address", "localhost:24224")),
                ContainerLogs.of("log_router", "awsfirelens", Map.of()));
        LogsViewModel vm = viewModel();
        vm.activeProperty().set(true);
        vm.showService(FleetFixtures.API);
        assertThat(logs.queries).isEmpty();
        assertThat(vm.polling()).isFalse();
        assertThat(vm.messageProperty().get()).contains("writes nothing to CloudWatch Logs").contains("fluentd")
                .contains("FireLens");
    }

    @Test
    void pagesOfOneCallAreFollowedAtOnce() {
        LogsViewModel vm = viewModel();
        vm.showService(FleetFixtures.API);
        logs.pages.add(new LogPage(List.of(event(1, "a")), "page-2"));
        logs.pages.add(new LogPage(List.of(event(2, "b")), null));
        vm.activeProperty().set(true);

        assertThat(logs.queries).extracting(LogQuery::nextToken).containsExactly(null, "page-2");
        assertThat(vm.lines()).hasSize(2);
    }

    @Test
    void theBufferKeepsOnlyTheNewestLines() {
        LogsViewModel vm = viewModel();
        vm.showService(FleetFixtures.API);
        int first = LogsViewModel.MAX_LINES - 5;
        logs.pages.add(new LogPage(IntStream.range(0, first).mapToObj(i -> event(i, "line " + i)).toList(), null));
        vm.activeProperty().set(true);
        logs.pages.add(new LogPage(IntStream.range(first, first + 20).mapToObj(i -> event(i, "line " + i)).toList(),
                null));
        repeater.tick();

        assertThat(vm.lines()).hasSize(LogsViewModel.MAX_LINES);
        assertThat(vm.lines().get(0).event().message()).isEqualTo("line 15");
        assertThat(vm.lines().get(vm.lines().size() - 1).event().message()).isEqualTo("line " + (first + 19));
    }

    @Test
    void errorLinesAreFlaggedForHighlighting() {
        LogsViewModel vm = viewModel();
        vm.showService(FleetFixtures.API);
        logs.answer(event(1, "GET /orders 200 12ms"), event(2, "WARN slow query 900ms"),
                event(3, "ERROR GET /orders 503 upstream"), event(4, "java.lang.IllegalStateException: boom"));
        vm.activeProperty().set(true);

        assertThat(vm.lines()).extracting(LogLine::level).containsExactly(LogLine.Level.INFO, LogLine.Level.WARN,
                LogLine.Level.ERROR, LogLine.Level.ERROR);
        assertThat(vm.lines()).extracting(LogLine::error).containsExactly(false, false, true, true);
    }

    @Test
    void aLineLeadsToItsTaskAndHost() {
        LogsViewModel vm = viewModel();
        vm.showService(FleetFixtures.API);
        logs.answer(event(1, "ERROR GET /orders 503"));
        vm.activeProperty().set(true);

        vm.select(vm.lines().get(0));

        LogsViewModel.Origin origin = vm.originProperty().get();
        assertThat(origin.taskId()).isEqualTo(TASK_ON_H1);
        assertThat(origin.task().arn()).endsWith("/" + TASK_ON_H1);
        assertThat(origin.hostArn()).isEqualTo(FleetFixtures.H1);
        assertThat(origin.hostName()).contains("i-0001").contains("us-east-1a");
        assertThat(origin.text()).contains("revision 7");
    }

    @Test
    void linesOfAnotherServicesTasksSharingTheGroupAndPrefixAreLeftOutAndCounted() {
        String worker = "abcdefabcdefabcdefabcdefabcdef01";
        String stopped = "fedcba9876543210fedcba9876543210";
        LogsViewModel vm = new LogsViewModel(logs, new CurrentThreadTaskExecutor(), repeater, Fixtures.CLOCK);
        vm.bind(new SimpleObjectProperty<EnvironmentSession>(Fixtures.session(Fixtures.PROD)),
                new SimpleObjectProperty<>(FleetData.of(withTaskId(fleet.snapshot(), "t3", worker))));
        vm.showService(FleetFixtures.API);
        logs.answer(new LogEvent(Fixtures.NOW, null, "ecs/api/" + worker, "ERROR not mine", "w1"),
                event(1, "ERROR mine"),
                new LogEvent(Fixtures.NOW.plusSeconds(2), null, "ecs/api/" + stopped, "ERROR stopped task", "s1"));
        vm.activeProperty().set(true);

        assertThat(vm.lines()).extracting(l -> l.event().message()).as("a stopped task's lines stay reachable")
                .containsExactly("ERROR mine", "ERROR stopped task");
        assertThat(vm.messageProperty().get()).contains("1 line of other services' tasks left out");
    }

    @Test
    void aFilterBelongsToTheServiceItWasSetFor() {
        LogsViewModel vm = viewModel();
        vm.activeProperty().set(true);
        vm.showService(FleetFixtures.API);
        vm.filterProperty().set("ERROR");
        vm.search();

        vm.showService(FleetFixtures.EDGE);
        assertThat(vm.filterProperty().get()).as("not carried to another service").isEmpty();
        assertThat(logs.queries.get(logs.queries.size() - 1).filterPattern()).isEmpty();

        vm.showService(FleetFixtures.API);
        assertThat(vm.filterProperty().get()).as("back with its own service").isEqualTo("ERROR");
    }

    @Test
    void aServicePickedWithNothingMatchedSaysSoNotPickAService() {
        LogsViewModel vm = viewModel();
        assertThat(vm.emptyTextProperty().get()).isEqualTo("Pick a service to follow its logs.");
        vm.activeProperty().set(true);
        vm.showService(FleetFixtures.API);
        vm.filterProperty().set("timeout");
        vm.search();

        assertThat(vm.lines()).isEmpty();
        assertThat(vm.emptyTextProperty().get()).startsWith("No line in /ecs/api matched \"timeout\" in the last"
                + " 15 min");
    }

    @Test
    void theLookBackIsTheOperatorsChoice() {
        LogsViewModel vm = viewModel();
        vm.activeProperty().set(true);
        vm.showService(FleetFixtures.API);
        vm.lookBackProperty().set(Duration.ofHours(6));

        assertThat(logs.queries.get(logs.queries.size() - 1).start()).isEqualTo(Fixtures.NOW.minus(
                Duration.ofHours(6)));
    }

    @Test
    void eachLineShowsItsTimeOnce() {
        LogsViewModel vm = viewModel();
        vm.showService(FleetFixtures.API);
        logs.answer(new LogEvent(Fixtures.NOW, null, STREAM, Fixtures.NOW + " INFO [main] started", "i1"));
        vm.activeProperty().set(true);

        assertThat(vm.lines().get(0).text()).isEqualTo("INFO [main] started");
    }

    @Test
    void aLineOfAGoneTaskOrNoTaskSaysSo() {
        LogsViewModel vm = viewModel();
        vm.showService(FleetFixtures.API);
        String gone = "fedcba9876543210fedcba9876543210";
        logs.answer(new LogEvent(Fixtures.NOW, null, "ecs/api/" + gone, "ERROR", "g1"),
                new LogEvent(Fixtures.NOW, null, "custom-stream", "ERROR", "g2"));
        vm.activeProperty().set(true);

        vm.select(vm.lines().get(0));
        assertThat(vm.originProperty().get().task()).isNull();
        assertThat(vm.originProperty().get().text()).contains(gone).contains("no longer running");

        vm.select(vm.lines().get(1));
        assertThat(vm.originProperty().get().hostArn()).isEmpty();
        assertThat(vm.originProperty().get().text()).contains("names no task");
    }

    @Test
    void aFailedCallStopsTheTailWithTheReason() {
        LogsViewModel vm = viewModel();
        vm.showService(FleetFixtures.API);
        logs.failure = new IllegalStateException("log group gone");
        vm.activeProperty().set(true);

        assertThat(vm.messageProperty().get()).startsWith("Tail stopped:");
    }

    private static LogEvent event(int second, String message) {
        Instant at = Fixtures.NOW.minus(Duration.ofMinutes(5)).plusSeconds(second);
        return new LogEvent(at, at, STREAM, message, "e" + second);
    }

    private static FleetSnapshot withTaskId(FleetSnapshot s, String oldId, String newId) {
        List<Task> tasks = s.tasks().stream().map(t -> !t.arn().endsWith("/" + oldId) ? t
                : new Task(t.arn().replace("/" + oldId, "/" + newId), t.clusterArn(), t.group(),
                        t.containerInstanceArn(), t.taskDefinitionArn(), t.lastStatus(), t.desiredStatus(), t.cpu(),
                        t.memory(), t.hostPorts(), t.startedAt(), t.stoppedAt(), t.stoppedReason())).toList();
        return FleetSnapshotBuilder.from(s).tasks(tasks).build();
    }

    /** FilterLogEvents in memory: queued pages, then an empty page; every query kept. */
    private static final class FakeSearchLogs implements SearchLogs {

        final List<LogQuery> queries = new ArrayList<>();
        final Deque<LogPage> pages = new ArrayDeque<>();
        final List<String> described = new ArrayList<>();
        List<ContainerLogs> where = List.of(ContainerLogs.of("api", "awslogs",
                Map.of("awslogs-group", "/ecs/api", "awslogs-stream-prefix", "ecs")));
        RuntimeException failure;

        @Override
        public List<ContainerLogs> destinations(EnvironmentSession session, String taskDefinitionArn) {
            described.add(taskDefinitionArn);
            return where;
        }

        void answer(LogEvent... events) {
            pages.add(new LogPage(List.of(events), null));
        }

        @Override
        public LogPage search(EnvironmentSession session, LogQuery query) {
            queries.add(query);
            if (failure != null) {
                throw failure;
            }
            return pages.isEmpty() ? new LogPage(List.of(), null) : pages.poll();
        }
    }
}
