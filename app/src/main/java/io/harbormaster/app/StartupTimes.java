package io.harbormaster.app;

import java.time.Duration;
import java.time.Instant;

/**
 * Where start-up time goes: each step logs how long after the process started it was reached (the kernel's start
 * time of the process, so JVM and JavaFX start count too). The start-up benchmark and BENCHMARKS.md read these lines.
 */
final class StartupTimes {

    private static final System.Logger LOG = System.getLogger(StartupTimes.class.getName());

    private StartupTimes() {
    }

    /** Milliseconds since the process started; -1 where the platform does not say when that was. */
    static long sinceProcessStart() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L);
    }

    /** Logs that start-up reached {@code step}, with the time since the process started. */
    static void reached(String step) {
        LOG.log(System.Logger.Level.INFO, "Start-up: " + step + " " + sinceProcessStart() + " ms after process start");
    }
}
