package io.harbormaster.model.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.journal.InMemoryWriteJournal;
import io.harbormaster.model.journal.JournalPhase;
import io.harbormaster.model.journal.JournalRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeploymentFollowerTest {

    private final FakeEcs ecs = new FakeEcs();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T03:00:00Z"), ZoneOffset.UTC);
    private final InMemoryWriteJournal journal = new InMemoryWriteJournal(clock);
    private final AtomicInteger ids = new AtomicInteger();
    private final DeployService deploys = new DeployService(ecs, ecs, ecs, ecs, ecs, ecs, ecs, journal,
            () -> "op-" + ids.incrementAndGet());
    private final List<Duration> pauses = new ArrayList<>();
    private final DeploymentFollower follower = new DeploymentFollower(ecs, ecs, deploys, clock, pauses::add,
            Duration.ofSeconds(5));
    private final EnvironmentSession dev = DeployTestData.session("dev");

    private DeployStarted deploy() {
        return deploys.deploy(dev, deploys.preview(dev, new DeployRequest(DeployTestData.WEB,
                new RevisionSource.Changed(TaskDefinitionChange.images(Map.of("web", "registry.example/web:2"))),
                OptionalInt.empty(), DeploymentSettings.rolling(List.of()))));
    }

    @Test
    void followsUntilEcsSaysTerminalThenClosesTheJournalOperation() throws Exception {
        DeployStarted started = deploy();
        String arn = started.serviceDeploymentArn();
        ecs.deployment(arn, DeploymentStatus.IN_PROGRESS, "rev-1");
        List<DeploymentProgress> seen = new ArrayList<>();

        Optional<DeploymentProgress> last = follower.follow(dev, started, p -> {
            seen.add(p);
            if (seen.size() == 2) {
                ecs.deployment(arn, DeploymentStatus.SUCCESSFUL, "rev-1");
            }
        }, () -> false);

        assertThat(seen).extracting(p -> p.deployment().status()).containsExactly(DeploymentStatus.IN_PROGRESS,
                DeploymentStatus.IN_PROGRESS, DeploymentStatus.SUCCESSFUL);
        assertThat(pauses).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(last).get().satisfies(p -> {
            assertThat(p.terminal()).isTrue();
            assertThat(p.targetHealth()).containsExactly(new TargetGroupHealth(DeployTestData.TG_BLUE, 3, 4));
            assertThat(p.failureEvidence()).isEmpty();
        });
        assertThat(ecs.calls).doesNotContain("DescribeTasks stopped");
        assertThat(deploys.openDeploys()).isEmpty();
        assertThat(journal.operation(started.operationId()).get(4).record().fact("status")).isEqualTo("SUCCESSFUL");
    }

    @Test
    void aRolledBackDeploymentCarriesTheStoppedTasksReasonsAndTheAlarmThatFired() throws Exception {
        DeployStarted started = deploy();
        String arn = started.serviceDeploymentArn();
        ecs.deployments.put(arn, new ServiceDeploymentDetail(arn, DeployTestData.WEB_ARN, "",
                DeploymentStatus.ROLLBACK_SUCCESSFUL, "Service deployment rolled back because of alarm", LifecycleStage
                .CLEAN_UP, DeployStrategy.CANARY, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, null, null,
                new RevisionSummary("rev-1", 4, 0, 0, 0, 0), List.of(), new RollbackInfo("alarm web-5xx", Instant
                .EPOCH, "rev-0"), new RollbackMonitor("TRIGGERED", 3, 3, List.of(), List.of()), new RollbackMonitor(
                "TRIGGERED", 0, 0, List.of("web-5xx"), List.of("web-5xx")), List.of()));
        ecs.stopped.add(new StoppedTask("arn:task/apps/t1", "web:44", "EssentialContainerExited",
                "Essential container in task exited", Instant.EPOCH, List.of("web: exit 1")));
        ecs.stopped.add(new StoppedTask("arn:task/apps/t0", "web:42", "ServiceSchedulerInitiated",
                "Scaling activity initiated by (deployment ecs-svc/1)", Instant.EPOCH, List.of()));

        DeploymentProgress last = follower.follow(dev, started, p -> { }, () -> false).orElseThrow();

        assertThat(last.failedTasks()).extracting(StoppedTask::taskArn).containsExactly("arn:task/apps/t1");
        assertThat(last.failureEvidence()).containsExactly("Service deployment rolled back because of alarm",
                "Rollback: alarm web-5xx",
                "Alarm web-5xx went to ALARM: Threshold Crossed: 1 datapoint [12.0] was greater than the threshold"
                        + " (5.0)",
                "Circuit breaker: 3 failed tasks (threshold 3)",
                "Task t1 stopped: Essential container in task exited — web: exit 1");
        JournalRecord end = journal.operation(started.operationId()).get(4).record();
        assertThat(end.phase()).isEqualTo(JournalPhase.END);
        assertThat(end.fact("status")).isEqualTo("ROLLBACK_SUCCESSFUL");
        assertThat(end.summary()).contains("Task t1 stopped");
    }

    @Test
    void aDeploymentRolledBackAfterBeingSeenInScaleUpIsMarkedAsTurnedBackThereNotAsCleanedUp() throws Exception {
        DeployStarted started = deploy();
        String arn = started.serviceDeploymentArn();
        ecs.deployment(arn, DeploymentStatus.IN_PROGRESS, "rev-1");   // in SCALE_UP

        DeploymentProgress last = follower.follow(dev, started, p -> {
            ServiceDeploymentDetail d = ecs.deployments.get(arn);
            ecs.deployments.put(arn, new ServiceDeploymentDetail(arn, d.serviceArn(), "",
                    DeploymentStatus.ROLLBACK_SUCCESSFUL, "rolled back", LifecycleStage.CLEAN_UP, d.strategy(),
                    Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, null, null, d.target(), List.of(), null, null, null,
                    List.of()));
        }, () -> false).orElseThrow();

        assertThat(last.reached()).isEqualTo(LifecycleStage.SCALE_UP);
        assertThat(last.stages(List.of(LifecycleStage.SCALE_UP, LifecycleStage.CLEAN_UP)))
                .extracting(StageMarks.Marked::mark)
                .containsExactly(StageMarks.Mark.TURNED_BACK, StageMarks.Mark.NOT_REACHED);
    }

    @Test
    void cancellingLeavesTheOperationOpenForTheNextStart() throws Exception {
        DeployStarted started = deploy();
        ecs.deployment(started.serviceDeploymentArn(), DeploymentStatus.IN_PROGRESS, "rev-1");

        assertThat(follower.follow(dev, started, p -> { }, () -> true)).isEmpty();
        assertThat(deploys.openDeploys()).hasSize(1);
    }

    @Test
    void resumeFollowsAKnownDeploymentAgain() {
        DeployStarted started = deploy();

        assertThat(follower.resume(dev, deploys.openDeploys().get(0))).contains(started);
        assertThat(journal.operation(started.operationId())).last().satisfies(line -> {
            assertThat(line.record().phase()).as("taken up again, in the journal").isEqualTo(
                    io.harbormaster.model.journal.JournalPhase.NOTE);
            assertThat(line.record().fact("serviceDeployment")).isEqualTo(started.serviceDeploymentArn());
        });
    }

    @Test
    void resumeAfterAnUnansweredUpdateFindsTheDeploymentOfItsRevisionOrClosesTheOperation() {
        ecs.failStart = new IllegalStateException("killed mid-call");
        try {
            deploy();
        } catch (IllegalStateException expected) {
            // a crash between INTENT and answer is simulated below by dropping the FAILED/END lines
        }
        InMemoryWriteJournal crashed = new InMemoryWriteJournal(clock);
        journal.operation("op-1").stream().filter(e -> e.record().phase() == JournalPhase.INTENT
                || e.record().phase() == JournalPhase.DONE).forEach(e -> crashed.append(e.record()));
        DeployService restarted = new DeployService(ecs, ecs, ecs, ecs, ecs, ecs, ecs, crashed, () -> "op-x");
        DeploymentFollower again = new DeploymentFollower(ecs, ecs, restarted, clock, pauses::add, Duration.ZERO);
        OpenDeploy open = restarted.openDeploys().get(0);
        assertThat(open.updateSent()).isTrue();
        assertThat(open.updateAnswered()).isFalse();

        ecs.currentDeployment = "arn:found";
        ecs.deployment("arn:found", DeploymentStatus.IN_PROGRESS, "rev-9");
        ecs.revisions.put("rev-9", new ServiceRevisionDetail("rev-9", DeployTestData.WEB_ARN,
                open.taskDefinitionArn(), Instant.EPOCH, List.of(), List.of()));
        assertThat(again.resume(dev, open)).get().extracting(DeployStarted::serviceDeploymentArn)
                .isEqualTo("arn:found");
        assertThat(restarted.openDeploys().get(0).serviceDeploymentArn()).isEqualTo("arn:found");

        ecs.revisions.put("rev-9", new ServiceRevisionDetail("rev-9", DeployTestData.WEB_ARN, "other:1",
                Instant.EPOCH, List.of(), List.of()));
        OpenDeploy unanswered = new OpenDeploy(open.operationId(), open.environmentId(), open.region(),
                open.service(), open.taskDefinitionArn(), "", true, false, open.startedAt(), open.actor(),
                open.lines());
        assertThat(again.resume(dev, unanswered)).isEmpty();
        assertThat(restarted.openDeploys()).isEmpty();
    }
}
