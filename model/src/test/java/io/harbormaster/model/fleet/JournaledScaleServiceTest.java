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

class JournaledScaleServiceTest {

    private final InMemoryWriteJournal journal = new InMemoryWriteJournal(Clock.systemUTC());
    private final List<String> order = new ArrayList<>();
    private final EnvironmentSession prod = new EnvironmentSession(new Environment("prod", "prod", "prod", "ops",
            "222222222222", "", List.of("eu-west-1"), "#aa0000", true, false, 0), new CallerIdentity("222222222222",
            "arn:aws:sts::222222222222:assumed-role/admin/bob", ""), "eu-west-1", null);

    @Test
    void theIntentIsWrittenBeforeTheCallAndTheRequestIdAfter() {
        JournaledScaleService scale = new JournaledScaleService((s, c) -> {
            order.add("call with " + journal.recent(10).size() + " line(s) written");
            return "req-42";
        }, journal, () -> "op-1");

        scale.scale(prod, new ScaleServiceCommand("apps", "web", 6));

        assertThat(order).containsExactly("call with 1 line(s) written");
        List<JournalEntry> lines = journal.operation("op-1");
        assertThat(lines).extracting(e -> e.record().phase()).containsExactly(JournalPhase.INTENT,
                JournalPhase.DONE, JournalPhase.END);
        assertThat(lines.get(1).record().awsRequestId()).isEqualTo("req-42");
        assertThat(lines.get(0).record().actor()).endsWith("admin/bob");
        assertThat(lines.get(0).record().fact("desiredCount")).isEqualTo("6");
        assertThat(journal.openOperations(JournaledScaleService.KIND)).isEmpty();
    }

    @Test
    void aFailedCallIsJournalledFailedAndRethrown() {
        OperatorException denied = new OperatorException(new Problem(Problem.Kind.ACCESS_DENIED, "Access denied",
                "bob may not scale web", "", ""));
        JournaledScaleService scale = new JournaledScaleService((s, c) -> {
            throw denied;
        }, journal, () -> "op-2");

        assertThatThrownBy(() -> scale.scale(prod, new ScaleServiceCommand("apps", "web", 6))).isSameAs(denied);
        assertThat(journal.operation("op-2")).extracting(e -> e.record().phase()).containsExactly(
                JournalPhase.INTENT, JournalPhase.FAILED, JournalPhase.END);
        assertThat(journal.operation("op-2").get(1).record().summary()).contains("bob may not scale web");
    }
}
