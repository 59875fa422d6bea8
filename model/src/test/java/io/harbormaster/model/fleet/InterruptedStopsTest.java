package io.harbormaster.model.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.model.environment.CallerIdentity;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.error.WriteOutcomeUnknown;
import io.harbormaster.model.fleet.ReadTaskStatus.TaskStatus;
import io.harbormaster.model.journal.InMemoryWriteJournal;
import io.harbormaster.model.journal.JournalPhase;
import io.harbormaster.model.testdata.CrashingJournal;
import io.harbormaster.model.testdata.EnvironmentBuilder;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Task stops left open in the journal: read back with the task's status on entry, closed with what ECS holds. */
class InterruptedStopsTest {

    private final InMemoryWriteJournal journal = new InMemoryWriteJournal(Clock.systemUTC());
    private final Map<String, TaskStatus> ecs = new HashMap<>();
    private final ReadTaskStatus read = (s, cluster, task) -> Optional.ofNullable(ecs.get(task));
    private final EnvironmentSession prod = new EnvironmentSession(EnvironmentBuilder.anEnvironment("prod")
            .regions("eu-west-1").build(), new CallerIdentity("222222222222",
            "arn:aws:sts::222222222222:assumed-role/admin/bob", ""), "eu-west-1", null);

    /** A stop whose console died during StopTask (an Error: nothing catches it): its INTENT only. */
    private void killedDuring(String op, String task) {
        assertThatThrownBy(() -> stopper(op, (s, c) -> {
            throw new CrashingJournal.Killed();
        }).stop(prod, new StopTaskCommand("apps", task, "web", "stuck"))).isInstanceOf(CrashingJournal.Killed.class);
    }

    private JournaledStopTask stopper(String op, RequestTaskStop call) {
        return new JournaledStopTask(call, journal, () -> op);
    }

    private List<JournalPhase> phases(String op) {
        return journal.operation(op).stream().map(e -> e.record().phase()).toList();
    }

    @Test
    void stopsCutShortAreReadBackAndClosedAsAppliedOrNot() {
        killedDuring("op-1", "t-stopping");
        killedDuring("op-2", "t-running");
        killedDuring("op-3", "t-gone");
        ecs.put("t-stopping", new TaskStatus("STOPPED", "DEACTIVATING"));
        ecs.put("t-running", new TaskStatus("RUNNING", "RUNNING"));

        List<String> found = new InterruptedStops(journal, read).settleIn(prod);

        assertThat(found).containsExactly(
                "Stop of task t-stopping was interrupted before its outcome was recorded; read back: applied"
                        + " (desired status STOPPED, last status DEACTIVATING)",
                "Stop of task t-running was interrupted before its outcome was recorded; read back: not applied"
                        + " (the task is RUNNING); stop it again if still wanted",
                "Stop of task t-gone was interrupted before its outcome was recorded; read back: the task is gone:"
                        + " ECS no longer lists it");
        assertThat(phases("op-1")).containsExactly(JournalPhase.INTENT, JournalPhase.DONE, JournalPhase.END);
        assertThat(phases("op-2")).containsExactly(JournalPhase.INTENT, JournalPhase.FAILED, JournalPhase.END);
        assertThat(journal.operation("op-3").get(1).record().fact(InterruptedStops.READ_BACK)).isEqualTo("gone");
        assertThat(journal.openOperations(JournaledStopTask.KIND)).isEmpty();
    }

