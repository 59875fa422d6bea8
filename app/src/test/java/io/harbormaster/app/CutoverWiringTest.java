package io.harbormaster.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.app.store.LocalStore;
import io.harbormaster.app.store.SqliteAuditBacklog;
import io.harbormaster.app.store.SqliteWriteJournal;
import io.harbormaster.model.concurrent.ThreadFamily;
import io.harbormaster.model.cutover.CutoverJournal;
import io.harbormaster.model.cutover.CutoverPhase;
import io.harbormaster.model.cutover.CutoverPlan;
import io.harbormaster.model.cutover.CutoverPlanner;
import io.harbormaster.model.cutover.CutoverRunner;
import io.harbormaster.model.cutover.CutoverService;
import io.harbormaster.model.cutover.GatePolicy;
import io.harbormaster.model.cutover.PlanShape;
import io.harbormaster.model.cutover.Route53WeightedRecord;
import io.harbormaster.model.cutover.WeightedRoute;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.model.journal.JournalPhase;
import io.harbormaster.model.journal.JournalRecord;
import io.harbormaster.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's cutover wiring against the embedded sandbox: the audit log's backlog copied as it starts, and the service
 * the Cutovers page will use finds the weighted record, runs a canary driven by its own ticker on the sandbox's clock,
 * and leaves the whole story in the SQLite journal.
 */
class CutoverWiringTest {

    /**
     * Before the canary, as the console starts: a line the last run could not copy to the audit log goes at once,
     * with no cutover or other write in this run to carry it.
     */
    @Test
    void aLineLeftWaitingIsCopiedAtStartThenACanaryRunsThroughTheWiredServiceAndIsJournaledInSqlite(@TempDir Path dir)
            throws Exception {
        EmbeddedSandbox embedded = EmbeddedSandbox.start(SandboxOptions.forTests(), "alice", dir.resolve("aws"));
        Path db = dir.resolve("h.db");
        try (LocalStore store = LocalStore.open(db)) {
            JournalEntry line = new SqliteWriteJournal(store, embedded.clock(ZoneOffset.UTC)).append(new JournalRecord(
                    "yesterday-1", "scale", JournalPhase.INTENT, "sandbox-stage", "api-docs", "alice",
                    "Scale api-docs to 3", "", Map.of()));
            new SqliteAuditBacklog(store).add(line);   // that run was closed before its copy went
        }
        embedded.sandbox().control().recordRequests(true);
        try (ThreadFamily threads = new ThreadFamily("test");
                Harbormaster app = new Harbormaster(LocalStore.open(db), Optional.of(embedded),
                        embedded.files(), Clock.systemUTC(), threads)) {
            for (int i = 0; i < 150 && app.cutovers().journal().pending() > 0; i++) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            assertThat(app.cutovers().journal().pending()).as("copied at start, not after the minute's retry")
                    .isZero();
            assertThat(app.cutovers().journal().copyProblem()).isEmpty();
            assertThat(embedded.sandbox().control().recordedRequests()).filteredOn(r -> "Logs_20140328.PutLogEvents"
                    .equals(r.headers().get("x-amz-target"))).singleElement()
                    .satisfies(r -> assertThat(r.body()).contains("yesterday-1"));

            MfaPrompt device = (environment, serial) -> Optional.of(embedded.sandbox().currentTotpCode("alice"));
            CutoverService service = app.cutovers().service(device, "alice");
            embedded.sandbox().clock().advance(Duration.ofMinutes(10));
            WeightedRoute api = service.find("sandbox-prod").stream().filter(r -> r instanceof Route53WeightedRecord
                    rec && rec.name().equals("api.example.com.")).findFirst().orElseThrow();
            GatePolicy gates = GatePolicy.standard();
            CutoverPlan plan = CutoverPlanner.plan("wired-1", api, "blue", "green", new PlanShape.Canary(5),
                    Duration.ofMinutes(3), gates, service.resolve(api, List.of("sandbox-prod")));
            CutoverRunner runner = service.start(plan);
            for (int i = 0; i < 600 && !runner.finished() && runner.state().phase() != CutoverPhase.PAUSED; i++) {
                embedded.sandbox().clock().advance(Duration.ofSeconds(5));
                TimeUnit.MILLISECONDS.sleep(20);
            }
            assertThat(runner.state().phase()).as(runner.state().pausedBecause()).isEqualTo(CutoverPhase.SUCCEEDED);
            List<JournalEntry> lines = app.cutovers().journal().operation("wired-1");
            assertThat(lines).filteredOn(e -> e.record().phase() == JournalPhase.INTENT
                    && CutoverJournal.WRITE.equals(e.record().fact(CutoverJournal.EVENT))).hasSize(2);
            assertThat(lines.get(lines.size() - 1).record().phase()).isIn(JournalPhase.END, JournalPhase.NOTE);
            assertThat(app.cutovers().journal().openOperations(CutoverJournal.KIND)).isEmpty();
            assertThat(service.reconcileOpen()).isEmpty();
        }
    }
}
