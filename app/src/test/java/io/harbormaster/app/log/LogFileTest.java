package io.harbormaster.app.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileTest {

    @TempDir
    Path home;

    @Test
    void systemLoggerRecordsGoToTheFileUnderTheDataDirectoryWithTheirStackTraces() throws IOException {
        try (LogFile log = LogFile.open(home, Level.INFO, LogFile.LIMIT_BYTES)) {
            assertThat(log.file()).isEqualTo(home.resolve("logs").resolve("harbormaster-0.log"));
            System.Logger logger = System.getLogger("io.harbormaster.test.somewhere");
            logger.log(System.Logger.Level.WARNING, "the fleet could not be read",
                    new IllegalStateException("boom", new IOException("disk full")));
            logger.log(System.Logger.Level.DEBUG, "not at INFO");
        }
        String text = Files.readString(home.resolve("logs").resolve("harbormaster-0.log"));
        assertThat(text).contains("WARNING [").contains("io.harbormaster.test.somewhere: the fleet could not be read")
                .contains("java.lang.IllegalStateException: boom")
                .contains("    at io.harbormaster.app.log.LogFileTest.")
                .contains("Caused by: java.io.IOException: disk full")
                .doesNotContain("not at INFO");
    }

    @Test
    void atFineTheWireLogsStayOutAndWhatSlipsThroughIsMasked() throws IOException {
        try (LogFile log = LogFile.open(home, Level.FINE, LogFile.LIMIT_BYTES)) {
            System.getLogger("software.amazon.awssdk.request").log(System.Logger.Level.DEBUG, "Sending Request");
            System.getLogger("org.apache.http.wire").log(System.Logger.Level.DEBUG,
                    "<< \"<SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY</SecretAccessKey>\"");
            System.getLogger("org.apache.http.headers").log(System.Logger.Level.DEBUG,
                    ">> X-Amz-Security-Token: IQoJb3JpZ2luX2VjEXAMPLEsessionToken0123456789");
            System.getLogger("io.harbormaster.test.careless").log(System.Logger.Level.DEBUG,
                    "profile has aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        }
        String text = Files.readString(home.resolve("logs").resolve("harbormaster-0.log"));
        assertThat(text).contains("FINE [").contains("Sending Request")
                .contains("profile has aws_secret_access_key = ****")
                .doesNotContain("wJalrXUtnFEMI").doesNotContain("IQoJb3JpZ2lu").doesNotContain("X-Amz-Security-Token");
    }

    @Test
    void theFileRollsOverAtItsLimitKeepingAFewGenerations() throws IOException {
        try (LogFile log = LogFile.open(home, Level.INFO, 4096)) {
            System.Logger logger = System.getLogger("io.harbormaster.test.chatty");
            for (int i = 0; i < 2000; i++) {
                logger.log(System.Logger.Level.INFO, "line " + i + " " + "x".repeat(80));
            }
        }
        try (Stream<Path> files = Files.list(home.resolve("logs"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".log")))
                    .containsExactlyInAnyOrder("harbormaster-0.log", "harbormaster-1.log", "harbormaster-2.log",
                            "harbormaster-3.log", "harbormaster-4.log");
        }
        assertThat(Files.size(home.resolve("logs").resolve("harbormaster-0.log"))).isLessThanOrEqualTo(4096 + 512);
        assertThat(Files.readString(home.resolve("logs").resolve("harbormaster-0.log"))).contains("line 1999 ");
    }

    @Test
    void closingStopsWritingAndRestoresTheRootLevel() throws IOException {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        Level before = root.getLevel();
        LogFile log = LogFile.open(home, Level.FINE, LogFile.LIMIT_BYTES);
        assertThat(root.getLevel()).isEqualTo(Level.FINE);
        log.close();
        assertThat(root.getLevel()).isEqualTo(before);
        System.getLogger("io.harbormaster.test.after").log(System.Logger.Level.WARNING, "after close");
        assertThat(Files.readString(log.file())).doesNotContain("after close");
    }

    @Test
    void anUnknownLevelNameMeansInfo() {
        assertThat(LogFile.level("FINE")).isEqualTo(Level.FINE);
        assertThat(LogFile.level("fine")).isEqualTo(Level.FINE);
        assertThat(LogFile.level("loud")).isEqualTo(Level.INFO);
        assertThat(LogFile.level(null)).isEqualTo(Level.INFO);
    }
}
