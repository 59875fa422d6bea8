package io.harbormaster.model.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.harbormaster.model.fleet.JournaledScaleService;
import io.harbormaster.model.journal.InMemoryWriteJournal;
import io.harbormaster.model.journal.JournalPhase;
import io.harbormaster.model.journal.JournalRecord;
import io.harbormaster.model.recovery.InterruptedWrite.Found;
import io.harbormaster.model.recovery.InterruptedWrite.Kind;
import io.harbormaster.model.testdata.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The restart notice's words for each journal state a kill can leave a scale or a deploy in, and after its read-back. */
class InterruptedWritesTest {

    private static final String SERVICE = "arn:aws:ecs:eu-west-1:111111111111:service/prod-main/api";
    private static final String TASK = "arn:aws:ecs:eu-west-1:111111111111:task/prod-main/0f3c9";
    private static final String REVISION = "arn:aws:ecs:eu-west-1:111111111111:task-definition/api:43";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final InMemoryWriteJournal journal = new InMemoryWriteJournal(clock);

    private InterruptedWrites restarted() {
        clock.advance(Duration.ofMinutes(2));
        InterruptedWrites writes = new InterruptedWrites(journal, id -> id.equals("prod") ? "Production"
                : null);
        clock.advance(Duration.ofSeconds(1));
        return writes;
    }

    private JournalRecord scaleIntent(String id, int count) {
        return new JournalRecord(id, "scale", JournalPhase.INTENT, "prod", SERVICE, "arn:aws:iam::1:user/bob",
                "UpdateService api desiredCount " + count, "", Map.of("region", "eu-west-1", "cluster", "prod-main",
                "service", SERVICE, "desiredCount", String.valueOf(count)));
    }

    private JournalRecord deployLine(String id, JournalPhase phase, String step, Map<String, String> more) {
        Map<String, String> facts = new java.util.HashMap<>(Map.of("region", "eu-west-1", "cluster", "prod-main",
                "service", SERVICE, "step", step, "taskDefinition", REVISION));
        facts.putAll(more);
        return new JournalRecord(id, "deploy", phase, "prod", SERVICE, "arn:aws:iam::1:user/bob", step + " of api",
                "", facts);
    }

