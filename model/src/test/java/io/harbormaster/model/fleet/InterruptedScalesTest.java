package io.harbormaster.model.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.model.environment.CallerIdentity;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.error.WriteOutcomeUnknown;
import io.harbormaster.model.journal.InMemoryWriteJournal;
import io.harbormaster.model.journal.JournalPhase;
import io.harbormaster.model.testdata.CrashingJournal;
import io.harbormaster.model.testdata.ManualClock;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Scales left open in the journal: found without AWS, read back on entry, closed with what AWS holds. */
class InterruptedScalesTest {

    private final InMemoryWriteJournal journal = new InMemoryWriteJournal(Clock.systemUTC());
    private final Map<String, Integer> aws = new HashMap<>();
    private final ReadDesiredCount read = (s, cluster, service) -> aws.containsKey(service)
            ? OptionalInt.of(aws.get(service)) : OptionalInt.empty();
    private final EnvironmentSession prod = new EnvironmentSession(new Environment("prod", "prod", "prod", "ops",
            "222222222222", "", List.of("eu-west-1"), "#aa0000", true, false, 0), new CallerIdentity("222222222222",
            "arn:aws:sts::222222222222:assumed-role/admin/bob", ""), "eu-west-1", null);

    /** A scale whose console died during the call (an Error: nothing catches it): its INTENT only. */
    private void killedDuring(String op, String service, int desired) {
        assertThatThrownBy(() -> new JournaledScaleService((s, c) -> {
            throw new CrashingJournal.Killed();
        }, journal, () -> op).scale(prod, new ScaleServiceCommand("apps", service, desired)))
                .isInstanceOf(CrashingJournal.Killed.class);
    }

    @Test
    void aScaleCutShortIsNamedThenReadBackAndClosedAsApplied() {
        killedDuring("op-1", "web", 6);
        aws.put("web", 6);
        InterruptedScales scales = new InterruptedScales(journal, read);

        assertThat(scales.open()).singleElement().satisfies(s -> assertThat(s.describe())
                .startsWith("Scale of web to 6 tasks in prod (eu-west-1), asked by ").contains("admin/bob"));
        List<String> found = scales.settleIn(prod);

        assertThat(found).singleElement().asString().contains("read back: applied (desired count 6)");
        assertThat(journal.operation("op-1")).extracting(e -> e.record().phase()).containsExactly(
                JournalPhase.INTENT, JournalPhase.DONE, JournalPhase.END);
        assertThat(scales.open()).isEmpty();
        assertThat(scales.found()).isEqualTo(found);
    }

    @Test
    void aScaleThatNeverReachedAwsIsClosedAsFailedWithTheCountFound() {
        killedDuring("op-2", "web", 6);
        aws.put("web", 3);

        List<String> found = new InterruptedScales(journal, read).settleIn(prod);

        assertThat(found).singleElement().asString().contains("not applied (desired count still 3)");
        assertThat(journal.operation("op-2")).extracting(e -> e.record().phase()).containsExactly(
                JournalPhase.INTENT, JournalPhase.FAILED, JournalPhase.END);
    }

    @Test
    void aScaleJournalsTheCountItScalesFromAndIsReadBackAgainstIt() {
        assertThatThrownBy(() -> new JournaledScaleService((s, c) -> {
            throw new CrashingJournal.Killed();
        }, journal, () -> "op-6").scale(prod, new ScaleServiceCommand("apps", "web", 6, OptionalInt.of(3))))
                .isInstanceOf(CrashingJournal.Killed.class);
        assertThat(journal.operation("op-6").get(0).record().fact(JournaledScaleService.FROM_COUNT)).isEqualTo("3");
        aws.put("web", 4);
        InterruptedScales scales = new InterruptedScales(journal, read);

        assertThat(scales.open()).singleElement().satisfies(s -> assertThat(s.describe())
                .startsWith("Scale of web from 3 to 6 tasks in prod (eu-west-1)"));
        assertThat(scales.settleIn(prod)).singleElement().asString().contains("not applied (desired count 4,"
                + " neither the 6 asked for nor the 3 scaled from: changed since)");
    }

    @Test
    void scalesOfThisRunOrOfAnotherEnvironmentOrUnreadableStayOpen() {
        killedDuring("op-3", "web", 6);
        InterruptedScales fromBefore = new InterruptedScales(journal, (s, c, v) -> {
            throw new OperatorException(new Problem(Problem.Kind.NETWORK, "AWS unreachable", "no route", "", ""));
        });
        EnvironmentSession elsewhere = new EnvironmentSession(prod.environment(), prod.identity(), "us-east-1", null);

        assertThat(fromBefore.settleIn(elsewhere)).isEmpty();
        assertThat(fromBefore.settleIn(prod)).as("AWS could not be read").isEmpty();
        InterruptedScales started = new InterruptedScales(journal, read);
        killedDuring("op-4", "api", 2);
        assertThat(started.open()).as("op-4 begun in this run").extracting(InterruptedScale::operationId)
                .containsExactly("op-3");
        assertThat(journal.openOperations(JournaledScaleService.KIND)).hasSize(2);
    }

    @Test
    void aScaleOfARunWhoseClockWasAheadIsStillTheEarlierRuns() {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-06T12:00:00Z"));
        InMemoryWriteJournal sandboxed = new InMemoryWriteJournal(clock);
        assertThatThrownBy(() -> new JournaledScaleService((s, c) -> {
            throw new CrashingJournal.Killed();
        }, sandboxed, () -> "op-5").scale(prod, new ScaleServiceCommand("apps", "web", 6)))
                .isInstanceOf(CrashingJournal.Killed.class);
        clock.moveTo(Instant.parse("2026-12-06T09:00:00Z")); // the sandbox started again, its clock from the start

        InterruptedScales restarted = new InterruptedScales(sandboxed, read);
        aws.put("web", 6);

        assertThat(restarted.open()).extracting(InterruptedScale::operationId).containsExactly("op-5");
        assertThat(restarted.settleIn(prod)).singleElement().asString().contains("read back: applied");
    }

    @Test
    void aScaleWhoseOutcomeIsUnknownIsNotedAndLeftOpenNotFailed() {
        WriteOutcomeUnknown unknown = new WriteOutcomeUnknown(new Problem(Problem.Kind.NETWORK,
                "Write may have been applied", "no answer and no read-back", "", ""), null);
        JournaledScaleService scale = new JournaledScaleService((s, c) -> {
            throw unknown;
        }, journal, () -> "op-4");

        assertThatThrownBy(() -> scale.scale(prod, new ScaleServiceCommand("apps", "web", 2))).isSameAs(unknown);

        assertThat(journal.operation("op-4")).extracting(e -> e.record().phase()).containsExactly(
                JournalPhase.INTENT, JournalPhase.NOTE);
        assertThat(journal.openOperations(JournaledScaleService.KIND)).hasSize(1);
    }
}
