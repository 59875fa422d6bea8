package io.harbormaster.app.journey;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The long soak, run by the benchmark command ({@code -Pbench-soak -Dsoak.minutes=N}) inside Surefire's headless
 * JavaFX set-up, which the journeys are proven on; skipped in an ordinary {@code mvn verify}. It measures and
 * reports (the log's table, target/soak/soak-samples.csv and soak.json); the short soak is what asserts.
 */
@EnabledIfSystemProperty(named = "soak.minutes", matches = "\\d+")
class LongSoakJourneyTest {

    private static final System.Logger LOG = System.getLogger(LongSoakJourneyTest.class.getName());

    @Test
    void soak() throws Exception {
        Duration length = Duration.ofMinutes(Long.parseLong(System.getProperty("soak.minutes")));
        Path out = Path.of(System.getProperty("harbormaster.test.output", "target"), "soak");
        String table = LongSoak.run(length, out, line -> LOG.log(System.Logger.Level.INFO, "soak: " + line));
        LOG.log(System.Logger.Level.INFO, "soak of " + length.toMinutes() + " min ended; samples in "
                + out.toAbsolutePath() + "\n" + table);
    }
}
