package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harbormaster.app.journey.CoreSampler.Holder;
import io.harbormaster.app.journey.CoreSampler.Tick;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CoreSamplerTest {

    private static final long MS = 1_000_000;

    @Test
    void threadsAreToldByTheKernelsCutName() {
        assertThat(Holder.of("JavaFX Applicat")).isEqualTo(Holder.UI_THREAD);
        assertThat(Holder.of("QuantumRenderer")).isEqualTo(Holder.RENDERER);
        assertThat(Holder.of("harbormaster-bg")).isEqualTo(Holder.CONSOLE_POOL);
        assertThat(Holder.of("harbormaster-fl")).isEqualTo(Holder.CONSOLE_FLEET);
        assertThat(Holder.of("harbormaster-ho")).isEqualTo(Holder.CONSOLE_OTHER);
        assertThat(Holder.of("idle-connection")).isEqualTo(Holder.CONSOLE_OTHER);
        assertThat(Holder.of("sandbox-http-12")).isEqualTo(Holder.SANDBOX);
        assertThat(Holder.of("sandbox-clock")).isEqualTo(Holder.SANDBOX_CLOCK);
        assertThat(Holder.of("HTTP-Dispatcher")).isEqualTo(Holder.SANDBOX);
        assertThat(Holder.of("java")).isEqualTo(Holder.HARNESS);
        assertThat(Holder.of("testfx-async-po")).isEqualTo(Holder.HARNESS);
        assertThat(Holder.of("harbormaster-fx")).isEqualTo(Holder.PROBE);
        assertThat(Holder.of("HttpClient-1-Wo")).isEqualTo(Holder.HTTP_CLIENT);
        assertThat(Holder.of("C2 CompilerThre")).isEqualTo(Holder.JIT);
        assertThat(Holder.of("C1 CompilerThre")).isEqualTo(Holder.JIT);
        assertThat(Holder.of("GC Thread#1")).isEqualTo(Holder.GC);
        assertThat(Holder.of("G1 Conc#0")).isEqualTo(Holder.GC);
        assertThat(Holder.of("VM Thread")).isEqualTo(Holder.GC);
        assertThat(Holder.of("InvokeLaterDisp")).isEqualTo(Holder.OTHER);
    }

    @Test
    void aSpanCountsEachIntervalForTheShareOfItInside() {
        // 100 ms intervals: the pool used 80 ms in the first, the sandbox 40 ms in the second; the machine was busy
        // 200 ms in each, the process 100 ms, idle 0
        List<Tick> ticks = List.of(tick(0, 0, 0, 0, 0), tick(100, 80, 0, 200, 100), tick(200, 80, 40, 400, 200));

        CoreSampler.Use use = CoreSampler.during(ticks, 50 * MS, 150 * MS);

        assertThat(use.byHolder()).containsEntry(Holder.CONSOLE_POOL, 40L).containsEntry(Holder.SANDBOX, 20L);
        assertThat(use.otherProcessesMs()).isEqualTo(100);
        assertThat(use.idleMs()).isZero();
        assertThat(CoreSampler.during(ticks, 300 * MS, 400 * MS).jvmMs()).isZero();
        assertThat(use.describe()).startsWith("the console's background pool 40 ms, the sandbox's HTTP threads 20 ms, other");
    }

    @Test
    void ticksKeptOutsideTheHeapReadBackAsTheyWereAddedAcrossChunks() {
        CoreSampler.OffHeapTicks kept = new CoreSampler.OffHeapTicks(3);
        int n = CoreSampler.OffHeapTicks.CHUNK + 5;
        for (int i = 0; i < n; i++) {
            kept.add(new CoreSampler.Tick(i * 100L, new long[] {i, 2L * i, 3L * i}, i + 1, i + 2, i + 3));
        }
        List<CoreSampler.Tick> all = kept.all();
        assertThat(all).hasSize(n);
        CoreSampler.Tick last = all.get(n - 1);
        assertThat(last.nanos()).isEqualTo((n - 1) * 100L);
        assertThat(last.cpuNanos()).containsExactly(n - 1, 2L * (n - 1), 3L * (n - 1));
        assertThat(List.of(last.machineBusyMs(), last.machineIdleMs(), last.processMs()))
                .containsExactly((long) n, n + 1L, n + 2L);
        assertThat(all.get(CoreSampler.OffHeapTicks.CHUNK).cpuNanos()[1])
                .isEqualTo(2L * CoreSampler.OffHeapTicks.CHUNK);
    }

    @Test
    void aThreadBurningCpuIsCountedToItsHolder() throws Exception {
        Optional<CoreSampler> started = CoreSampler.start();
        assumeTrue(started.isPresent(), "Linux's /proc tells each thread's CPU time");
        try (CoreSampler sampler = started.get()) {
            Thread.sleep(2 * CoreSampler.EVERY_MS);
            long from = System.nanoTime();
            Thread burner = new Thread(() -> {
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
                long x = 0;
                while (System.nanoTime() < until) {
                    x += Long.numberOfTrailingZeros(x + System.nanoTime());
                }
                assertThat(x).isNotNegative();
            }, "harbormaster-bg-99");
            burner.start();
            burner.join();
            Thread.sleep(2 * CoreSampler.EVERY_MS);
            long to = System.nanoTime();

            CoreSampler.Use use = CoreSampler.during(sampler.ticks(), from, to);

            // 300 ms of CPU on an idle core; on a busy shared machine less of it, never none
            assertThat(use.byHolder().get(Holder.CONSOLE_POOL)).isBetween(50L, 400L);
            assertThat(use.byHolder().get(Holder.SAMPLER)).isLessThan(use.byHolder().get(Holder.CONSOLE_POOL));
        }
    }

    private static Tick tick(long atMs, long poolMs, long sandboxMs, long machineBusyMs, long processMs) {
        long[] cpu = new long[Holder.values().length];
        cpu[Holder.CONSOLE_POOL.ordinal()] = poolMs * MS;
        cpu[Holder.SANDBOX.ordinal()] = sandboxMs * MS;
        return new Tick(atMs * MS, cpu, machineBusyMs, 0, processMs);
    }
}
