package io.harbormaster.app.journey;

import io.harbormaster.app.FxStallProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The long soak, for the benchmark command ({@code -Pbench-soak}): the console started as the journeys start it,
 * every environment, every fault kind the issue names (a throttling storm, 5xx, latency, a Region gone), for as long
 * as asked.
 */
public final class LongSoak {

    /**
     * The faults switched on in turn, one after each environment's pages: with three environments, the i-th goes to
     * environment i mod 3, so an expired token (which makes the console enter again) falls on dev, never on prod's
     * MFA.
     */
    static final List<String> FAULTS = List.of(
            "expired-token:ecs",
            "throttle:ecs,rate=0.6",
            "internal-failure:ecs",
            "latency:ecs,ms=400",
            "region-down@us-east-1,for=90s",
            "unavailable:ecs");

    private LongSoak() {
    }

    /**
     * Runs the soak for {@code length} (at least two rounds), writes soak-samples.csv and soak.json into
     * {@code out}, and answers the figures table; {@code progress} hears each reading as it is taken.
     */
    public static String run(Duration length, Path out, Consumer<String> progress) throws Exception {
        System.setProperty(FxStallProbe.PROPERTY, "true");
        Journey journey = Journey.of(JourneyOptions.sandbox().speed(60).entering("sandbox-dev"));
        journey.prepare("LongSoak");
        try {
            SoakDriver driver = new SoakDriver(journey, new SoakDriver.Settings(length, 2,
                    SoakDriver.allEnvironments(), FAULTS, Duration.ofMillis(500)));
            driver.onReading(sample -> progress.accept(String.format("round %d %s after %s: %s", sample.round(),
                    sample.environment(), sample.after(), sample.reading())));
            SoakReport report = driver.run();
            report.write(out);
            return report.printable();
        } finally {
            journey.close();
        }
    }
}
