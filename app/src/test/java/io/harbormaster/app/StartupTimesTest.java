package io.harbormaster.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The start-up figures the benchmark reads: read from /proc at 10 ms, not from a start time rounded to seconds. */
class StartupTimesTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void timeSinceStartAndCpuComeFromTheProcessesOwnStat() {
        String[] stat = StartupTimes.procStat().orElseThrow();
        assertThat(stat[1]).isNull(); // pid and name are skipped: the name may hold spaces
        assertThat(stat[3]).matches("[A-Za-z]"); // the state, field 3 of proc(5)

        long since = StartupTimes.sinceProcessStart();
        long cpu = StartupTimes.cpuSoFar();

        // this JVM started before the test and has used CPU, but not more than it could in that time on this machine
        assertThat(since).isPositive();
        assertThat(cpu).isPositive().isLessThanOrEqualTo(since * Runtime.getRuntime().availableProcessors() + 10);
    }

    @Test
    void fieldsAreCountedAsInProcFive() {
        String[] stat = new String[53];
        stat[14] = "250"; // utime, in ticks of 10 ms
        stat[15] = "40";  // stime
        stat[22] = "123456"; // started 1,234.56 s after boot

        assertThat(StartupTimes.cpuMillis(stat)).isEqualTo(2_900);
        assertThat(StartupTimes.fromProc(stat, 1_236.06)).isEqualTo(1_500);
        assertThat(StartupTimes.fromProc(stat, -1)).isEqualTo(-1);
    }
}
