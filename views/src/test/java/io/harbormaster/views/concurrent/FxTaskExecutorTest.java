package io.harbormaster.views.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.concurrent.ThreadFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The handle {@link FxTaskExecutor#submit} returns, with real worker threads and the real UI thread. */
@ExtendWith(ApplicationExtension.class)
class FxTaskExecutorTest {

    private final ExecutorService pool = new ThreadFamily("test").workPool("worker", 1);
    private final FxTaskExecutor executor = new FxTaskExecutor(pool);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void cancellingInterruptsTheWorkerDeliversNothingAndLeavesTheStatusBar(FxRobot robot) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        List<Object> delivered = new ArrayList<>();
        AtomicReference<TaskHandle> handle = new AtomicReference<>();
        robot.interact(() -> handle.set(executor.submit(BackgroundTask.of("Loading the fleet of prod", () -> {
            started.countDown();
            try {
                Thread.sleep(30_000);
                return "loaded";
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        }).onSuccess(delivered::add).onFailure(delivered::add))));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(executor.runningTasks()).hasSize(1);

        robot.interact(() -> handle.get().cancel());

        assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the worker was interrupted").isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(handle.get().isCancelled()).isTrue();
        assertThat(handle.get().isDone()).isTrue();
        assertThat(executor.runningTasks()).isEmpty();
        assertThat(delivered).as("neither onSuccess nor onFailure").isEmpty();
    }

    @Test
    void aReadCutShortByTheClosingWiringIsToldToNobodyButOneBeforeIsTold(FxRobot robot) throws Exception {
        List<Object> delivered = new ArrayList<>();
        failAfter(robot, "Weighted routes in stage", delivered, () -> { });
        assertThat(delivered).as("a failure while the wiring is open is the operator's").hasSize(1);

        delivered.clear();
        failAfter(robot, "Weighted routes in prod", delivered, executor::close);
        robot.interact(() -> executor.submit(BackgroundTask.of("Submitted as the pool shuts down", () -> {
            pool.shutdownNow();
            return "never";
        })));
        pool.awaitTermination(5, TimeUnit.SECONDS);
        robot.interact(() -> executor.submit(BackgroundTask.of("Weighted routes after the close", () -> "never")
                .onSuccess(delivered::add).onFailure(delivered::add)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(delivered).as("the shutdown's failures, told to nobody").isEmpty();
        assertThat(executor.runningTasks()).isEmpty();
    }

    /** A read in flight; {@code meanwhile} runs, then its client refuses it as a closed SDK client does. */
    private void failAfter(FxRobot robot, String title, List<Object> delivered, Runnable meanwhile)
            throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch clientClosed = new CountDownLatch(1);
        robot.interact(() -> executor.submit(BackgroundTask.of(title, () -> {
            started.countDown();
            clientClosed.await(5, TimeUnit.SECONDS);
            throw new java.util.concurrent.RejectedExecutionException("the SDK client's executor is shut down");
        }).onSuccess(delivered::add).onFailure(delivered::add)));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        meanwhile.run();
        clientClosed.countDown();
        CountDownLatch drained = new CountDownLatch(1);
        pool.execute(drained::countDown);
        assertThat(drained.await(5, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aTaskCancelledWhileQueuedNeverRuns(FxRobot robot) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean ran = new AtomicBoolean();
        AtomicReference<TaskHandle> queued = new AtomicReference<>();
        robot.interact(() -> {
            executor.submit(BackgroundTask.of("Holding the only worker", () -> release.await(5, TimeUnit.SECONDS)));
            queued.set(executor.submit(BackgroundTask.of("Waiting its turn", () -> ran.getAndSet(true))));
            queued.get().cancel();
        });
        release.countDown();
        CountDownLatch drained = new CountDownLatch(1);
        pool.execute(drained::countDown);
        assertThat(drained.await(5, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ran).isFalse();
        assertThat(executor.runningTasks()).isEmpty();
    }

    @Test
    void workThatFinishesIsDeliveredAndItsHandleIsDone(FxRobot robot) throws Exception {
        List<String> delivered = new ArrayList<>();
        AtomicReference<TaskHandle> handle = new AtomicReference<>();
        robot.interact(() -> handle.set(executor.submit(BackgroundTask.of("Quick", () -> "done")
                .onSuccess(delivered::add))));
        CountDownLatch drained = new CountDownLatch(1);
        pool.execute(drained::countDown);
        assertThat(drained.await(5, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(delivered).containsExactly("done");
        assertThat(handle.get().isDone()).isTrue();
        robot.interact(() -> handle.get().cancel());
        assertThat(handle.get().isCancelled()).as("cancelling finished work does nothing").isFalse();
    }
}
