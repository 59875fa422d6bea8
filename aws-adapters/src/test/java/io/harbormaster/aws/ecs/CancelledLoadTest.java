package io.harbormaster.aws.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.aws.SandboxAccess;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.FleetLoadListener;
import io.harbormaster.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load whose caller is interrupted (the console cancels the load of an environment the operator has left) stops
 * sending calls: counted by the sandbox, which answers every call the SDK makes.
 */
class CancelledLoadTest {

    private static SandboxAccess access;
    private static Sandbox sandbox;
    private static AwsSessions sessions;
    private static EnvironmentSession prod;

    @BeforeAll
    static void enterProd(@TempDir Path dir) {
        access = SandboxAccess.start(dir);
        sandbox = access.sandbox();
        sessions = access.sessionsFor("alice");
        prod = sessions.enter(SandboxAccess.environment("prod"), access.deviceOf("alice"));
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    @Test
    void anInterruptedLoadStopsIssuingCalls() throws Exception {
        long full;
        try (EcsFleet fleet = new EcsFleet(sessions, access.clients(), Clock.systemUTC(), 2)) {
            long before = sandbox.control().requestCount();
            fleet.load(prod, FleetLoadListener.NONE);
            full = sandbox.control().requestCount() - before;
        }
        assertThat(full).as("a full load of prod").isGreaterThan(20);

        sandbox.control().setServiceTime(Duration.ofMillis(40));
        try (EcsFleet fleet = new EcsFleet(sessions, access.clients(), Clock.systemUTC(), 2)) {
            CountDownLatch clustersFound = new CountDownLatch(1);
            AtomicReference<Throwable> ended = new AtomicReference<>();
            long before = sandbox.control().requestCount();
            Thread caller = new Thread(() -> {
                try {
                    fleet.load(prod, new FleetLoadListener() {
                        @Override
                        public void clustersFound(List<Cluster> clusters) {
                            clustersFound.countDown();
                        }
                    });
                    ended.set(new AssertionError("the load ran to its end"));
                } catch (RuntimeException e) {
                    ended.set(e);
                }
            }, "cancelled-load");
            caller.start();
            assertThat(clustersFound.await(10, TimeUnit.SECONDS)).isTrue();

            caller.interrupt();
            caller.join(5_000);
            assertThat(caller.isAlive()).isFalse();
            assertThat(ended.get()).isInstanceOf(CancellationException.class);

            long settled = settled() - before;
            Thread.sleep(600);
            long later = sandbox.control().requestCount() - before;
            assertThat(later).as("no call after the cancelled load settled").isEqualTo(settled);
            assertThat(settled).as("calls of the cancelled load, against %d for a whole one", full)
                    .isLessThan(full / 2);
        } finally {
            sandbox.control().setServiceTime(Duration.ZERO);
        }
    }

    /**
     * The sandbox's count once the calls already on the wire (two workers, 40 ms each) are in: it holds still for
     * 300 ms. A fixed pause was not enough on a loaded machine, where those calls arrive late; a load that keeps
     * calling never holds still, and fails here.
     */
    private static long settled() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long count = sandbox.control().requestCount();
        while (System.nanoTime() < deadline) {
            Thread.sleep(300);
            long now = sandbox.control().requestCount();
            if (now == count) {
                return now;
            }
            count = now;
        }
        throw new AssertionError("the cancelled load was still calling after 10 s");
    }
}
