package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.metrics.MetricPoint;
import io.harbormaster.model.metrics.NamedSeries;
import io.harbormaster.views.logs.LogLine;
import io.harbormaster.views.logs.LogsViewModel;
import io.harbormaster.views.metrics.MetricsPage;
import io.harbormaster.views.metrics.MetricsViewModel;
import io.harbormaster.views.metrics.ServiceDashboardViewModel;
import io.harbormaster.views.metrics.TimeSeriesChart;
import io.harbormaster.views.noisemap.NoiseMapViewModel;
import io.harbormaster.views.theme.ThemeManager;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 14's metrics, noise map and logs items on dev (no cluster with Container Insights): rates without a cliff
 * on 24 h, reservation from ECS on the noise map with its source said, the scrubber at live, and log lines with
 * their time once and the filter marked. Screenshots at 1280×800 and 1920×1080, light and dark.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsTruthJourneyTest {

    @RegisterExtension
    static final Journey journey = Journey.of(JourneyOptions.sandbox().entering("sandbox-dev"));

    @BeforeAll
    static void devsFleetIsIn() {
        journey.awaitFleetLoaded();
    }

    private static MetricsViewModel metrics() {
        return journey.shell().page(MetricsPage.class).viewModel();
    }

    private static Service service(String name) {
        return metrics().dashboard().services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    @Order(1)
    void twentyFourHoursOfRequestsReadAsARateWithNoCliffAtTheEnd() throws Exception {
        journey.robot().clickOn("#nav-metrics");
        Service web = service("app-web");
        ComboBox<Service> picker = journey.lookup("#dashboard-service");
        journey.robot().interact(() -> picker.setValue(web));
        journey.robot().clickOn("#range-24h");
        ServiceDashboardViewModel dash = metrics().dashboard();
        journey.waitUntil("CloudWatch answered for 24 h", () -> !dash.fromCacheProperty().get()
                && !requests(dash).isEmpty() && dash.windowProperty().get() != null
                && Duration.between(dash.windowProperty().get().start(), dash.windowProperty().get().end())
                        .compareTo(Duration.ofHours(24)) >= 0);

        List<MetricPoint> rate = requests(dash);
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
    @Order(2)
    void reservationOnAClusterWithoutContainerInsightsShowsEcsValues() throws Exception {
        journey.robot().clickOn("#nav-metrics");
        journey.robot().push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N);
        NoiseMapViewModel map = metrics().noiseMap();
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
        assertThat(map.sourceProperty().get()).startsWith("Source: CloudWatch");
        assertThat(scrubber.getValue()).isEqualTo(scrubber.getMax());
        shots("noise-map-cpu");
    }

    @Test
    @Order(3)
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

        assertThat(logs.lines()).allSatisfy(l -> assertThat(l.text()).as("the time once, in its column")
                .doesNotMatch("^\\[?\\d{4}-\\d{2}-\\d{2}.*"));
        assertThat(logs.lines()).extracting(LogLine::level).doesNotContain(LogLine.Level.ERROR);
        shots("logs-filtered");
        dark(() -> journey.screenshot("logs-filtered-dark-1280x800"));

        Service other = service("app-worker");
        journey.robot().interact(() -> logs.showService(other.arn()));
        assertThat(filter.getText()).as("the filter stays with app-web").isEmpty();
        journey.robot().interact(() -> logs.showService(web.arn()));
        assertThat(filter.getText()).isEqualTo("GET");
    }

    private static List<MetricPoint> requests(ServiceDashboardViewModel dash) {
        List<NamedSeries> series = dash.seriesProperty().get().get(MetricKind.REQUEST_COUNT);
        return series == null || series.isEmpty() ? List.of() : series.get(0).points();
    }

    private interface Shot {
        void take() throws Exception;
    }

    private static void dark(Shot shot) throws Exception {
        size(1280, 800);
        journey.robot().push(KeyCode.CONTROL, KeyCode.T);
        journey.waitUntil("dark theme", () -> journey.app().window().theme().mode() == ThemeManager.Mode.DARK);
        shot.take();
        journey.robot().push(KeyCode.CONTROL, KeyCode.T);
        journey.waitUntil("light theme", () -> journey.app().window().theme().mode() == ThemeManager.Mode.LIGHT);
    }

    private static void shots(String name) throws Exception {
        for (int[] s : new int[][] {{1920, 1080}, {1280, 800}}) {
            size(s[0], s[1]);
            journey.screenshot(name + "-" + s[0] + "x" + s[1]);
        }
    }

    private static void size(int width, int height) {
        journey.robot().interact(() -> {
            Window window = journey.app().window().scene().getWindow();
            window.setWidth(width);
            window.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
