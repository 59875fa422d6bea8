package io.harbormaster.model.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.journal.InMemoryWriteJournal;
import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.model.journal.JournalPhase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeployServiceTest {

    private final FakeEcs ecs = new FakeEcs();
    private final InMemoryWriteJournal journal = new InMemoryWriteJournal(Clock.fixed(Instant.parse(
            "2026-12-06T03:00:00Z"), ZoneOffset.UTC));
    private final AtomicInteger ids = new AtomicInteger();
    private final DeployService deploys = new DeployService(ecs, ecs, ecs, ecs, ecs, ecs, ecs, journal,
            () -> "op-" + ids.incrementAndGet());
    private final EnvironmentSession dev = DeployTestData.session("dev");

    private DeployRequest newImage() {
        return new DeployRequest(DeployTestData.WEB, new RevisionSource.Changed(TaskDefinitionChange.images(Map.of(
                "web", "registry.example/web:1.5.0"))), OptionalInt.of(6), DeploymentSettings.rolling(List.of()));
    }

    @Test
    void previewReadsOnlyAndShowsTheNewRevisionDiffAndTimeline() {
        DeployPreview preview = deploys.preview(dev, newImage());

        assertThat(ecs.calls).containsExactly("DescribeServices");
        assertThat(journal.recent(10)).isEmpty();
        assertThat(preview.registersNewRevision()).isTrue();
        assertThat(preview.newRevision().images()).containsExactly("registry.example/web:1.5.0",
                "public.ecr.aws/envoy:1.29");
        assertThat(preview.diff().settings()).contains(new SettingChange("desired count", "4", "6"));
        assertThat(preview.timeline().circuitBreakerThreshold()).isEqualTo(3);
        assertThat(preview.desiredCount()).isEqualTo(6);
    }

    @Test
    void deployJournalsEachWriteIntentBeforeCallAndDoneWithItsRequestId() {
        DeployStarted started = deploys.deploy(dev, deploys.preview(dev, newImage()));

        assertThat(started.taskDefinitionArn()).endsWith("task-definition/web:43");
        assertThat(started.serviceDeploymentArn()).isEqualTo(ecs.answerDeploymentArn);
        List<JournalEntry> lines = journal.operation(started.operationId());
        assertThat(lines).extracting(e -> e.record().phase()).containsExactly(JournalPhase.INTENT,
                JournalPhase.DONE, JournalPhase.INTENT, JournalPhase.DONE);
        assertThat(lines).extracting(e -> e.record().awsRequestId()).containsExactly("", "req-register", "",
                "req-update");
        assertThat(lines.get(0).record().summary()).startsWith("RegisterTaskDefinition web");
        assertThat(lines.get(2).record().fact("taskDefinition")).endsWith("web:43");
        assertThat(lines).allSatisfy(e -> {
            assertThat(e.record().actor()).endsWith("assumed-role/admin/alice");
            assertThat(e.record().environmentId()).isEqualTo("dev");
            assertThat(e.record().resource()).isEqualTo(DeployTestData.WEB_ARN);
            assertThat(e.record().kind()).isEqualTo(DeployService.KIND);
        });
        assertThat(deploys.openDeploys()).singleElement().satisfies(o -> {
            assertThat(o.serviceDeploymentArn()).isEqualTo(ecs.answerDeploymentArn);
            assertThat(o.updateAnswered()).isTrue();
            assertThat(o.service()).isEqualTo(DeployTestData.WEB);
            assertThat(o.region()).isEqualTo("eu-west-1");
        });
    }

    @Test
    void aRejectedRegistrationIsJournalledFailedAndEndedAndNothingElseIsSent() {
        ecs.failRegister = FakeEcs.denied();

        assertThatThrownBy(() -> deploys.deploy(dev, deploys.preview(dev, newImage())))
                .isInstanceOf(OperatorException.class);

        assertThat(ecs.calls).noneMatch(c -> c.startsWith("UpdateService"));
        assertThat(journal.operation("op-1")).extracting(e -> e.record().phase()).containsExactly(
                JournalPhase.INTENT, JournalPhase.FAILED, JournalPhase.END);
        assertThat(journal.operation("op-1").get(1).record().awsRequestId()).isEqualTo("req-denied");
        assertThat(deploys.openDeploys()).isEmpty();
    }

    @Test
    void anExistingRevisionIsDeployedWithoutRegistering() {
        DeployTarget target = deploys.target(dev, DeployTestData.WEB);
        DeployRequest back = DeployService.rollbackTo(target, "arn:aws:ecs:eu-west-1:1:task-definition/web:41");
        DeployPreview preview = deploys.preview(target, dev, back);
        DeployStarted started = deploys.deploy(dev, preview);

        assertThat(preview.registersNewRevision()).isFalse();
        assertThat(preview.diff().taskDefinition().get(1).unified()).contains("- image: registry.example/web:1.4.2",
                "+ image: registry.example/web:1.3.0");
        assertThat(ecs.calls).noneMatch(c -> c.startsWith("RegisterTaskDefinition"));
        assertThat(ecs.calls).contains("UpdateService arn:aws:ecs:eu-west-1:" + DeployTestData.ACCOUNT
                + ":task-definition/web:41");
        assertThat(journal.operation(started.operationId())).hasSize(2);
    }

    @Test
    void rollbackAndContinueAreJournalledWithTheDeployTheyBelongTo() {
        DeployStarted started = deploys.deploy(dev, deploys.preview(dev, newImage()));

        deploys.answerHook(dev, DeployTestData.WEB, started.serviceDeploymentArn(), "hook-1",
                HookAction.CONTINUE);
        deploys.rollbackNow(dev, DeployTestData.WEB, started.serviceDeploymentArn());

        List<JournalEntry> lines = journal.operation(started.operationId());
        assertThat(lines).hasSize(8);
        assertThat(lines.subList(4, 8)).extracting(e -> e.record().phase() + " " + e.record().awsRequestId())
                .containsExactly("INTENT ", "DONE req-continue", "INTENT ", "DONE req-stop");
        assertThat(ecs.calls).containsSubsequence("ContinueServiceDeployment hook-1 CONTINUE",
                "StopServiceDeployment " + started.serviceDeploymentArn());
    }

    @Test
    void finishClosesTheOperationOnceAndHistorySaysWhoStartedWhatFromHere() {
        DeployStarted started = deploys.deploy(dev, deploys.preview(dev, newImage()));
        ecs.deployment(started.serviceDeploymentArn(), DeploymentStatus.SUCCESSFUL, "rev-1");
        ecs.deployment("arn:elsewhere", DeploymentStatus.ROLLBACK_SUCCESSFUL, "rev-0");
        ecs.revisions.put("rev-0", new ServiceRevisionDetail("rev-0", DeployTestData.WEB_ARN, "web:40", Instant.EPOCH,
                List.of(), List.of()));

        deploys.finish(started.operationId(), DeploymentStatus.SUCCESSFUL, "");
        deploys.finish(started.operationId(), DeploymentStatus.SUCCESSFUL, "");

        assertThat(journal.operation(started.operationId())).filteredOn(e -> e.record().phase() == JournalPhase.END)
                .singleElement().satisfies(e -> assertThat(e.record().fact("status")).isEqualTo("SUCCESSFUL"));
        assertThat(deploys.openDeploys()).isEmpty();
        List<DeployHistoryEntry> history = deploys.history(dev, DeployTestData.WEB, 10);
        assertThat(history).hasSize(2);
        assertThat(history.get(0).startedBy()).endsWith("admin/alice");
        assertThat(history.get(0).taskDefinitionArn()).endsWith("web:43");
        assertThat(history.get(0).startedHereAt()).isEqualTo(Instant.parse("2026-12-06T03:00:00Z"));
        assertThat(history.get(1).fromThisConsole()).isFalse();
        assertThat(history.get(1).taskDefinitionArn()).isEqualTo("web:40");
    }

    @Test
    void promoteReadsBothSidesAndWritesNothing() {
        PromotionPlan plan = deploys.promote(DeployTestData.session("stage"), DeployTestData.WEB, dev,
                DeployTestData.WEB);
        assertThat(plan.nothingToPromote()).isTrue();
        assertThat(ecs.calls).containsExactly("DescribeServices", "DescribeServices");
        assertThat(journal.recent(1)).isEmpty();
        assertThat(deploys.revisionDiff(dev, "web:41", "web:42").get(1).changed()).isFalse();
    }
}
