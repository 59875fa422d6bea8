package io.harbormaster.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.concurrent.ThreadFamily;
import io.harbormaster.views.concurrent.UiThread;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The probe counts a UI thread held up as one stall of about that length, and is off unless asked for. */
class FxStallProbeTest {

    private final ThreadFamily threads = new ThreadFamily("probe-test");

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() {
        System.clearProperty(FxStallProbe.PROPERTY);
        threads.close();
    }

    @Test
    void offUnlessThePropertyAsks() {
        System.clearProperty(FxStallProbe.PROPERTY);
        assertThat(FxStallProbe.startIfAsked(threads)).isEmpty();
    }

    @Test
    void aUiThreadHeldUpIsOneStallAsLongAsTheHoldUp() throws Exception {
        System.setProperty(FxStallProbe.PROPERTY, "true");
        try (FxStallProbe probe = FxStallProbe.startIfAsked(threads).orElseThrow()) {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> probe.stalls().beats() >= 5);
            long before = probe.stalls().stalls();

            CompletableFuture<Void> held = new CompletableFuture<>();
            UiThread.later(() -> {
                sleep(Duration.ofMillis(300));
                held.complete(null);
            });
            held.get(5, TimeUnit.SECONDS);
            long beats = probe.stalls().beats();
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> probe.stalls().beats() >= beats + 5);

            FxStallProbe.Stalls seen = probe.stalls();
            assertThat(seen.stalls() - before).as("one hold-up, counted once (one more tolerated: a busy shared machine)")
                    .isBetween(1L, 2L);
            assertThat(seen.longestMs()).isBetween(200L, 2_000L);
            assertThat(probe.recentStalls()).anyMatch(stall -> stall.waitedMs() >= 200)
                    .as("a UI thread asleep does no work").allMatch(stall -> stall.busyMs() < 100);
            if (Files.exists(Path.of("/proc/thread-self/schedstat"))) {
                assertThat(probe.recentStalls()).as("asleep, it neither worked nor waited for a core: blocked")
                        .anyMatch(stall -> stall.waitingForCoreMs() >= 0 && stall.gcMs() >= 0
                                && stall.otherMs() >= 150);
            }
        }
    }

    @Test
    void aStallTheUiThreadSpentWorkingCountsItsWork() throws Exception {
        System.setProperty(FxStallProbe.PROPERTY, "true");
        try (FxStallProbe probe = FxStallProbe.startIfAsked(threads).orElseThrow()) {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> probe.stalls().beats() >= 5);

            CompletableFuture<Void> held = new CompletableFuture<>();
            UiThread.later(() -> {
                // 300 ms of the thread's own CPU, however long a busy machine takes to give it
                ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
                long until = cpu.getCurrentThreadCpuTime() + TimeUnit.MILLISECONDS.toNanos(300);
                while (cpu.getCurrentThreadCpuTime() < until) {
                    Thread.onSpinWait();
                }
                held.complete(null);
            });
            held.get(10, TimeUnit.SECONDS);
            long beats = probe.stalls().beats();
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> probe.stalls().beats() >= beats + 5);

            assertThat(probe.recentStalls()).anyMatch(stall -> stall.busyMs() >= 250 && stall.waitedMs() >= 250);
            assertThat(probe.recentStalls()).as("the stall says whose work it was").anyMatch(stall -> stall.doing()
                    .stream().anyMatch(d -> d.matches("\\d+× event \\| FxStallProbeTest\\.lambda\\$.*")));
        }
    }

    @Test
    void aStackIsDescribedByItsPulsePhaseTheConsolesFrameAndJavaFxsInnermost() {
        StackTraceElement[] inCss = {
            new StackTraceElement("java.util.HashMap", "get", "HashMap.java", 1),
            new StackTraceElement("javafx.scene.CssStyleHelper", "transitionToState", "CssStyleHelper.java", 700),
            new StackTraceElement("javafx.scene.Node", "processCSS", "Node.java", 9000),
            new StackTraceElement("javafx.scene.Scene", "doCSSPass", "Scene.java", 600),
            new StackTraceElement("javafx.scene.Scene$ScenePulseListener", "pulse", "Scene.java", 2500),
            new StackTraceElement("com.sun.javafx.tk.Toolkit", "firePulse", "Toolkit.java", 10)};
        assertThat(FxStallProbe.describe(inCss)).isEqualTo("pulse: doCSSPass | CssStyleHelper.transitionToState:700");
        StackTraceElement[] ours = {
            new StackTraceElement("javafx.scene.control.TableView", "setItems", "TableView.java", 5),
            new StackTraceElement("io.harbormaster.views.services.ServicesView", "show", "ServicesView.java", 42),
            new StackTraceElement("com.sun.javafx.application.PlatformImpl", "lambda$runLater$10", "P.java", 1)};
        assertThat(FxStallProbe.describe(ours)).isEqualTo("event | ServicesView.show:42 | TableView.setItems:5");
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
