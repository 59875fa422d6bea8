package io.harbormaster.aws.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.aws.SandboxAccess;
import io.harbormaster.model.concurrent.Blocking;
import io.harbormaster.model.concurrent.ThreadFamily;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight MFA environments entered at once on the app's work pool, while the operator has not typed the code yet:
 * the one asking and the seven waiting for its answer lend their workers back, so unrelated work still runs.
 * Against the sandbox (alice's prod needs MFA), with a prompt that waits as the console's does (on a future the
 * UI thread completes).
 */
class MfaWaitingTest {

    private static final int ENTRIES = 8;
    private static final int WORKERS = 2;

    private static SandboxAccess access;
    private static Sandbox sandbox;

    @BeforeAll
    static void startSandbox(@TempDir Path profiles) {
        access = SandboxAccess.start(profiles);
        sandbox = access.sandbox();
    }

    @AfterAll
    static void stopSandbox() {
        access.close();
    }

    @Test
    void eightEntriesWaitingForACodeDoNotStarveAnUnrelatedTask() throws Exception {
        AwsSessions sessions = access.sessionsFor("alice");
        CompletableFuture<String> operatorTypes = new CompletableFuture<>();
        CountDownLatch asked = new CountDownLatch(1);
        MfaPrompt operator = (environment, serial) -> {
            asked.countDown();
            try {
                return Optional.of(Blocking.await(operatorTypes));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (ExecutionException e) {
                return Optional.empty();
            }
        };
        try (ThreadFamily threads = new ThreadFamily("mfa-test")) {
            ExecutorService pool = threads.workPool("worker", WORKERS);
            List<Future<EnvironmentSession>> entries = new ArrayList<>();
            for (int i = 0; i < ENTRIES; i++) {
                Environment prod = new Environment("sandbox-prod-" + i, "prod " + i, "sandbox-prod", "sandbox-ops",
                        "", "", List.of("us-east-1"), "#aa0000", true, false, 0);
                entries.add(pool.submit(() -> sessions.enter(prod, operator)));
            }
            assertThat(asked.await(30, TimeUnit.SECONDS)).as("the operator is asked").isTrue();
            awaitAllWaiting(entries);

            Future<String> unrelated = pool.submit(() -> "remembered the theme");
            assertThat(unrelated.get(5, TimeUnit.SECONDS)).isEqualTo("remembered the theme");
            assertThat(entries).noneMatch(Future::isDone);

            operatorTypes.complete(sandbox.currentTotpCode("alice"));
            for (Future<EnvironmentSession> entry : entries) {
                assertThat(entry.get(30, TimeUnit.SECONDS).identity().account()).isEqualTo("444444444444");
            }
        }
    }

    /** Gives every entry a moment to reach its wait (they all queue behind the two workers at first). */
    private static void awaitAllWaiting(List<Future<EnvironmentSession>> entries) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("mfa-test-worker-"))
                .filter(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING)
                .filter(t -> java.util.Arrays.stream(t.getStackTrace())
                        .anyMatch(f -> f.getClassName().equals(Blocking.class.getName())))
                .count() < entries.size()) {
            Thread.sleep(20);
        }
    }
}
