package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections the sandbox closes without an answer (a Region that stops answering, a client gone mid-request) are
 * forgotten by the JDK server it runs on. The JDK server forgets them only through its request and response timer,
 * off unless its properties are set: the sandbox sets them, and each such connection had kept its largest answer's
 * buffer for as long as the sandbox ran (a soak's heap grew by it). Run in JVMs of their own: the JDK reads the
 * properties once, when its first server is made.
 */
class StaleConnectionsTest {

    @Test
    void theSandboxTurnsTheJdkServersTimerOnWhenNobodyElseSaidOtherwise() {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests())) {
            assertThat(System.getProperty("sun.net.httpserver.maxRspTime")).isNotNull();
            assertThat(System.getProperty("sun.net.httpserver.maxReqTime")).isNotNull();
        }
    }

    @Test
    void connectionsClosedUnansweredAreForgottenOnceTheTimerRuns(@TempDir Path dir) throws Exception {
        int[] withTimer = child(dir.resolve("timer"), List.of("-Dsun.net.httpserver.maxRspTime=1",
                "-Dsun.net.httpserver.maxReqTime=1"), 2_500);
        assertThat(withTimer[0]).as("kept closed at first").isGreaterThanOrEqualTo(StaleConnectionsChild.CALLS);
        assertThat(withTimer[1]).as("forgotten once the timer ran").isZero();

        int[] withoutTimer = child(dir.resolve("none"), List.of("-Dsun.net.httpserver.maxRspTime=0",
                "-Dsun.net.httpserver.maxReqTime=0"), 2_500);
        assertThat(withoutTimer[1]).as("without the timer they stay").isGreaterThanOrEqualTo(StaleConnectionsChild.CALLS);
    }

    private static int[] child(Path out, List<String> properties, long waitMs) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--add-opens=jdk.httpserver/sun.net.httpserver=ALL-UNNAMED");
        command.addAll(properties);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StaleConnectionsChild.class.getName(),
                out.toString(), Long.toString(waitMs)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(out.resolveSibling(out.getFileName() + ".log").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("child done").isTrue();
        assertThat(p.exitValue()).as("child's exit; its log: " + out + ".log").isZero();
        String[] counts = Files.readString(out).trim().split(" ");
        return new int[] {Integer.parseInt(counts[0]), Integer.parseInt(counts[1])};
    }
}
