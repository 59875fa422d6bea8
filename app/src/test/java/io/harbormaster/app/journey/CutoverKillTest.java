package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.app.store.LocalStore;
import io.harbormaster.app.store.SqliteWriteJournal;
import io.harbormaster.model.cutover.CutoverJournal;
import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the console in the middle of a cutover, at each journal point of step 2 — before the write (INTENT
 * journaled), after the write before its DONE, after the DONE before the read-back, mid-bake — then a restart that
 * reconciles and resumes. The console is a child JVM ({@link CutoverChild}: the real adapters and the SQLite journal
 * in a file) killed with {@link Process#destroyForcibly()} (SIGKILL); the sandbox lives in this JVM so AWS's state
 * survives the kill. Checked: every step's weights reached AWS exactly once, in order; each step confirmed and judged
 * once; the cutover ends at 100 %.
 */
class CutoverKillTest {

    @TempDir
    static Path home;

    private static Sandbox sandbox;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = ChildJvm.sandbox(home);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
        sandbox = null; // the class stays loaded for the rest of the test JVM
    }

    @ParameterizedTest
    @ValueSource(strings = {"before-write", "after-write", "before-readback", "mid-bake"})
    void killedAtAJournalPointTheRestartResumesWithoutRepeatingOrSkippingAStep(String point) throws Exception {
        new SandboxWrites(home, sandbox).weightedRule("stage", "333333333333", "app-alb", CutoverChild.ROUTE_HOST,
                "app-web", 100, "app-search", 0);
        Path db = home.resolve(point + ".db");
        Path signals = home.resolve(point + ".signals");

        Process first = child(db, signals, "start", point, "2");
        awaitSignal(signals, "AT " + point, first);
        first.destroyForcibly();
        assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        Process second = child(db, signals, "resume", "", "0");
        awaitSignal(signals, "END ", second);
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> lines = Files.readAllLines(signals);
        String end = lines.stream().filter(l -> l.startsWith("END ")).findFirst().orElseThrow();
        assertThat(end).as(String.join("\n", lines)).startsWith("END SUCCEEDED");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("RECONCILED"));

        List<String> written = lines.stream().filter(l -> l.startsWith("WROTE ")).map(l -> l.substring(6)).toList();
        assertThat(written).as("each step's weights reached AWS once, in order\n" + String.join("\n", lines))
                .hasSize(4).doesNotHaveDuplicates();
        assertThat(shareToSecond(written)).containsExactly(25, 50, 75, 100);

        String cutoverId = lines.stream().filter(l -> l.startsWith("PLAN ")).findFirst().orElseThrow().substring(5);
        try (LocalStore store = LocalStore.open(db)) {
            List<JournalEntry> journal = new SqliteWriteJournal(store, Clock.systemUTC()).operation(cutoverId);
            assertThat(steps(journal, CutoverJournal.CONFIRMED)).as("confirmed steps").containsExactly(1, 2, 3, 4);
            assertThat(steps(journal, CutoverJournal.GATES)).as("judged steps").containsExactly(1, 2, 3, 4);
            assertThat(journal).anySatisfy(e -> assertThat(e.record().facts().get(CutoverJournal.EVENT))
                    .isEqualTo(CutoverJournal.RESTART));
        }
    }

    /**
     * Two consoles, two machines (two processes, two journals), one rule: the second is refused by the first's lock
     * in Route 53 and told who holds it, and writes nothing; the first, restarted, finishes and releases it.
     */
    @Test
    void aSecondConsoleIsRefusedByTheLockAndToldWhoHoldsIt() throws Exception {
        new SandboxWrites(home, sandbox).weightedRule("stage", "333333333333", "app-alb", CutoverChild.ROUTE_HOST,
                "app-web", 100, "app-search", 0);
        Path holderDb = home.resolve("holder.db");
        Path holderSignals = home.resolve("holder.signals");
        Process holder = child(holderDb, holderSignals, "start", "mid-bake", "1");
        awaitSignal(holderSignals, "AT mid-bake", holder);

        Path otherSignals = home.resolve("other.signals");
        Process other = child(home.resolve("other.db"), otherSignals, "start", "", "0");
        awaitSignal(otherSignals, "BLOCKED ", other);
        assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> seen = Files.readAllLines(otherSignals);
        assertThat(seen).filteredOn(l -> l.startsWith("BLOCKED ")).singleElement().asString()
                .contains("alice", "child-" + holder.pid());
        assertThat(seen).as("the refused console wrote nothing").noneMatch(l -> l.startsWith("WROTE "));

        holder.destroyForcibly();
        assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();
        Process again = child(holderDb, holderSignals, "resume", "", "0");
        awaitSignal(holderSignals, "END ", again);
        assertThat(Files.readAllLines(holderSignals)).anySatisfy(l -> assertThat(l).startsWith("END SUCCEEDED"));
    }

    private static List<Integer> shareToSecond(List<String> encoded) {
        List<Integer> out = new ArrayList<>();
        for (String e : encoded) {
            String[] parts = e.split(",");
            int a = Integer.parseInt(parts[0].substring(parts[0].lastIndexOf('=') + 1));
            int b = Integer.parseInt(parts[1].substring(parts[1].lastIndexOf('=') + 1));
            out.add((int) Math.round(100.0 * b / (a + b)));
        }
        return out;
    }

    private static List<Integer> steps(List<JournalEntry> journal, String event) {
        return journal.stream().filter(e -> event.equals(e.record().facts().get(CutoverJournal.EVENT))
                && !"rollback".equals(e.record().facts().get(CutoverJournal.PURPOSE))
                && e.record().phase() != io.harbormaster.model.journal.JournalPhase.INTENT)
                .map(e -> Integer.parseInt(e.record().facts().get(CutoverJournal.STEP))).toList();
    }

    private static Process child(Path db, Path signals, String mode, String point, String step) throws Exception {
        return new ChildJvm(home).start(CutoverChild.class, db.getFileName() + "." + mode, home.toString(),
                db.toString(), signals.toString(), mode, point, step);
    }

    private static void awaitSignal(Path signals, String prefix, Process child) throws Exception {
        new ChildJvm(home).awaitSignal(signals, prefix, child);
    }
}
