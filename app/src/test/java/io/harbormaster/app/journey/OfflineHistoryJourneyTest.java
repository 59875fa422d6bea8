package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.metrics.MetricPoint;
import io.harbormaster.model.metrics.NamedSeries;
import io.harbormaster.views.metrics.MetricsPage;
import io.harbormaster.views.metrics.ServiceDashboardViewModel;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache serves history after a restart with the sandbox stopped: a service's dashboard is viewed on the sandbox,
 * the console is closed; it is opened again on the same data with the sandbox not running (its generated profiles
 * now point at a dead endpoint). dev cannot be entered and says why, yet the Metrics page offers the service viewed
 * last and draws its history from the local cache, marked as such.
 */
class OfflineHistoryJourneyTest {

    @TempDir
    static Path home;

    @Test
    void aRecentServicesHistoryIsDrawnFromTheCacheWhenNothingCanBeReached() throws Exception {
        List<MetricPoint> seen;
        String arn;
        try (AppHarness online = AppHarness.start(home, "--sandbox", "--latency-ms=0")) {
            online.enter("sandbox-dev");
            ServiceDashboardViewModel dash = online.app.window().viewModel().page(MetricsPage.class).viewModel()
                    .dashboard();
            online.waitUntil("dev's fleet is in", () -> dash.services().size() > 3);
            online.robot.clickOn("#nav-metrics");
            Service web = dash.services().stream().filter(s -> s.name().equals("app-web")).findFirst().orElseThrow();
            arn = web.arn();
            ComboBox<Service> picker = online.lookup("#dashboard-service");
            online.robot.interact(() -> picker.setValue(web));
            online.robot.clickOn("#range-1h");
            online.waitUntil("CloudWatch answered (and the cache kept it)", () -> !dash.fromCacheProperty().get()
                    && cpu(dash).size() > 30);
            seen = cpu(dash);
        }

        try (AppHarness offline = AppHarness.start(home, "--sandbox-offline")) {
            assertThat(offline.app.sandbox()).as("the sandbox is not started").isEmpty();
            offline.enter("sandbox-dev");
            offline.waitUntil("dev cannot be entered, and says why", () -> offline.exists("#problem-title"));
            String problem = offline.<Label>lookup("#problem-title").getText() + " — "
                    + offline.<Label>lookup("#problem-message").getText();
            System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, "Entering dev offline: " + problem);
            assertThat(offline.app.window().viewModel().environmentBar().session()).isNull();
            offline.screenshot("offline-enter-refused");
            offline.robot.clickOn("Close");
            offline.waitUntil("the problem is closed", () -> !offline.exists("#problem-dialog"));

            offline.robot.clickOn("#nav-metrics");
            ServiceDashboardViewModel dash = offline.app.window().viewModel().page(MetricsPage.class).viewModel()
                    .dashboard();
            offline.waitUntil("the service viewed last is offered", () -> dash.services().stream()
                    .anyMatch(s -> s.arn().equals(arn)));
            Service web = dash.services().stream().filter(s -> s.arn().equals(arn)).findFirst().orElseThrow();
            ComboBox<Service> picker = offline.lookup("#dashboard-service");
            offline.robot.interact(() -> picker.setValue(web));
            offline.robot.clickOn("#range-1h");
            offline.waitUntil("its history is drawn from the cache", () -> dash.offlineProperty().get()
                    && cpu(dash).size() > 30);

            List<MetricPoint> shown = cpu(dash);
            assertThat(seen).containsAll(shown.subList(0, shown.size() - 1));
            assertThat(shown.size()).isGreaterThanOrEqualTo(seen.size() - 2);
            assertThat(dash.fromCacheProperty().get()).isTrue();
            assertThat(offline.<Label>lookup("#dashboard-cached").getText())
                    .isEqualTo("from cache — CloudWatch unreachable");
            assertThat(offline.<Label>lookup("#dashboard-cached").isVisible()).isTrue();
            offline.screenshot("offline-dashboard-from-cache");
        }
    }

    private static List<MetricPoint> cpu(ServiceDashboardViewModel dash) {
        List<NamedSeries> series = dash.seriesProperty().get().get(MetricKind.CPU_UTILIZATION);
        return series == null || series.isEmpty() ? List.of() : series.get(0).points();
    }
}