    @Test
    void aScaleKilledBeforeItsOutcomeIsNamedThenToldAsTheReadBackFoundIt() {
        JournalRecord intent = scaleIntent("op-1", 12);
        journal.append(intent);
        journal.append(new JournalRecord("done-1", "scale", JournalPhase.INTENT, "prod", SERVICE, "bob", "finished",
                "", Map.of("desiredCount", "3")));
        journal.append(new JournalRecord("done-1", "scale", JournalPhase.END, "prod", SERVICE, "bob", "end", "",
                Map.of()));
        InterruptedWrites writes = restarted();

        List<InterruptedWrite> found = writes.atStart();
        assertThat(found).as("only what was left open").singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(Kind.SCALE);
            assertThat(w.what()).isEqualTo("Scale of api to 12 tasks in Production (eu-west-1)");
            assertThat(w.found()).isEqualTo(Found.NOT_READ_YET);
            assertThat(w.nextStep()).isEqualTo("Enter Production: its desired count is read back then.");
            assertThat(w.startedAt()).isEqualTo(Instant.parse("2026-12-06T10:00:00Z"));
            assertThat(w.lines()).hasSize(1);
        });

        journal.append(intent.as(JournalPhase.DONE, "read back: applied", "", Map.of("readBack", "12")));
        journal.append(intent.as(JournalPhase.END, "read back after an interruption", "", Map.of()));
        assertThat(writes.now()).singleElement().satisfies(w -> {
            assertThat(w.found()).isEqualTo(Found.DONE);
            assertThat(w.foundText()).isEqualTo("done: the desired count is 12");
            assertThat(w.nextStep()).isEmpty();
            assertThat(w.settled()).isTrue();
        });
    }

    @Test
    void aScaleTheReadBackFoundNotAppliedSaysToScaleAgain() {
        JournalRecord intent = scaleIntent("op-2", 12);
        journal.append(intent);
        InterruptedWrites writes = restarted();
        writes.atStart();
        journal.append(intent.as(JournalPhase.FAILED, "read back: not applied", "", Map.of("readBack", "10")));

        assertThat(writes.now()).singleElement().satisfies(w -> {
            assertThat(w.found()).isEqualTo(Found.NOT_DONE);
            assertThat(w.foundText()).isEqualTo("not done: the desired count is still 10");
            assertThat(w.nextStep()).isEqualTo("Scale again from Services if it is still wanted.");
        });
    }

    @Test
    void aScaleJournalledWithItsCountBeforeSaysFromWhatAndWhetherTheCountMovedSince() {
        JournalRecord intent = scaleIntent("op-3", 12).as(JournalPhase.INTENT, "UpdateService api desiredCount 10 → 12", "",
                Map.of(JournaledScaleService.FROM_COUNT, "10"));
        journal.append(intent);
        InterruptedWrites writes = restarted();

        assertThat(writes.atStart()).singleElement().extracting(InterruptedWrite::what)
                .isEqualTo("Scale of api from 10 to 12 tasks in Production (eu-west-1)");
        journal.append(intent.as(JournalPhase.FAILED, "read back: not applied", "", Map.of("readBack", "11")));
        assertThat(writes.now()).singleElement().extracting(InterruptedWrite::foundText)
                .isEqualTo("not done: the desired count is now 11 (changed since by someone else or auto scaling)");
    }

    @Test
    void aDeployKilledAfterItsUpdateWasSentIsFollowedOnceItsEnvironmentIsEntered() {
        journal.append(deployLine("d-1", JournalPhase.INTENT, "register", Map.of()));
        journal.append(deployLine("d-1", JournalPhase.DONE, "register", Map.of()));
        journal.append(deployLine("d-1", JournalPhase.INTENT, "update", Map.of()));
        InterruptedWrites writes = restarted();

        assertThat(writes.atStart()).singleElement().satisfies(w -> {
            assertThat(w.what()).isEqualTo("Deploy of api to api:43 in Production (eu-west-1) (UpdateService sent,"
                    + " its answer not recorded)");
            assertThat(w.found()).isEqualTo(Found.NOT_READ_YET);
            assertThat(w.nextStep()).startsWith("Enter Production: the deploy is looked up in ECS then");
        });

        journal.append(deployLine("d-1", JournalPhase.INTENT, "follow", Map.of("serviceDeployment",
                "arn:aws:ecs:eu-west-1:111111111111:service-deployment/prod-main/api/abc")));
        assertThat(writes.now()).singleElement().satisfies(w -> {
            assertThat(w.found()).isEqualTo(Found.UNDER_WAY);
            assertThat(w.nextStep()).isEqualTo("Open Deploys to follow it, or to roll back.");
        });

        journal.append(deployLine("d-1", JournalPhase.END, "end", Map.of("status", "SUCCESSFUL")));
        assertThat(writes.now()).singleElement().satisfies(w -> assertThat(w.foundText())
                .isEqualTo("done: ECS finished the rollout"));
    }

    @Test
    void aDeployKilledBeforeItsUpdateIsClosedAsNothingDeployed() {
        journal.append(deployLine("d-2", JournalPhase.INTENT, "register", Map.of()));
        InterruptedWrites writes = restarted();
        assertThat(writes.atStart()).singleElement().satisfies(w -> assertThat(w.what())
                .endsWith("(UpdateService not sent)"));

        journal.append(new JournalRecord("d-2", "deploy", JournalPhase.END, "prod", SERVICE, "bob",
                "Deploy of api ended UNKNOWN: the console stopped before UpdateService was sent; nothing was deployed",
                "", Map.of("status", "UNKNOWN", "step", "end")));
        assertThat(writes.now()).singleElement().satisfies(w -> {
            assertThat(w.found()).isEqualTo(Found.NOT_DONE);
            assertThat(w.foundText()).isEqualTo("not done: the console stopped before UpdateService was sent;"
                    + " nothing was deployed");
            assertThat(w.nextStep()).isEqualTo("Open Deploys to deploy again if it is still wanted.");
        });
    }

    private JournalRecord stopIntent(String id) {
        return new JournalRecord(id, "stop-task", JournalPhase.INTENT, "prod", TASK, "arn:aws:iam::1:user/bob",
                "StopTask 0f3c9 of api: stuck", "", Map.of("region", "eu-west-1", "cluster", "prod-main",
                "task", TASK, "service", SERVICE, "reason", "stuck"));
    }

    @Test
    void aStopTaskKilledOrWhoseAnswerWasLostIsNamedWithWhereToCheckIt() {
        JournalRecord killed = stopIntent("s-1");
        journal.append(killed);
        JournalRecord lost = stopIntent("s-2");
        journal.append(lost);
        journal.append(lost.as(JournalPhase.NOTE, "Outcome unknown: the answer was lost", "", Map.of()));
        JournalRecord stopped = stopIntent("s-3");
        journal.append(stopped);
        journal.append(stopped.as(JournalPhase.DONE, "Task 0f3c9 of api stopping", "", Map.of()));
        journal.append(stopped.as(JournalPhase.END, "Stop of task 0f3c9", "", Map.of()));
        InterruptedWrites writes = restarted();

        assertThat(writes.atStart()).as("the two left open, not the one ended").hasSize(2).allSatisfy(w -> {
            assertThat(w.kind()).isEqualTo(Kind.STOP_TASK);
            assertThat(w.what()).isEqualTo("Stop of task 0f3c9 in Production (eu-west-1)");
            assertThat(w.found()).isEqualTo(Found.NOT_READ_YET);
            assertThat(w.foundText()).isEqualTo("not read back yet");
            assertThat(w.nextStep()).isEqualTo("Enter Production: the task is read back then.");
        });

        journal.append(killed.as(JournalPhase.DONE, "Task 0f3c9 of api stopping", "", Map.of()));
        journal.append(lost.as(JournalPhase.FAILED, "Stop of task 0f3c9 failed: AccessDenied", "", Map.of()));
        assertThat(writes.now()).extracting(InterruptedWrite::foundText).containsExactly(
                "done: ECS accepted the stop", "not done: Stop of task 0f3c9 failed: AccessDenied");
    }

    @Test
    void aStopTaskReadBackOnEntryIsToldAsWhatEcsHolds() {
        JournalRecord stopping = stopIntent("s-4");
        journal.append(stopping);
        JournalRecord running = stopIntent("s-5");
        journal.append(running);
        JournalRecord gone = stopIntent("s-6");
        journal.append(gone);
        JournalRecord exited = stopIntent("s-7");
        journal.append(exited);
        InterruptedWrites writes = restarted();
        writes.atStart();

        journal.append(stopping.as(JournalPhase.DONE, "read back", "", Map.of("readBack", "STOPPED/DEACTIVATING")));
        journal.append(running.as(JournalPhase.FAILED, "read back", "", Map.of("readBack", "RUNNING/RUNNING")));
        journal.append(gone.as(JournalPhase.DONE, "read back", "", Map.of("readBack", "gone")));
        journal.append(exited.as(JournalPhase.FAILED, "read back", "", Map.of("readBack", "STOPPED/STOPPED",
                "stoppedBy", "EssentialContainerExited", "stoppedReason", "Essential container in task exited")));

        assertThat(writes.now()).extracting(InterruptedWrite::found, InterruptedWrite::foundText,
                InterruptedWrite::nextStep).containsExactly(
                tuple(Found.DONE, "done: ECS is stopping it (last status DEACTIVATING)", ""),
                tuple(Found.NOT_DONE, "not done: the task is still RUNNING",
                        "Stop it again from the Tasks tab of Production if it is still wanted."),
                tuple(Found.DONE, "done: the task is gone (ECS no longer lists it)", ""),
                tuple(Found.NOT_DONE, "not needed: the task had already stopped: Essential container in task exited"
                        + " (EssentialContainerExited); our stop was not needed", ""));
    }

    @Test
    void aWriteOfThisRunIsNotInterrupted() {
        InterruptedWrites writes = restarted();
        journal.append(scaleIntent("mine", 4)); // in flight now, in this console
        assertThat(writes.atStart()).isEmpty();
    }
}
