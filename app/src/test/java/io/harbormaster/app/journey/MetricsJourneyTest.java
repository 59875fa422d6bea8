package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.metrics.MetricsPage;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.metrics.MetricPoint;
import io.harbormaster.model.metrics.NamedSeries;
import io.harbormaster.model.metrics.TimeWindow;
import io.harbormaster.sandbox.Fault;
import io.harbormaster.sandbox.Sandbox;
import io.harbormaster.views.metrics.MetricsViewModel;
import io.harbormaster.views.metrics.ServiceDashboardViewModel;
import io.harbormaster.views.noisemap.NoiseMapViewModel;
import io.harbormaster.views.theme.ThemeManager;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Issue 6 through the real console on the sandbox: a service's chart shows what CloudWatch (asked directly) has for
 * the chosen range; a version serving errors puts its 5xx over the critical line; the noise map fills from the
 * per-host metrics. Screenshots of each for a person to look at.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsJourneyTest {

    @RegisterExtension
    static final Journey journey = Journey.of(JourneyOptions.sandbox().entering("sandbox-dev"));

    @BeforeAll
    static void devsFleetIsIn() {
        journey.awaitFleetLoaded();
    }

    private static MetricsViewModel metrics() {
        return journey.shell().page(MetricsPage.class).viewModel();
    }

    private static Sandbox sandbox() {
        return journey.sandbox();
    }

    private static Service service(String name) {
        return metrics().dashboard().services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    @Order(1)
    void theChartShowsWhatCloudWatchHasForTheChosenRange() throws Exception {
        journey.robot().clickOn("#nav-metrics");
        Service web = service("app-web");
        ComboBox<Service> picker = journey.lookup("#dashboard-service");
        journey.robot().interact(() -> picker.setValue(web));
        journey.robot().clickOn("#range-6h");
        ServiceDashboardViewModel dash = metrics().dashboard();
        journey.waitUntil("CloudWatch answered for 6 h", () -> !dash.fromCacheProperty().get()
                && !points(dash, MetricKind.CPU_UTILIZATION).isEmpty() && dash.windowProperty().get() != null
                && Duration.between(dash.windowProperty().get().start(), dash.windowProperty().get().end())
                        .compareTo(Duration.ofHours(6)) >= 0);

        TimeWindow window = dash.windowProperty().get();
        Map<Instant, Double> direct = directCpu(web, window);
        Map<Instant, Double> shown = new HashMap<>();
        points(dash, MetricKind.CPU_UTILIZATION).forEach(p -> shown.put(p.at(), p.value()));
        Instant settled = window.end().minus(Duration.ofMinutes(2));
        direct.keySet().removeIf(at -> !at.isBefore(settled));
        shown.keySet().removeIf(at -> !at.isBefore(settled));
        assertThat(shown).isNotEmpty().isEqualTo(direct);
        assertThat(dash.chartsProperty().get()).contains(MetricKind.ERROR_RATE_5XX, MetricKind.LATENCY_P99);

        journey.screenshot("metrics-dashboard-light");
        journey.robot().push(KeyCode.CONTROL, KeyCode.T);
        journey.waitUntil("dark theme", () -> journey.app().window().theme().mode() == ThemeManager.Mode.DARK);
        journey.screenshot("metrics-dashboard-dark");
        journey.robot().push(KeyCode.CONTROL, KeyCode.T);
        journey.waitUntil("light theme", () -> journey.app().window().theme().mode() == ThemeManager.Mode.LIGHT);
    }

    @Test
    @Order(2)
    void aVersionServingErrorsCrossesTheCriticalLine() throws Exception {
        journey.robot().clickOn("#nav-metrics");
        Service web = service("app-web");
        ComboBox<Service> picker = journey.lookup("#dashboard-service");
        journey.robot().interact(() -> picker.setValue(web));
        ServiceDashboardViewModel dash = metrics().dashboard();
        double critical = dash.thresholdsProperty().get().get(MetricKind.ERROR_RATE_5XX).critical();

        sandbox().control().setImageFault("web:", Fault.SERVE_ERRORS);
        new SandboxWrites(journey.home(), sandbox()).forceNewDeployment("dev", "222222222222", web.clusterArn(),
                web.name()); // the faulty version's tasks replace the healthy ones
        for (int minute = 0; minute < 20; minute++) {
            sandbox().clock().advance(Duration.ofMinutes(1));
        }
        journey.robot().clickOn("#range-1h");

        journey.waitUntil("the 5xx rate crosses the critical line", () -> points(dash, MetricKind.ERROR_RATE_5XX)
                .stream().anyMatch(p -> p.value() > critical));
        assertThat(points(dash, MetricKind.TARGET_5XX_COUNT).stream().mapToDouble(MetricPoint::value).max()
                .orElse(0)).isGreaterThan(0);
        journey.screenshot("metrics-dashboard-5xx");
        sandbox().control().clearImageFault("web:");
    }

    @Test
    @Order(3)
    void theNoiseMapFillsFromEveryHostAndReplaysTheDay() throws Exception {
        journey.robot().clickOn("#nav-metrics");
        journey.robot().push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N);
        NoiseMapViewModel map = metrics().noiseMap();
        journey.waitUntil("every host has a reading", () -> map.valuesProperty().get() != null
                && java.util.Arrays.stream(map.valuesProperty().get()).noneMatch(Double::isNaN)
                && map.framesProperty().get().size() > 200);
        assertThat(journey.exists("#noise-legend")).isTrue();
        journey.screenshot("noise-map-live");

        int frames = map.framesProperty().get().size();
        journey.robot().interact(() -> map.frameProperty().set(frames / 2));
        assertThat(map.liveProperty().get()).isFalse();
        assertThat(map.polling()).isFalse();
        journey.screenshot("noise-map-scrubbed");

        journey.robot().interact(() -> map.selectHost(map.layoutProperty().get().plan().cells().get(0).hostArn()));
        journey.waitUntil("the host detail reads measured use", () -> map.selectedProperty().get() != null
                && map.selectedProperty().get().useRead());
        journey.screenshot("noise-map-host-detail");
        journey.robot().interact(map::goLive);
        assertThat(map.polling()).isTrue();
    }

    private static List<MetricPoint> points(ServiceDashboardViewModel dash, MetricKind kind) {
        List<NamedSeries> series = dash.seriesProperty().get().get(kind);
        return series == null || series.isEmpty() ? List.of() : series.get(0).points();
    }

    /** AWS/ECS CPUUtilization of the service, asked with a plain SDK client through dev's read-only role. */
    private static Map<Instant, Double> directCpu(Service service, TimeWindow window) {
        Path dir = journey.home().resolve("sandbox");
        ProfileFile profiles = ProfileFile.aggregator()
                .addFile(ProfileFile.builder().content(dir.resolve("config")).type(ProfileFile.Type.CONFIGURATION)
                        .build())
                .addFile(ProfileFile.builder().content(dir.resolve("credentials"))
                        .type(ProfileFile.Type.CREDENTIALS).build())
                .build();
        URI endpoint = sandbox().endpoint();
        try (SdkHttpClient http = ApacheHttpClient.create();
             StsClient sts = StsClient.builder().region(Region.US_EAST_1).httpClient(http).endpointOverride(endpoint)
                     .credentialsProvider(ProfileCredentialsProvider.builder().profileFile(profiles)
                             .profileName("sandbox-ops").build()).build()) {
            Credentials c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::222222222222:role/readonly")
                    .roleSessionName("journey-metrics")).credentials();
            try (CloudWatchClient cw = CloudWatchClient.builder().region(Region.US_EAST_1).httpClient(http)
                    .endpointOverride(endpoint).credentialsProvider(StaticCredentialsProvider.create(
                            AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken())))
                    .build()) {
                GetMetricDataResponse answer = cw.getMetricData(r -> r.startTime(window.start()).endTime(window.end())
                        .metricDataQueries(q -> q.id("cpu").metricStat(s -> s.period(60).stat("Average")
                                .metric(m -> m.namespace("AWS/ECS").metricName("CPUUtilization").dimensions(
                                        Dimension.builder().name("ClusterName").value(service.clusterName()).build(),
                                        Dimension.builder().name("ServiceName").value(service.name()).build())))));
                Map<Instant, Double> out = new HashMap<>();
                MetricDataResult result = answer.metricDataResults().get(0);
                for (int i = 0; i < result.timestamps().size(); i++) {
                    out.put(result.timestamps().get(i), result.values().get(i));
                }
                return out;
            }
        }
    }
}
