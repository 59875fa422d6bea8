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
import io.harbormaster.views.logs.LogLine;
import io.harbormaster.views.logs.LogsViewModel;
import io.harbormaster.views.metrics.MetricsViewModel;
import io.harbormaster.views.metrics.ServiceDashboardViewModel;
import io.harbormaster.views.metrics.TimeSeriesChart;
import io.harbormaster.views.noisemap.NoiseMapViewModel;
import io.harbormaster.views.theme.ThemeManager;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Arrays;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
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
 * per-host metrics. Then issue 14 on dev (no cluster with Container Insights): rates without a cliff on 24 h,
 * reservation from ECS with its source said and the scrubber at live, log lines with their time once and the
 * filter marked. Screenshots of each for a person to look at, at 1280×800 and 1600×1000, light and dark (1600×1000 is
 * the headless screen: a window larger than it overflows Monocle's framebuffer and fails the test).
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
        return journey.copy(metrics().dashboard().services()).stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow();
    }

    @Test
    @Order(1)
    void theChartShowsWhatCloudWatchHasForTheChosenRange() throws Exception {
        Service web = service("app-web");
        ServiceDashboardViewModel dash = dashboardOf(web, "6h", Duration.ofHours(6), MetricKind.CPU_UTILIZATION);

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
        dark(() -> journey.screenshot("metrics-dashboard-dark"));
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
        NoiseMapViewModel map = noiseMap();
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

    @Test
    @Order(4)
    void twentyFourHoursOfRequestsReadAsARateWithNoCliffAtTheEnd() throws Exception {
        ServiceDashboardViewModel dash = dashboardOf(service("app-web"), "24h", Duration.ofHours(24),
                MetricKind.REQUEST_COUNT);

        List<MetricPoint> rate = points(dash, MetricKind.REQUEST_COUNT);
        double mean = rate.stream().mapToDouble(MetricPoint::value).average().orElseThrow();
        MetricPoint last = rate.get(rate.size() - 1);
        assertThat(last.at().plus(Duration.ofMinutes(5))).as("the last drawn period is complete")
                .isBeforeOrEqualTo(dash.windowProperty().get().end());
        assertThat(last.value()).as("no cliff: the last period is not a fraction of the others")
                .isGreaterThan(mean * 0.4);
        TimeSeriesChart chart = journey.lookup("#chart-requests");
        assertThat(chart.title()).isEqualTo("Requests per second");
        assertThat(((TimeSeriesChart) journey.lookup("#chart-5xx")).note()).as("no 5xx is not missing data")
                .isIn("No 5xx in this range", "");

        shots("metrics-24h");
        dark(() -> journey.screenshot("metrics-24h-dark-1280x800"));
    }

    @Test
    @Order(5)
    void reservationOnAClusterWithoutContainerInsightsShowsEcsValues() throws Exception {
        NoiseMapViewModel map = noiseMap();
        journey.robot().interact(() -> map.metricProperty().set(MetricKind.CPU_RESERVATION));
        journey.waitUntil("every host has its reservation", () -> map.valuesProperty().get() != null
                && Arrays.stream(map.valuesProperty().get()).noneMatch(Double::isNaN));

        assertThat(map.sourceProperty().get()).startsWith("Source: ECS");
        assertThat(map.messageProperty().get()).doesNotContain("CloudWatch has no");
        assertThat(map.scaleProperty().get().leveled()).as("packing is not an alarm").isFalse();
        assertThat(map.sideTitleProperty().get()).startsWith("Stranded CPU now:");
        Slider scrubber = journey.lookup("#noise-scrubber");
        assertThat(map.liveProperty().get()).isTrue();
        assertThat(scrubber.getValue()).as("the knob sits where the label says: live").isEqualTo(scrubber.getMax());
        shots("noise-map-cpu-reservation");
        dark(() -> journey.screenshot("noise-map-cpu-reservation-dark-1280x800"));

        journey.robot().interact(() -> map.metricProperty().set(MetricKind.CPU_UTILIZATION));
        journey.waitUntil("CPU from every host", () -> map.framesProperty().get() != null
                && map.framesProperty().get().size() > 200 && map.valuesProperty().get() != null
                && Arrays.stream(map.valuesProperty().get()).noneMatch(Double::isNaN));
        assertThat(map.sourceProperty().get()).as("dev has no Container Insights: CPU is EC2's own metric")
                .startsWith("Source: CloudWatch").contains("AWS/EC2").doesNotContain("ContainerInsights");
        assertThat(scrubber.getValue()).isEqualTo(scrubber.getMax());
        shots("noise-map-cpu");
    }

    @Test
    @Order(6)
    void logLinesShowTheirTimeOnceAndTheFilterMarked() throws Exception {
        journey.robot().clickOn("#nav-metrics");
        journey.robot().clickOn("#tab-logs");
        LogsViewModel logs = metrics().logs();
        Service web = service("app-web");
        journey.robot().interact(() -> logs.showService(web.arn()));
        TextField filter = journey.lookup("#logs-filter");
        journey.robot().interact(() -> filter.setText("GET"));
        journey.robot().clickOn("#logs-search");
        journey.waitUntil("GET lines are in", () -> !logs.lines().isEmpty());

        // The tail follows on: its lines are read whole on the UI thread, where they grow.
        List<LogLine> lines = journey.copy(logs.lines());
        assertThat(lines).allSatisfy(l -> assertThat(l.text()).as("the time once, in its column")
                .doesNotMatch("^\\[?\\d{4}-\\d{2}-\\d{2}.*"));
        assertThat(lines).filteredOn(l -> l.text().startsWith("WARN")).allSatisfy(l ->
                assertThat(l.level()).isEqualTo(LogLine.Level.WARN));
        shots("logs-filtered");
        dark(() -> journey.screenshot("logs-filtered-dark-1280x800"));

        Service other = service("app-worker");
        journey.robot().interact(() -> logs.showService(other.arn()));
        assertThat(journey.<String>onUi(filter::getText)).as("the filter stays with app-web").isEmpty();
        journey.robot().interact(() -> logs.showService(web.arn()));
        assertThat(journey.<String>onUi(filter::getText)).isEqualTo("GET");
    }

    @Test
    @Order(7)
    void aServicesOwnAlarmsComeFirstUnderItsNameTheRestBelow() throws Exception {
        // An alarm the team's Terraform made on app-web's CPU, at the critical level, with a plain SDK client
        Service web = service("app-web");
        new SandboxWrites(journey.home(), sandbox()).putServiceAlarm("dev", "222222222222", web.clusterName(),
                web.name(), "dev-app-web-cpu-critical", "CPUUtilization", 90, 3);
        journey.robot().clickOn("#nav-metrics");
        journey.robot().clickOn("#tab-dashboard");
        ComboBox<Service> picker = journey.lookup("#dashboard-service");
        journey.robot().interact(() -> picker.setValue(web));
        // the alarms are read every minute the page shows; Refresh reads them now
        journey.robot().push(KeyCode.F5);
        journey.waitUntil("app-web's alarm shows under its name", () -> journey.exists("#alarm-dev-app-web-cpu-critical")
                && journey.<javafx.scene.Node>lookup("#alarms-on-service").lookupAll("#alarm-dev-app-web-cpu-critical")
                        .size() == 1);
        assertThat(journey.onUi(() -> journey.<javafx.scene.Parent>lookup("#alarms-on-service")
                .getChildrenUnmodifiable().get(0) instanceof javafx.scene.control.Label title ? title.getText() : ""))
                .isEqualTo("Alarms on app-web");
        // and on its CPU chart, at its threshold, instead of the default levels it stands for
        TimeSeriesChart cpu = journey.lookup("#chart-cpu");
        journey.waitUntil("the alarm drawn on the CPU chart", () -> cpu.alarms().stream()
                .anyMatch(level -> level.alarm().equals("dev-app-web-cpu-critical") && level.value() == 90));
        assertThat(journey.onUi(cpu::thresholds)).as("the default levels give way to the team's alarm").isNull();
        assertThat(journey.onUi(() -> journey.<TimeSeriesChart>lookup("#chart-memory").thresholds()))
                .as("no alarm on memory: its default levels stay").isNotNull();
        shots("metrics-alarms-on-service");

        Service worker = service("app-worker");
        journey.robot().interact(() -> picker.setValue(worker));
        journey.waitUntil("app-worker has none of its own; app-web's is counted elsewhere", () ->
                journey.<javafx.scene.Node>lookup("#alarms-on-service").lookup("#alarms-none") != null
                        && journey.exists("#alarms-elsewhere-quiet")
                        && journey.<javafx.scene.control.Label>lookup("#alarms-elsewhere-quiet").getText()
                                .matches("(\\+ )?\\d+ alarms? not firing")
                        && journey.<javafx.scene.control.Label>lookup("#alarms-elsewhere-quiet").getTooltip().getText()
                                .contains("dev-app-web-cpu-critical"));
        journey.waitUntil("app-worker's CPU chart: no alarm, the default levels", () -> cpu.alarms().isEmpty()
                && cpu.thresholds() != null);
    }

    /** The noise map, brought up by its shortcut. */
    private static NoiseMapViewModel noiseMap() {
        journey.robot().clickOn("#nav-metrics");
        journey.robot().push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N);
        return metrics().noiseMap();
    }

    /** The dashboard of a service on a range, once CloudWatch (not the cache) has answered with the chart's data. */
    private static ServiceDashboardViewModel dashboardOf(Service service, String range, Duration span,
            MetricKind chart) throws Exception {
        journey.robot().clickOn("#nav-metrics");
        journey.robot().clickOn("#tab-dashboard");
        ComboBox<Service> picker = journey.lookup("#dashboard-service");
        journey.robot().interact(() -> picker.setValue(service));
        journey.robot().clickOn("#range-" + range);
        ServiceDashboardViewModel dash = metrics().dashboard();
        journey.waitUntil("CloudWatch answered for " + range, () -> !dash.fromCacheProperty().get()
                && !points(dash, chart).isEmpty() && dash.windowProperty().get() != null
                && Duration.between(dash.windowProperty().get().start(), dash.windowProperty().get().end())
                        .compareTo(span) >= 0);
        return dash;
    }

    private static List<MetricPoint> points(ServiceDashboardViewModel dash, MetricKind kind) {
        List<NamedSeries> series = dash.seriesProperty().get().get(kind);
        return series == null || series.isEmpty() ? List.of() : series.get(0).points();
    }

    /** AWS/ECS CPUUtilization of the service, asked with a plain SDK client through dev's read-only role. */
    private static Map<Instant, Double> directCpu(Service service, TimeWindow window) {
        return withCloudWatch("readonly", cw -> {
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
        });
    }

    /** A plain SDK CloudWatch client in dev through one of its roles (readonly, admin), as another tool has. */
    private static <T> T withCloudWatch(String role, java.util.function.Function<CloudWatchClient, T> use) {
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
            Credentials c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::222222222222:role/" + role)
                    .roleSessionName("journey-metrics")).credentials();
            try (CloudWatchClient cw = CloudWatchClient.builder().region(Region.US_EAST_1).httpClient(http)
                    .endpointOverride(endpoint).credentialsProvider(StaticCredentialsProvider.create(
                            AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken())))
                    .build()) {
                return use.apply(cw);
            }
        }
    }

    private interface Shot {
        void take() throws Exception;
    }

    private static void dark(Shot shot) throws Exception {
        journey.windowSize(1280, 800);
        journey.robot().push(KeyCode.CONTROL, KeyCode.T);
        journey.waitUntil("dark theme", () -> journey.app().window().theme().mode() == ThemeManager.Mode.DARK);
        shot.take();
        journey.robot().push(KeyCode.CONTROL, KeyCode.T);
        journey.waitUntil("light theme", () -> journey.app().window().theme().mode() == ThemeManager.Mode.LIGHT);
    }

    private static void shots(String name) throws Exception {
        for (int[] s : new int[][] {{1600, 1000}, {1280, 800}}) {
            journey.windowSize(s[0], s[1]);
            journey.screenshot(name + "-" + s[0] + "x" + s[1]);
        }
    }
}