    @Test
    void aTaskEcsStoppedForAnotherReasonIsToldAsSuchNotAsOurStopApplied() {
        killedDuring("op-6", "t-ours");
        killedDuring("op-7", "t-exited");
        killedDuring("op-8", "t-replaced");
        killedDuring("op-9", "t-other-operator");
        ecs.put("t-ours", new TaskStatus("STOPPED", "STOPPING", "UserInitiated", "stuck"));
        ecs.put("t-exited", new TaskStatus("STOPPED", "STOPPED", "EssentialContainerExited",
                "Essential container in task exited"));
        ecs.put("t-replaced", new TaskStatus("STOPPED", "DEACTIVATING", "ServiceSchedulerInitiated",
                "Scaling activity initiated by (deployment ecs-svc/123)"));
        ecs.put("t-other-operator", new TaskStatus("STOPPED", "STOPPED", "UserInitiated", "Task stopped by user"));

        List<String> found = new InterruptedStops(journal, read).settleIn(prod);

        assertThat(found.get(0)).endsWith("read back: applied (desired status STOPPED, last status STOPPING)");
        assertThat(found.get(1)).endsWith("read back: not needed: ECS had already stopped it"
                + " (EssentialContainerExited: Essential container in task exited); our stop was not needed");
        assertThat(found.get(2)).contains("not needed: ECS was already stopping it (ServiceSchedulerInitiated:"
                + " Scaling activity initiated by (deployment ecs-svc/123))");
        assertThat(found.get(3)).contains("not needed: ECS had already stopped it (UserInitiated: Task stopped by"
                + " user)");
        assertThat(phases("op-6")).containsExactly(JournalPhase.INTENT, JournalPhase.DONE, JournalPhase.END);
        assertThat(phases("op-7")).containsExactly(JournalPhase.INTENT, JournalPhase.FAILED, JournalPhase.END);
        assertThat(journal.operation("op-7").get(1).record().facts()).containsEntry(InterruptedStops.STOPPED_BY,
                "EssentialContainerExited").containsEntry(InterruptedStops.STOPPED_REASON,
                "Essential container in task exited").containsEntry(InterruptedStops.READ_BACK, "STOPPED/STOPPED");
    }

    @Test
    void aStopWhoseOutcomeIsUnknownStaysOpenUntilReadBack() {
        WriteOutcomeUnknown unknown = new WriteOutcomeUnknown(new Problem(Problem.Kind.NETWORK,
                "Write may have been applied", "no answer and no read-back", "", ""), null);
        assertThatThrownBy(() -> stopper("op-4", (s, c) -> {
            throw unknown;
        }).stop(prod, new StopTaskCommand("apps", "t-1", "web", "stuck"))).isSameAs(unknown);
        assertThat(phases("op-4")).containsExactly(JournalPhase.INTENT, JournalPhase.NOTE);
        ecs.put("t-1", new TaskStatus("STOPPED", "STOPPED"));

        assertThat(new InterruptedStops(journal, read).settleIn(prod)).singleElement().asString()
                .contains("read back: applied");
        assertThat(phases("op-4")).containsExactly(JournalPhase.INTENT, JournalPhase.NOTE, JournalPhase.DONE,
                JournalPhase.END);
    }

    @Test
    void stopsOfThisRunOrOfAnotherRegionOrUnreadableStayOpen() {
        killedDuring("op-5", "t-2");
        InterruptedStops unreadable = new InterruptedStops(journal, (s, c, t) -> {
            throw new OperatorException(new Problem(Problem.Kind.NETWORK, "AWS unreachable", "no route", "", ""));
        });
        EnvironmentSession elsewhere = new EnvironmentSession(prod.environment(), prod.identity(), "us-east-1", null);

        assertThat(unreadable.settleIn(elsewhere)).isEmpty();
        assertThat(unreadable.settleIn(prod)).as("ECS could not be read").isEmpty();
        InterruptedStops started = new InterruptedStops(journal, read);
        killedDuring("op-6", "t-3");
        ecs.put("t-2", new TaskStatus("STOPPED", "STOPPED"));
        ecs.put("t-3", new TaskStatus("STOPPED", "STOPPED"));
        assertThat(started.settleIn(prod)).as("op-6 begun in this run").hasSize(1);
        assertThat(journal.openOperations(JournaledStopTask.KIND)).extracting(l -> l.get(0).record().operationId())
                .containsExactly("op-6");
    }
}
