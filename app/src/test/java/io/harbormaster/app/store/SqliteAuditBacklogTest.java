package io.harbormaster.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.harbormaster.model.journal.AuditCopy;
import io.harbormaster.model.journal.AuditedJournal;
import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.model.journal.JournalPhase;
import io.harbormaster.model.journal.JournalRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log's backlog outlives the console: lines waiting, and whether each was on the wire, come back. */
class SqliteAuditBacklogTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);

    private static JournalRecord line(String summary) {
        return new JournalRecord("op-1", "scale", JournalPhase.INTENT, "prod", "api", "alice", summary, "",
                Map.of("desiredCount", "5"));
    }

    @Test
    void waitingLinesAndWhetherTheyWereSentSurviveReopening() throws Exception {
        Path db = dir.resolve("h.db");
        try (LocalStore store = LocalStore.open(db)) {
            SqliteWriteJournal journal = new SqliteWriteJournal(store, clock);
            SqliteAuditBacklog backlog = new SqliteAuditBacklog(store);
            JournalEntry copied = journal.append(line("copied"));
            JournalEntry onTheWire = journal.append(line("on the wire"));
            JournalEntry notSent = journal.append(line("not sent"));
            List.of(copied, onTheWire, notSent).forEach(backlog::add);
            backlog.sending(List.of(copied, onTheWire));
            backlog.copied(List.of(copied));
        }
        try (LocalStore store = LocalStore.open(db)) {
            assertThat(new SqliteAuditBacklog(store).waiting())
                    .extracting(c -> c.entry().record().summary(), AuditCopy::sent)
                    .containsExactly(tuple("on the wire", true), tuple("not sent", false));
            assertThat(new SqliteAuditBacklog(store).waiting().get(0).entry().record().facts())
                    .containsEntry("desiredCount", "5");
        }
    }

    @Test
    void theNextRunsJournalCopiesWhatTheLastLeftWaiting() throws Exception {
        Path db = dir.resolve("h.db");
        try (LocalStore store = LocalStore.open(db)) {
            AuditedJournal offline = new AuditedJournal(new SqliteWriteJournal(store, clock),
                    new SqliteAuditBacklog(store), (lines, progress) -> {
                        progress.sending(lines.stream().map(AuditCopy::entry).toList());
                        throw new IllegalStateException("connection reset");
                    }, Runnable::run);
            offline.append(line("scale api to 5"));
        }
        List<AuditCopy> given = new ArrayList<>();
        try (LocalStore store = LocalStore.open(db)) {
            AuditedJournal restarted = new AuditedJournal(new SqliteWriteJournal(store, clock),
                    new SqliteAuditBacklog(store), (lines, progress) -> given.addAll(lines), Runnable::run);
            restarted.retryPending();
            assertThat(restarted.pending()).isZero();
        }
        assertThat(given).extracting(c -> c.entry().record().summary(), AuditCopy::sent)
                .containsExactly(tuple("scale api to 5", true));
    }

    /** The line and its backlog row are one transaction: a row that cannot be written takes the line back with it. */
    @Test
    void aLineWhoseBacklogRowCannotBeWrittenLeavesNeither() throws Exception {
        try (LocalStore store = LocalStore.open(dir.resolve("h.db"))) {
            SqliteWriteJournal local = new SqliteWriteJournal(store, clock);
            AuditedJournal journal = new AuditedJournal(local, new SqliteAuditBacklog(store),
                    (lines, progress) -> { }, command -> { });
            execute(store, "CREATE TRIGGER full BEFORE INSERT ON audit_backlog BEGIN SELECT RAISE(ABORT,"
                    + " 'database or disk is full'); END");

            assertThatThrownBy(() -> journal.append(line("scale api to 5"))).isInstanceOf(StoreException.class)
                    .hasMessageContaining("disk is full");
            assertThat(local.recent(10)).as("no journal line without its backlog row").isEmpty();

            execute(store, "DROP TRIGGER full");
            JournalEntry written = journal.append(line("scale api to 6"));
            assertThat(local.recent(10)).containsExactly(written);
            assertThat(new SqliteAuditBacklog(store).waiting()).extracting(AuditCopy::entry).containsExactly(written);
        }
    }

    private static void execute(LocalStore store, String sql) {
        store.withConnection(c -> {
            try (java.sql.Statement st = c.createStatement()) {
                return st.execute(sql);
            }
        });
    }
}
