package io.harbormaster.aws.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.aws.SandboxAccess;
import io.harbormaster.aws.ecs.EcsClusters;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.testdata.EnvironmentBuilder;
import io.harbormaster.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several MFA-protected environments entered at once from one login (All environments, Compare): the operator is
 * asked once, and every caller shares the outcome. Over the real wire, against the sandbox (alice's prod needs MFA).
 */
class ConcurrentMfaTest {

    private static SandboxAccess access;
    private static Sandbox sandbox;

    /** The sandbox's prod, and a second environment on the same MFA-protected profile (another region's view). */
    private static final Environment PROD = SandboxAccess.environment("prod");
    private static final Environment PROD_AGAIN = EnvironmentBuilder.anEnvironment("sandbox-prod-again")
            .displayName("prod (again)").profile("sandbox-prod").login("sandbox-ops").colour("#aa0000")
            .production(true).build();

    private ExecutorService callers;
    private final Set<Thread> callerThreads = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void startSandbox(@TempDir Path profiles) {
        access = SandboxAccess.start(profiles);
        sandbox = access.sandbox();
    }

    @AfterAll
    static void stopSandbox() {
        access.close();
    }

    @BeforeEach
    void callerThreads() {
        callers = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "caller");
            callerThreads.add(thread);
            return thread;
        });
    }

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void twoMfaEnvironmentsEnteredAtOnceAskForOneCodeAndBothEnter() throws Exception {
        AwsSessions sessions = access.sessionsFor("alice");
        HeldPrompt device = new HeldPrompt(() -> Optional.of(sandbox.currentTotpCode("alice")));

        List<Future<EnvironmentSession>> entered = enterTogether(sessions, device, PROD, PROD_AGAIN);

        assertThat(entered.get(0).get(30, TimeUnit.SECONDS).identity().arn())
                .isEqualTo("arn:aws:sts::444444444444:assumed-role/admin/alice");
        assertThat(entered.get(1).get(30, TimeUnit.SECONDS).identity().arn())
                .isEqualTo("arn:aws:sts::444444444444:assumed-role/admin/alice");
        assertThat(device.asked).hasValue(1);
        assertThat(device.sawTheOtherWaiting).as("the second caller waited for the first one's prompt").isTrue();
    }

    @Test
    void aCancelledPromptCancelsEveryWaitingEntryAndTheNextTryAsksOnce() throws Exception {
        AwsSessions sessions = access.sessionsFor("alice");
        HeldPrompt cancelled = new HeldPrompt(Optional::empty);

        List<Future<EnvironmentSession>> entered = enterTogether(sessions, cancelled, PROD, PROD_AGAIN);

        assertThat(problemOf(entered.get(0))).satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.MFA_REQUIRED);
            assertThat(p.message()).startsWith("prod needs a code");
        });
        assertThat(problemOf(entered.get(1))).satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.MFA_REQUIRED);
            assertThat(p.message()).startsWith("prod (again) needs a code");
        });
        assertThat(cancelled.asked).hasValue(1);

        HeldPrompt device = new HeldPrompt(() -> Optional.of(sandbox.currentTotpCode("alice")));
        List<Future<EnvironmentSession>> again = enterTogether(sessions, device, PROD, PROD_AGAIN);
        again.get(0).get(30, TimeUnit.SECONDS);
        again.get(1).get(30, TimeUnit.SECONDS);
        assertThat(device.asked).hasValue(1);
    }

    @Test
    void aWrongCodeIsRefusedForEveryWaitingEntryAndOneRetryEntersThemAll() throws Exception {
        AwsSessions sessions = access.sessionsFor("alice");
        HeldPrompt mistyped = new HeldPrompt(() -> Optional.of("000000"));

        List<Future<EnvironmentSession>> entered = enterTogether(sessions, mistyped, PROD, PROD_AGAIN);

        assertThat(problemOf(entered.get(0)).kind()).isEqualTo(Problem.Kind.MFA_INVALID);
        assertThat(problemOf(entered.get(1)).kind()).isEqualTo(Problem.Kind.MFA_INVALID);
        assertThat(mistyped.asked).hasValue(1);

        HeldPrompt device = new HeldPrompt(() -> Optional.of(sandbox.currentTotpCode("alice")));
        List<Future<EnvironmentSession>> retried = enterTogether(sessions, device, PROD, PROD_AGAIN);
        assertThat(retried.get(0).get(30, TimeUnit.SECONDS).identity().account()).isEqualTo("444444444444");
        assertThat(retried.get(1).get(30, TimeUnit.SECONDS).identity().account()).isEqualTo("444444444444");
        assertThat(device.asked).hasValue(1);
    }

    @Test
    void theTimeLeftCanBeReadWhileARenewalWaitsForTheOperator() throws Exception {
        AwsSessions sessions = access.sessionsFor("alice");
        AtomicInteger asked = new AtomicInteger();
        CountDownLatch asking = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        MfaPrompt operator = (environment, serial) -> {
            if (asked.getAndIncrement() > 0) {
                // The second code, for the renewal: the operator takes a while.
                asking.countDown();
                try {
                    answer.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
            return Optional.of(sandbox.currentTotpCode("alice"));
        };
        EnvironmentSession prod = sessions.enter(PROD, operator);
        sandbox.clock().advance(Duration.ofHours(13));

        EcsClusters clusters = new EcsClusters(sessions, access.clients());
        Future<?> renewing = callers.submit(() -> clusters.listClusters(prod));
        assertThat(asking.await(30, TimeUnit.SECONDS)).as("the renewal asks for a new code").isTrue();

        // The status bar reads this every second on the UI thread, which the prompt itself needs.
        ExecutorService uiThread = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<Instant>> read = uiThread.submit(() -> sessions.expiresAt(PROD.id()));
            assertThat(read.get(5, TimeUnit.SECONDS)).isPresent();
        } finally {
            answer.countDown();
            uiThread.shutdownNow();
        }
        renewing.get(30, TimeUnit.SECONDS);
        assertThat(asked).hasValue(2);
    }

    private List<Future<EnvironmentSession>> enterTogether(AwsSessions sessions, MfaPrompt prompt,
            Environment... environments) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<EnvironmentSession>> futures = new ArrayList<>();
        for (Environment environment : environments) {
            futures.add(callers.submit(() -> {
                go.await();
                return sessions.enter(environment, prompt);
            }));
        }
        go.countDown();
        return futures;
    }

    private static Problem problemOf(Future<EnvironmentSession> entry) throws Exception {
        try {
            entry.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(OperatorException.class);
            return ((OperatorException) e.getCause()).problem();
        }
        throw new AssertionError("expected the entry to fail");
    }

    /**
     * An operator slow to answer: the prompt stays open until every other caller is parked waiting inside
     * AwsSessions for it, or has come to ask as well (which the assertions on {@link #asked} then catch).
     */
    private final class HeldPrompt implements MfaPrompt {
        final AtomicInteger asked = new AtomicInteger();
        volatile boolean sawTheOtherWaiting;
        private final Supplier<Optional<String>> answer;

        HeldPrompt(Supplier<Optional<String>> answer) {
            this.answer = answer;
        }

        @Override
        public Optional<String> askCode(Environment environment, String mfaSerial) {
            asked.incrementAndGet();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && asked.get() == 1 && !othersWaiting()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
            sawTheOtherWaiting |= othersWaiting();
            return answer.get();
        }

        private boolean othersWaiting() {
            return callerThreads.stream().filter(t -> t != Thread.currentThread() && t.isAlive())
                    .anyMatch(t -> t.getState() == Thread.State.WAITING && Arrays.stream(t.getStackTrace())
                            .anyMatch(f -> f.getClassName().startsWith(AwsSessions.class.getName()))
                            && Arrays.stream(t.getStackTrace())
                                    .anyMatch(f -> f.getClassName().equals("java.util.concurrent.CompletableFuture")));
        }
    }
}
