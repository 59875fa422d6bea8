package io.harbormaster.model.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.model.environment.CallerIdentity;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.journal.InMemoryWriteJournal;
import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.model.journal.JournalPhase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournaledStopTaskTest {

    private static final String TASK = "arn:aws:ecs:eu-west-1:222222222222:task/apps/0f3c9a7e2b1d4c5e8f60718293a4b5c6";

    private final InMemoryWriteJournal journal = new InMemoryWriteJournal(Clock.systemUTC());
    private final List<String> order = new ArrayList<>();
    private final EnvironmentSession prod = new EnvironmentSession(new Environment("prod", "prod", "prod", "ops",
            "222222222222", "", List.of("eu-west-1"), "#aa0000", true, false, 0), new CallerIdentity("222222222222",
            "arn:aws:sts::222222222222:assumed-role/admin/bob", ""), "eu-west-1", null);
    private final StopTaskCommand command = new StopTaskCommand("apps", TASK, "web", "leaking memory");

    @Test
    void theIntentWithTheReasonIsWrittenBeforeTheCallAndTheRequestIdAfter() {
        JournaledStopTask stop = new JournaledStopTask((s, c) -> {
            order.add("call with " + journal.recent(10).size() + " line(s) written, reason " + c.reason());
            return "req-7";
        }, journal, () -> "op-1");

        stop.stop(prod, command);

        assertThat(order).containsExactly("call with 1 line(s) written, reason leaking memory");
        List<JournalEntry> lines = journal.operation("op-1");
        assertThat(lines).extracting(e -> e.record().phase()).containsExactly(JournalPhase.INTENT,
                JournalPhase.DONE, JournalPhase.END);
        assertThat(lines).allSatisfy(e -> assertThat(e.record().kind()).isEqualTo(JournaledStopTask.KIND));
        assertThat(lines.get(0).record().resource()).isEqualTo(TASK);
        assertThat(lines.get(0).record().summary()).isEqualTo(
                "StopTask 0f3c9a7e2b1d4c5e8f60718293a4b5c6 of web: leaking memory");
        assertThat(lines.get(0).record().fact("reason")).isEqualTo("leaking memory");
        assertThat(lines.get(0).record().actor()).endsWith("admin/bob");
        assertThat(lines.get(1).record().awsRequestId()).isEqualTo("req-7");
        assertThat(journal.openOperations(JournaledStopTask.KIND)).isEmpty();
    }

    @Test
    void aFailedCallIsJournalledFailedAndRethrown() {
        OperatorException gone = new OperatorException(new Problem(Problem.Kind.NOT_FOUND, "Task not found",
                "the task stopped already", "", ""));
        JournaledStopTask stop = new JournaledStopTask((s, c) -> {
            throw gone;
        }, journal, () -> "op-2");

        assertThatThrownBy(() -> stop.stop(prod, command)).isSameAs(gone);
        assertThat(journal.operation("op-2")).extracting(e -> e.record().phase()).containsExactly(
                JournalPhase.INTENT, JournalPhase.FAILED, JournalPhase.END);
        assertThat(journal.operation("op-2").get(1).record().summary()).contains("the task stopped already");
    }
}
