package io.harbormaster.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.model.journal.JournalPhase;
import io.harbormaster.model.journal.JournalRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteWriteJournalTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);

    private static JournalRecord intent(String operation, String kind) {
        return new JournalRecord(operation, kind, JournalPhase.INTENT, "prod", "arn:aws:ecs:us-east-1:1:service/c/api",
                "arn:aws:iam::9:user/alice", "UpdateService api → api:43", "", Map.of("taskDefinition", "api:43"));
    }

    @Test
    void linesSurviveReopeningAndComeBackPerOperationInOrder() throws Exception {
        Path db = dir.resolve("h.db");
        try (LocalStore store = LocalStore.open(db)) {
            SqliteWriteJournal journal = new SqliteWriteJournal(store, clock);
            JournalRecord intent = intent("op-1", "deploy");
            journal.append(intent);
            journal.append(intent("op-2", "cutover"));
            journal.append(intent.as(JournalPhase.DONE, "api deploying api:43", "req-123", Map.of("deployment", "d-1")));
        }
        try (LocalStore store = LocalStore.open(db)) {
            SqliteWriteJournal journal = new SqliteWriteJournal(store, clock);
            List<JournalEntry> lines = journal.operation("op-1");
            assertThat(lines).extracting(e -> e.record().phase()).containsExactly(JournalPhase.INTENT,
                    JournalPhase.DONE);
            assertThat(lines.get(1).record().awsRequestId()).isEqualTo("req-123");
            assertThat(lines.get(1).record().facts()).containsEntry("taskDefinition", "api:43")
                    .containsEntry("deployment", "d-1");
            assertThat(lines.get(0).sequence()).isLessThan(lines.get(1).sequence());
            assertThat(lines.get(0).at()).isEqualTo(clock.instant());
            assertThat(journal.recent(2)).extracting(e -> e.record().operationId()).containsExactly("op-1", "op-2");
        }
    }

    @Test
    void anOperationWithoutAnEndLineIsOpen() throws Exception {
        try (LocalStore store = LocalStore.open(dir.resolve("h.db"))) {
            SqliteWriteJournal journal = new SqliteWriteJournal(store, clock);
            JournalRecord first = intent("op-1", "cutover");
            journal.append(first);
            journal.append(first.as(JournalPhase.END, "cutover finished", "", Map.of()));
            journal.append(intent("op-2", "cutover"));
            journal.append(intent("op-3", "deploy"));
            assertThat(journal.openOperations("cutover")).hasSize(1)
                    .allSatisfy(lines -> assertThat(lines.get(0).record().operationId()).isEqualTo("op-2"));
            assertThat(journal.openOperations("deploy")).hasSize(1);
        }
    }
}
