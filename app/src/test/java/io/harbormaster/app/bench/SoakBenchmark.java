package io.harbormaster.app.bench;

import io.harbormaster.app.journey.LongSoak;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Issue 17's soak as a benchmark: {@code ./mvnw -B -ntp -pl app -am -Pbench-soak -DskipTests verify} runs the
 * console on the sandbox at ×60 for {@code -Dsoak.minutes} (60 by default) with every page visited in turn in
 * every environment and wire faults switched on and off, prints the figures table and each reading, and writes
 * target/soak/soak-samples.csv and soak.json.
 */
public final class SoakBenchmark {

    private SoakBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration length = Duration.ofMinutes(Long.getLong("soak.minutes", 60));
        Path out = Path.of(System.getProperty("harbormaster.test.output", "target"), "soak");
        System.out.println("Soak of " + length.toMinutes() + " min from " + Instant.now() + "; "
                + BenchSupport.machine());
        int status = 0;
        try {
            String table = LongSoak.run(length, out, System.out::println);
            System.out.println();
            System.out.println("Soak ended " + Instant.now() + "; samples in " + out.toAbsolutePath());
            System.out.println(table);
        } catch (Exception | AssertionError failed) {
            System.getLogger(SoakBenchmark.class.getName()).log(System.Logger.Level.ERROR, "the soak failed", failed);
            System.out.println("Soak failed: " + failed);
            status = 1;
        }
        System.exit(status); // JavaFX's threads would keep the JVM alive
    }
}
