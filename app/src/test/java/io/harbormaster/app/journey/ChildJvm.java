package io.harbormaster.app.journey;

import io.harbormaster.sandbox.Sandbox;
import io.harbormaster.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A console process of its own for the kill -9 tests: started with this JVM's class path, it tells the test where it
 * is through a signal file (one line per event) and is killed with {@link Process#destroyForcibly()} (SIGKILL).
 */
final class ChildJvm {

    private final Path home;

    ChildJvm(Path home) {
        this.home = home;
    }

    /**
     * The sandbox the children talk to, at speed 1 and answering at once, with alice's AWS files written to
     * {@code home/sandbox} where the children read them.
     */
    static Sandbox sandbox(Path home) throws Exception {
        Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withSpeed(1).withServiceTime(Duration.ZERO)
                .withBusinessDay(false));
        Path dir = home.resolve("sandbox");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config"), sandbox.awsConfig("alice"));
        Files.writeString(dir.resolve("credentials"), sandbox.awsCredentials("alice"));
        return sandbox;
    }

    /** Starts {@code main} with {@code args}; its output goes to {@code <log>.log} in home. */
    Process start(Class<?> main, String log, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A child lives seconds: C1 alone and the serial collector start it with less CPU than the tiered and G1
        // defaults tuned for long runs (the kill tests start a dozen of them, each beside the test's JVM)
        List<String> command = new java.util.ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true);
        pb.redirectOutput(home.resolve(log + ".log").toFile());
        return pb.start();
    }

    /** SIGKILL, and the exit status that proves it. */
    static void kill(Process child) throws Exception {
        child.destroyForcibly();
        if (!child.waitFor(20, TimeUnit.SECONDS) || child.exitValue() != 137) {
            throw new AssertionError("the child was not killed by SIGKILL");
        }
    }

    /** Waits for a line starting with {@code prefix}; answers it. */
    String awaitSignal(Path signals, String prefix, Process child) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(signals)) {
                var line = Files.readAllLines(signals).stream().filter(l -> l.startsWith(prefix)).findFirst();
                if (line.isPresent()) {
                    return line.get();
                }
            }
            if (!child.isAlive()) {
                throw new AssertionError("the child stopped before '" + prefix + "' (exit " + child.exitValue()
                        + "):\n" + log(signals));
            }
            Thread.sleep(50);
        }
        child.destroyForcibly();
        throw new AssertionError("no '" + prefix + "' from the child:\n" + log(signals));
    }

    private String log(Path signals) throws Exception {
        StringBuilder out = new StringBuilder(Files.exists(signals) ? Files.readString(signals) : "");
        try (var logs = Files.list(home)) {
            for (Path p : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
                String text = Files.readString(p);
                out.append("\n--- ").append(p.getFileName()).append('\n')
                        .append(text.length() > 4000 ? text.substring(text.length() - 4000) : text);
            }
        }
        return out.toString();
    }
}
