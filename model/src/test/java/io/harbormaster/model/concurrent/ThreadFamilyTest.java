package io.harbormaster.model.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThreadFamilyTest {

    @Test
    void threadsAreNamedForTheirRoleAndNeverKeepTheJvmAlive() throws Exception {
        try (ThreadFamily family = new ThreadFamily("hm")) {
            Thread thread = family.factory("fleet").newThread(() -> { });
            assertThat(thread.getName()).isEqualTo("hm-fleet-1");
            assertThat(thread.isDaemon()).isTrue();
            assertThat(thread.getUncaughtExceptionHandler()).isSameAs(ThreadFamily.LOG_UNCAUGHT);
            assertThat(thread.getPriority()).isEqualTo(ThreadFamily.PRIORITY).isLessThan(Thread.NORM_PRIORITY);

            Future<Thread> worker = family.workPool("bg", 1).submit(Thread::currentThread);
            assertThat(worker.get(5, TimeUnit.SECONDS).getName()).isEqualTo("hm-bg-1");
            assertThat(worker.get().isDaemon()).isTrue();
            assertThat(worker.get().getPriority()).isEqualTo(ThreadFamily.PRIORITY);
        }
    }

    @Test
    void closingStopsEveryExecutorOfTheFamily() {
        ThreadFamily family = new ThreadFamily("hm");
        ExecutorService pool = family.workPool("bg", 2);
        ScheduledExecutorService chores = family.scheduler("housekeeping");
        family.close();
        assertThat(pool.isShutdown()).isTrue();
        assertThat(chores.isShutdown()).isTrue();
    }

    @Test
    void theUnboundedPoolRunsEverySleeperAtOnceOnTheFamilysThreadsAndStopsWithIt() throws Exception {
        ThreadFamily family = new ThreadFamily("hm");
        ExecutorService followers = family.unbounded("deploy-follower");
        CountDownLatch allStarted = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<Thread>> sleepers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sleepers.add(followers.submit(() -> {
                allStarted.countDown();
                release.await();
                return Thread.currentThread();
            }));
        }
        assertThat(allStarted.await(5, TimeUnit.SECONDS)).as("three sleepers run at once").isTrue();
        release.countDown();
        for (Future<Thread> sleeper : sleepers) {
            Thread thread = sleeper.get(5, TimeUnit.SECONDS);
            assertThat(thread.getName()).startsWith("hm-deploy-follower-");
            assertThat(thread.isDaemon()).isTrue();
        }
        family.close();
        assertThat(followers.isShutdown()).isTrue();
    }

    @Test
    void aWorkerWaitingForTheOperatorLendsItsThreadBack() throws Exception {
        try (ThreadFamily family = new ThreadFamily("hm")) {
            ExecutorService pool = family.workPool("bg", 1);
            CompletableFuture<String> code = new CompletableFuture<>();
            Future<String> waiting = pool.submit(() -> Blocking.await(code));
            Future<String> unrelated = pool.submit(() -> "ran");
            assertThat(unrelated.get(5, TimeUnit.SECONDS)).isEqualTo("ran");
            assertThat(waiting.isDone()).isFalse();
            code.complete("123456");
            assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo("123456");
        }
    }
}
