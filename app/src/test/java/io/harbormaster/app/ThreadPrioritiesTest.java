package io.harbormaster.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.harbormaster.model.concurrent.ThreadFamily;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The test JVMs run the console's threads as the installed console does (app/pom.xml {@code console.threads},
 * packaging/jpackage/build-package.sh): on Linux the kernel sees the console's background threads at nice 19 and the
 * JIT's at nice 10, below the UI thread's 0, and no JVM thread above it. Read from /proc, as the scheduler sees them.
 */
@EnabledOnOs(OS.LINUX)
class ThreadPrioritiesTest {

    @Test
    void theJvmMayLowerThreadsBelowTheUiThread() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        assertThat(vm.getVMOption("ThreadPriorityPolicy").getValue()).isEqualTo("1");
        assertThat(vm.getVMOption("CompilerThreadPriority").getValue()).isEqualTo("10");
        assertThat(vm.getVMOption("JavaPriority1_To_OSPriority").getValue()).isEqualTo("19");
    }

    @Test
    void backgroundThreadsRunBelowTheJitAndTheJitBelowTheUiThread() throws Exception {
        // Without root the JVM can only lower a thread: in a build itself started niced (nice 5, say) a normal
        // thread keeps the build's nice; the family's still go down to 19.
        assumeTrue(ownNice() == 0, "the test JVM runs at nice 0");
        try (ThreadFamily family = new ThreadFamily("prio")) {
            int background = CompletableFuture.supplyAsync(ThreadPrioritiesTest::ownNice, family.workPool("bg", 1))
                    .get(5, TimeUnit.SECONDS);
            assertThat(background).as("a family thread's nice").isEqualTo(19);
        }
        List<Integer> jit = nicesOf("C1 CompilerThre", "C2 CompilerThre");
        assertThat(jit).as("the JIT compiler threads' nice").isNotEmpty().containsOnly(10);
        assertThat(nicesOf("VM Thread", "Reference Handl", "GC Thread#0")).as("the JVM's own threads' nice")
                .isNotEmpty().allMatch(nice -> nice >= 0);
    }

    private static int ownNice() {
        try {
            return nice(Path.of("/proc/thread-self/stat"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The nice of each of the JVM's threads with one of these names (a thread that ends meanwhile is left out). */
    private static List<Integer> nicesOf(String... names) throws IOException {
        List<String> wanted = List.of(names);
        List<Integer> nices = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    if (wanted.contains(Files.readString(task.resolve("comm")).strip())) {
                        nices.add(nice(task.resolve("stat")));
                    }
                } catch (IOException ended) {
                    // the thread ended between the listing and the read
                }
            }
        }
        return nices;
    }

    /** Field 19 of /proc/…/stat, counted after the command name's closing parenthesis (the name may hold spaces). */
    private static int nice(Path stat) throws IOException {
        String line = Files.readString(stat);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }
}
