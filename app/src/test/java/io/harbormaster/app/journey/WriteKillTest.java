package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.app.store.LocalStore;
import io.harbormaster.aws.config.AwsConfigFiles;
import io.harbormaster.aws.config.AwsProfiles;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.app.store.SqliteUiStateStore;
import io.harbormaster.app.store.SqliteWriteJournal;
import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.model.journal.JournalPhase;
import io.harbormaster.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kill -9 of the console during a write to AWS (a scale, a task stop, each step of a deploy) and during store writes, then a
 * restart on the same SQLite file ({@link WriteChild}, a process of its own; the sandbox lives in this JVM so AWS's
 * state survives the kill). Checked: the store opens and passes SQLite's integrity check, the journal holds every
 * line written before the kill and no half line, the restart names each interrupted write, reads it back, and
 * leaves no operation open; a write reached AWS at most once.
 */
class WriteKillTest {

    private static final System.Logger LOG = System.getLogger(WriteKillTest.class.getName());

    @TempDir
    static Path home;

    private static Sandbox sandbox;
    private static ChildJvm children;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = ChildJvm.sandbox(home);
        children = new ChildJvm(home);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
        sandbox = null; // the class stays loaded for the rest of the test JVM
    }

    private static Process child(String name, String mode, String point) throws Exception {
        return children.start(WriteChild.class, name + "." + mode, home.toString(),
                home.resolve(name + ".db").toString(), home.resolve(name + ".signals").toString(), mode, point);
    }

    /** UpdateService requests the sandbox recorded whose body holds {@code text}: this test's write, no other. */
    private static long updateServiceCalls(String text) {
        return ecsCalls("UpdateService", text);
    }

    /** ECS {@code operation} requests the sandbox recorded whose body holds {@code text}. */
    private static long ecsCalls(String operation, String text) {
        return sandbox.control().recordedRequests().stream().filter(r -> ("AmazonEC2ContainerServiceV20141113."
                + operation).equals(r.headers().get("x-amz-target")) && r.body().contains(text)).count();
    }

    /** Kills the child at {@code point}, restarts on the same store; answers the restart's signals. */
    private static List<String> killedAtThenRestarted(String name, String mode, String point) throws Exception {
        return killedAtThenRestarted(name, mode, point, () -> { });
    }

    /** The same, with {@code meanwhile} done in AWS between the kill and the restart. */
    private static List<String> killedAtThenRestarted(String name, String mode, String point, Runnable meanwhile)
            throws Exception {
        Path signals = home.resolve(name + ".signals");
        Process first = child(name, mode, point);
        children.awaitSignal(signals, "AT " + point, first);
        ChildJvm.kill(first);
        meanwhile.run();
        int before = Files.readAllLines(signals).size();
        Process second = child(name, "restart", "");
        children.awaitSignal(signals, "DONE", second);
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> lines = Files.readAllLines(signals);
        return lines.subList(before, lines.size());
    }

    private static SqliteWriteJournal journal(LocalStore store) {
        return new SqliteWriteJournal(store, Clock.systemUTC());
    }

    /** What the child named {@code name} signalled after {@code tag} ("ASKED 3" → "3"). */
    private static String signalled(String name, String tag) throws java.io.IOException {
        return Files.readAllLines(home.resolve(name + ".signals")).stream().filter(l -> l.startsWith(tag + " "))
                .findFirst().orElseThrow().substring(tag.length() + 1);
    }

    /** The write's one operation read back and closed on restart: nothing of {@code kind} open, its lines newest first. */
    private static void closedAs(String name, String kind, JournalPhase outcome) throws Exception {
        try (LocalStore store = LocalStore.open(home.resolve(name + ".db"))) {
            assertThat(journal(store).openOperations(kind)).as("nothing left open").isEmpty();
            assertThat(journal(store).recent(10)).extracting(e -> e.record().phase()).containsExactly(
                    JournalPhase.END, outcome, JournalPhase.INTENT);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"before-send", "after-send"})
    void aScaleKilledMidWriteIsNamedReadBackAndClosedOnRestart(String point) throws Exception {
        String name = "scale-" + point;
        sandbox.control().recordRequests(true);

        List<String> restart = killedAtThenRestarted(name, "scale", point);

        String asked = signalled(name, "ASKED");
        assertThat(restart).as(String.join("\n", restart)).anySatisfy(l -> assertThat(l)
                .startsWith("OPEN Scale of api-docs from " + (Integer.parseInt(asked) - 1) + " to " + asked
                        + " tasks in sandbox-stage (us-east-1)"));
        boolean sent = point.equals("after-send");
        assertThat(restart).anySatisfy(l -> assertThat(l).startsWith("FOUND Scale of api-docs").contains(sent
                ? "read back: applied (desired count " + asked + ")"
                : "read back: not applied (desired count still " + (Integer.parseInt(asked) - 1) + ")"));
        assertThat(updateServiceCalls("\"desiredCount\":" + asked)).as("UpdateService reached AWS at most once")
                .isEqualTo(sent ? 1 : 0);
        closedAs(name, "scale", sent ? JournalPhase.DONE : JournalPhase.FAILED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"before-send", "after-send"})
    void aTaskStopKilledMidWriteIsNamedReadBackAndClosedOnRestart(String point) throws Exception {
        String name = "stop-" + point;
        sandbox.control().recordRequests(true);

        List<String> restart = killedAtThenRestarted(name, "stop", point);

        String task = signalled(name, "TASK");
        String what = "Stop of task " + task.substring(task.lastIndexOf('/') + 1) + " in sandbox-stage (us-east-1)";
        boolean sent = point.equals("after-send");
        assertThat(restart).as(String.join("\n", restart)).contains("OPEN " + what + ": not read back yet")
                .anySatisfy(l -> assertThat(l).startsWith("FOUND " + what + ": ").contains(sent
                        ? "done: ECS is stopping it" : "not done: the task is still RUNNING"));
        assertThat(ecsCalls("StopTask", task)).as("StopTask reached AWS at most once").isEqualTo(sent ? 1 : 0);
        closedAs(name, "stop-task", sent ? JournalPhase.DONE : JournalPhase.FAILED);
    }

    /**
     * Killed before its StopTask went out, and meanwhile the task was stopped for another reason (another operator,
     * here): the restart does not take that stop for ours, and says so.
     */
    @Test
    void aTaskStopKilledBeforeSendThatSomethingElseStoppedIsToldNotNeeded() throws Exception {
        String name = "stop-other";
        sandbox.control().recordRequests(true);

        List<String> restart = killedAtThenRestarted(name, "stop", "before-send", () -> stopAsAnotherOperator(
                signalledUnchecked(name, "TASK"), "replaced by carol"));

        String task = signalled(name, "TASK");
        String what = "Stop of task " + task.substring(task.lastIndexOf('/') + 1) + " in sandbox-stage (us-east-1)";
        assertThat(restart).as(String.join("\n", restart)).anySatisfy(l -> assertThat(l)
                .startsWith("FOUND " + what + ": not needed: the task had already ")
                .endsWith(": replaced by carol (UserInitiated); our stop was not needed"));
        assertThat(ecsCalls("StopTask", task)).as("only the other operator's StopTask").isEqualTo(1);
        closedAs(name, "stop-task", JournalPhase.FAILED);
    }

    private static String signalledUnchecked(String name, String tag) {
        try {
            return signalled(name, tag);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A StopTask from outside the console, with its own reason. */
    private static void stopAsAnotherOperator(String task, String reason) {
        AwsConfigFiles files = new AwsConfigFiles(home.resolve("sandbox/config"), home.resolve("sandbox/credentials"));
        AwsClientFactory clients = new AwsClientFactory();
        AwsSessions sessions = new AwsSessions(() -> AwsProfiles.load(files), clients, Clock.systemUTC());
        EnvironmentSession stage = sessions.enter(CutoverChild.STAGE, (environment, serial) -> Optional.empty());
        clients.ecs(sessions.context(stage)).stopTask(r -> r.cluster(WriteChild.SERVICE.cluster()).task(task)
                .reason(reason));
    }

    @ParameterizedTest
    @ValueSource(strings = {"after-register", "after-update"})
    void aDeployKilledAfterAStepIsNamedAndTakenUpOnRestart(String point) throws Exception {
        String name = "deploy-" + point;
        sandbox.control().recordRequests(true);

        List<String> restart = killedAtThenRestarted(name, "deploy", point);

        boolean updated = point.equals("after-update");
        assertThat(restart).as(String.join("\n", restart)).anySatisfy(l -> assertThat(l)
                .startsWith("OPEN Deploy of api-docs").contains(updated ? "(UpdateService sent, no answer recorded)"
                        : "(UpdateService not sent)"));
        String started = Files.readAllLines(home.resolve(name + ".signals")).stream()
                .filter(l -> l.startsWith("STARTED ")).findFirst().map(l -> l.substring(8)).orElse("");
        assertThat(restart).anySatisfy(l -> assertThat(l).isEqualTo("FOUND Deploy of api-docs: "
                + (updated ? "following " + started : "closed, nothing deployed")));
        String registered = signalled(name, "REGISTERED");
        assertThat(updateServiceCalls(registered)).as("UpdateService reached AWS at most once")
                .isEqualTo(updated ? 1 : 0);
        try (LocalStore store = LocalStore.open(home.resolve(name + ".db"))) {
            List<List<JournalEntry>> open = journal(store).openOperations("deploy");
            if (updated) {
                assertThat(open).singleElement().satisfies(lines -> assertThat(lines).extracting(e -> e.record()
                        .phase()).containsExactly(JournalPhase.INTENT, JournalPhase.DONE, JournalPhase.INTENT,
                        JournalPhase.NOTE));
            } else {
                assertThat(open).isEmpty();
            }
        }
    }

    @Test
    void storeWritesKilledMidWayLeaveAConsistentStoreWithEveryAcknowledgedLine() throws Exception {
        String name = "store";
        Path signals = home.resolve(name + ".signals");
        Process writer = child(name, "store", "");
        children.awaitSignal(signals, "ACK 500", writer);
        ChildJvm.kill(writer);
        int acknowledged = Files.readAllLines(signals).stream().filter(l -> l.startsWith("ACK "))
                .mapToInt(l -> Integer.parseInt(l.substring(4))).max().orElseThrow();

        try (LocalStore store = LocalStore.open(home.resolve(name + ".db"))) {
            String check = store.withConnection(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                    return rs.next() ? rs.getString(1) : "";
                }
            });
            assertThat(check).isEqualTo("ok");
            Map<Integer, List<JournalPhase>> rounds = new TreeMap<>(journal(store).recent(1_000_000).stream()
                    .filter(e -> e.record().kind().equals("store-test")).collect(Collectors.groupingBy(
                            e -> Integer.parseInt(e.record().fact("n")), Collectors.mapping(e -> e.record().phase(),
                                    Collectors.toList()))));
            int last = ((TreeMap<Integer, List<JournalPhase>>) rounds).lastKey();
            assertThat(last).as("every acknowledged round survived the kill").isGreaterThanOrEqualTo(acknowledged);
            assertThat(rounds.keySet()).as("no round missing").hasSize(last);
            rounds.forEach((n, phases) -> {
                if (n < last) {
                    assertThat(phases).as("round " + n).hasSize(3);
                }
            });
            assertThat(journal(store).openOperations("store-test").size()).as("only the round in flight is open")
                    .isLessThanOrEqualTo(1);
            long alone = store.withConnection(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM journal j"
                        + " WHERE kind = 'store-test' AND NOT EXISTS (SELECT 1 FROM audit_backlog b WHERE b.seq = j.seq)")) {
                    return rs.next() ? rs.getLong(1) : -1L;
                }
            });
            assertThat(alone).as("every journal line with its audit backlog row, the kill's included").isZero();
            LOG.log(System.Logger.Level.INFO, "store writes killed: {0} rounds acknowledged, {1} found, {2} open, "
                    + "integrity_check {3}, {4} lines without their audit backlog row", acknowledged, last,
                    journal(store).openOperations("store-test").size(), check, alone);
            int ui = Integer.parseInt(new SqliteUiStateStore(store).get("round").orElseThrow());
            assertThat(ui).as("UI state of the last round or the one before").isBetween(last - 1, last);
        }
    }
}
