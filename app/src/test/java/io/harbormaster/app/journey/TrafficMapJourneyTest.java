package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.metrics.MetricsPage;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.noisemap.FloorPlan;
import io.harbormaster.model.noisemap.NoiseFrames;
import io.harbormaster.sandbox.Sandbox;
import io.harbormaster.views.noisemap.NoiseMapViewModel;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Moving traffic moves the map: in prod (entered with an MFA code) the noise map shows request rate per host; a
 * Route 53 change behind the console's back swaps api.example.com from blue to green, and once it is INSYNC and a
 * few minutes have passed, a refresh shows blue's hosts cooled and green's heated up.
 */
class TrafficMapJourneyTest {

    @RegisterExtension
    static final Journey journey = Journey.of(JourneyOptions.sandbox().entering("sandbox-prod"));

    private static Sandbox sandbox() {
        return journey.sandbox();
    }

    @Test
    void swappingTheWeightsFromBlueToGreenMovesTheHeat() throws Exception {
        journey.robot().clickOn("#nav-metrics");
        journey.robot().push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N);
        NoiseMapViewModel map = journey.shell().page(MetricsPage.class).viewModel().noiseMap();
        journey.robot().interact(() -> map.metricProperty().set(MetricKind.REQUEST_RATE));
        journey.waitUntil("request rates of prod's hosts are in", () -> map.framesProperty().get() != null
                && map.layoutProperty().get() != null && answered(map.messageProperty().get())
                && map.framesProperty().get().size() > 200);

        FleetSnapshot snapshot = map.layoutProperty().get().snapshot();
        Set<String> blue = hostsOnlyOf(snapshot, "api-blue", "api-green");
        Set<String> green = hostsOnlyOf(snapshot, "api-green", "api-blue");
        assertThat(blue).as("hosts running api-blue and not api-green").isNotEmpty();
        assertThat(green).as("hosts running api-green and not api-blue").isNotEmpty();
        Instant before = sandbox().clock().now();
        journey.screenshot("traffic-map-before");

        // hold the map on a past frame while the clock jumps, so no live top-up caches a half-filled period
        journey.robot().interact(() -> map.frameProperty().set(0));
        assertThat(map.polling()).isFalse();
        sandbox().clock().advance(Duration.ofSeconds(31)); // a fresh MFA code for the change's own session
        new SandboxWrites(journey.home(), sandbox()).setWeights("prod", "444444444444", "example.com.", "api.example.com.",
                Map.of("blue", 0L, "green", 100L));
        for (int minute = 0; minute < 25; minute++) { // INSYNC within the first minute or so, then traffic settles
            sandbox().clock().advance(Duration.ofMinutes(1));
        }
        Instant after = sandbox().clock().now();
        journey.robot().interact(map::reload);
        // the cache answers first (nothing since the change), CloudWatch's answer then fills the recent periods
        journey.waitUntil("CloudWatch's answer up to now is on the map", () -> {
            NoiseFrames f = map.framesProperty().get();
            return f != null && !f.time(f.size() - 1).isBefore(after.minus(NoiseMapViewModel.PERIOD))
                    && java.util.Arrays.stream(f.values(f.size() - 2)).anyMatch(v -> !Double.isNaN(v));
        });

        NoiseFrames frames = map.framesProperty().get();
        FloorPlan plan = map.layoutProperty().get().plan();
        double[] then = frames.values(frames.frameAt(before.minus(Duration.ofMinutes(10))));
        int settled = frames.frameAt(after.minus(Duration.ofMinutes(10))); // well after INSYNC, and complete
        double[] now = frames.values(settled);
        double blueThen = sum(plan, blue, then);
        double blueNow = sum(plan, blue, now);
        double greenThen = sum(plan, green, then);
        double greenNow = sum(plan, green, now);
        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, String.format(
                "request rate of %d blue hosts %.1f → %.1f, of %d green hosts %.1f → %.1f", blue.size(), blueThen,
                blueNow, green.size(), greenThen, greenNow));
        assertThat(blueThen).as("blue's hosts served before").isPositive();
        assertThat(blueNow).as("blue's hosts after the cutover").isLessThan(blueThen * 0.1);
        assertThat(greenNow).as("green's hosts after the cutover").isGreaterThan(greenThen * 2);
        for (String host : blue) {
            assertThat(value(plan, host, now)).as("blue host " + host).isLessThan(value(plan, host, then));
        }
        for (String host : green) {
            assertThat(value(plan, host, now)).as("green host " + host).isGreaterThan(value(plan, host, then));
        }
        journey.robot().interact(() -> map.frameProperty().set(settled));
        journey.screenshot("traffic-map-after");
    }

    private static Set<String> hostsOnlyOf(FleetSnapshot snapshot, String service, String not) {
        Set<String> hosts = snapshot.hostsOf(arn(snapshot, service)).stream().map(Host::arn)
                .collect(Collectors.toCollection(HashSet::new));
        snapshot.hostsOf(arn(snapshot, not)).forEach(h -> hosts.remove(h.arn()));
        return hosts;
    }

    private static String arn(FleetSnapshot snapshot, String service) {
        return snapshot.services().stream().filter(s -> s.name().equals(service)).map(Service::arn).findFirst()
                .orElseThrow(() -> new AssertionError("prod has no " + service));
    }

    private static double value(FloorPlan plan, String host, double[] values) {
        double v = values[plan.indexOf(host)];
        return Double.isNaN(v) ? 0 : v;
    }

    private static double sum(FloorPlan plan, Set<String> hosts, double[] values) {
        return hosts.stream().mapToDouble(h -> value(plan, h, values)).sum();
    }

    /** Rates are in: nothing to say, or only that hosts with no service behind a load balancer are grey. */
    private static boolean answered(String message) {
        return message.isEmpty() || message.startsWith("CloudWatch had ");
    }
}
