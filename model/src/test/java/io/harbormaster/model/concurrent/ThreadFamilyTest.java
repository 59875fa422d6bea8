package io.harbormaster.model.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
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

            Future<Thread> worker = family.workPool("bg", 1).submit(Thread::currentThread);
            assertThat(worker.get(5, TimeUnit.SECONDS).getName()).isEqualTo("hm-bg-1");
            assertThat(worker.get().isDaemon()).isTrue();
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
