package io.harbormaster.model.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditedJournalTest {

    private final InMemoryWriteJournal local = new InMemoryWriteJournal(Clock.fixed(Instant.parse(
            "2026-12-06T03:00:00Z"), ZoneOffset.UTC));
    private final List<JournalEntry> copied = new ArrayList<>();
    private boolean offline;
    private final AuditSink sink = (lines, progress) -> {
        if (offline) {
            throw new IllegalStateException("no route to logs.us-east-1.amazonaws.com");
        }
        lines.forEach(l -> copied.add(l.entry()));
    };
    private final AuditBacklog backlog = new InMemoryAuditBacklog();
    private final AuditedJournal journal = new AuditedJournal(local, backlog, sink, Runnable::run);

    private static JournalRecord line(String summary) {
        return new JournalRecord("cut-1", "cutover", JournalPhase.INTENT, "prod", "Z0/api/A", "alice", summary, "",
                Map.of("event", "write"));
    }

    @Test
    void readsAreTheLocalJournalsIncludingItsNoteOfAPendingCopy() {
        offline = true;
        journal.append(line("Write step 1"));

        assertThat(journal.operation("cut-1")).isEqualTo(local.operation("cut-1")).hasSize(2);
        assertThat(journal.recent(1)).extracting(e -> e.record().fact("event"))
                .containsExactly(AuditedJournal.AUDIT_PENDING);
        assertThat(journal.openOperations("cutover")).isEqualTo(local.openOperations("cutover")).hasSize(1);
    }

    @Test
    void everyLineIsCopiedAfterItIsStoredLocally() {
        journal.append(line("Write step 1"));
        assertThat(copied).extracting(e -> e.record().summary()).containsExactly("Write step 1");
        assertThat(local.operation("cut-1")).hasSize(1);
    }

    @Test
    void aFailedCopyNeverStopsTheWriteAndIsSaidInTheJournalOnceThenRetried() {
        offline = true;
        JournalEntry first = journal.append(line("Write step 1"));
        journal.append(line("Write step 2"));
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(journal.pending()).isEqualTo(2);
        List<JournalEntry> lines = local.operation("cut-1");
        assertThat(lines).extracting(e -> e.record().fact("event")).containsExactly("write",
                AuditedJournal.AUDIT_PENDING, "write");
        assertThat(lines.get(1).record().summary()).contains("pending", "no route to logs");
        assertThat(journal.copyProblem()).hasValueSatisfying(p -> assertThat(p).contains("no route to logs"));

        offline = false;
        journal.retryPending();
        assertThat(journal.pending()).isZero();
        assertThat(journal.copyProblem()).isEmpty();
        assertThat(copied).extracting(e -> e.record().summary()).containsExactly("Write step 1", "Write step 2");
    }

    @Test
    void linesAnEarlierRunLeftWaitingAreCopiedByTheNextWithWhetherTheyWereSent() {
        offline = true;
        journal.append(line("Write step 1"));
        JournalEntry second = journal.append(line("Write step 2"));
        backlog.sending(List.of(second));   // that run died with step 2 on the wire

        offline = false;
        List<AuditCopy> given = new ArrayList<>();
        AuditedJournal restarted = new AuditedJournal(local, backlog, (lines, progress) -> given.addAll(lines),
                Runnable::run);
        assertThat(restarted.pending()).isEqualTo(2);
        restarted.retryPending();

        assertThat(given).extracting(c -> c.entry().record().summary(), AuditCopy::sent)
                .containsExactly(tuple("Write step 1", false),
                        tuple("Write step 2", true));
        assertThat(restarted.pending()).isZero();
    }

    @Test
    void linesASinkCopiedBeforeItFailedAreNotSentAgain() {
        journal.append(line("Write step 1"));
        offline = true;
        journal.append(line("Write step 2"));
        AuditSink halfway = (lines, progress) -> {
            progress.copied(List.of(lines.get(0).entry()));
            throw new IllegalStateException("connection reset");
        };
        AuditedJournal failingHalfway = new AuditedJournal(local, backlog, halfway, Runnable::run);
        JournalEntry third = failingHalfway.append(line("Write step 3"));

        assertThat(backlog.waiting()).extracting(AuditCopy::entry).containsExactly(third);
    }
}
