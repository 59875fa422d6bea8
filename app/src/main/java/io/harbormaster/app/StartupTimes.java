package io.harbormaster.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where start-up time goes: each step logs how long after the process started it was reached (so JVM and JavaFX
 * start count too) and how much CPU the process had used by then (on a machine shared with other work the CPU
 * figure is the steadier one). The start-up benchmark and BENCHMARKS.md read these lines.
 *
 * <p>On Linux both come from {@code /proc} at the kernel's clock-tick resolution (10 ms): the JDK's own process
 * start instant adds the boot time, which Linux gives in whole seconds, and so is off by up to a second.
 */
final class StartupTimes {

    private static final System.Logger LOG = System.getLogger(StartupTimes.class.getName());
    /** USER_HZ: what /proc counts process times in; 100 on every Linux architecture the JDK runs on. */
    private static final double TICKS_PER_SECOND = 100;
    private static final Path STAT = Path.of("/proc/self/stat");
    private static final Path UPTIME = Path.of("/proc/uptime");
    /** Fields of /proc/self/stat, counted from 1 as in proc(5): user and system CPU time, start time. */
    private static final int UTIME = 14;
    private static final int STIME = 15;
    private static final int STARTTIME = 22;

    private StartupTimes() {
    }

    /** Milliseconds since the process started; -1 where the platform does not say when that was. */
    static long sinceProcessStart() {
        return procStat().map(stat -> fromProc(stat, uptime()))
                .orElseGet(() -> ProcessHandle.current().info().startInstant()
                        .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L));
    }

    /** CPU time (user and system) the process has used so far, in milliseconds; -1 where unknown. */
    static long cpuSoFar() {
        return procStat().map(StartupTimes::cpuMillis)
                .orElseGet(() -> ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis)
                        .orElse(-1L));
    }

    /** Logs that start-up reached {@code step}, with the time since the process started and the CPU used. */
    static void reached(String step) {
        Optional<String[]> stat = procStat();
        long since = stat.map(s -> fromProc(s, uptime())).orElseGet(StartupTimes::sinceProcessStart);
        long cpu = stat.map(StartupTimes::cpuMillis).orElseGet(StartupTimes::cpuSoFar);
        LOG.log(System.Logger.Level.INFO, "Start-up: " + step + " " + since + " ms after process start (CPU "
                + cpu + " ms)");
    }

    /** The process's stat fields, indexed as in proc(5) (index 1 the pid); empty off Linux. */
    static Optional<String[]> procStat() {
        try {
            String line = Files.readString(STAT);
            // the command name (field 2) is in parentheses and may hold spaces; fields after it never do
            String after = line.substring(line.lastIndexOf(')') + 2);
            String[] rest = after.trim().split(" ");
            String[] fields = new String[rest.length + 3];
            System.arraycopy(rest, 0, fields, 3, rest.length);
            return Optional.of(fields);
        } catch (IOException | RuntimeException notLinux) {
            return Optional.empty();
        }
    }

    static long fromProc(String[] stat, double uptimeSeconds) {
        if (uptimeSeconds < 0) {
            return -1;
        }
        double startedAt = Long.parseLong(stat[STARTTIME]) / TICKS_PER_SECOND;
        return Math.round((uptimeSeconds - startedAt) * 1000);
    }

    static long cpuMillis(String[] stat) {
        return Math.round((Long.parseLong(stat[UTIME]) + Long.parseLong(stat[STIME])) * 1000 / TICKS_PER_SECOND);
    }

    private static double uptime() {
        try {
            return Double.parseDouble(Files.readString(UPTIME).trim().split(" ")[0]);
        } catch (IOException | RuntimeException unknown) {
            return -1;
        }
    }
}
