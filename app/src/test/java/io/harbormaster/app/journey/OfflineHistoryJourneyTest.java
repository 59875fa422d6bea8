package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.metrics.MetricsPage;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.metrics.MetricPoint;
import io.harbormaster.model.metrics.NamedSeries;
import io.harbormaster.views.metrics.ServiceDashboardViewModel;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cache serves history after a restart with the sandbox stopped: a service's dashboard is viewed on the sandbox,
 * the console is closed; it is opened again on the same data with the sandbox not running (its generated profiles
 * now point at a dead endpoint). dev cannot be entered and says why, yet the Metrics page offers the service viewed
 * last and draws its history from the local cache, marked as such.
 */
class OfflineHistoryJourneyTest {

    @RegisterExtension
    final Journey journey = Journey.of(JourneyOptions.sandbox());

    @Test
    void aRecentServicesHistoryIsDrawnFromTheCacheWhenNothingCanBeReached() throws Exception {
        journey.enter("sandbox-dev");
        journey.awaitFleetLoaded();
        journey.robot().clickOn("#nav-metrics");
        ServiceDashboardViewModel online = journey.shell().page(MetricsPage.class).viewModel().dashboard();
        Service web = journey.copy(online.services()).stream().filter(s -> s.name().equals("app-web")).findFirst()
                .orElseThrow();
        String arn = web.arn();
        ComboBox<Service> onlinePicker = journey.lookup("#dashboard-service");
        journey.robot().interact(() -> onlinePicker.setValue(web));
        journey.robot().clickOn("#range-1h");
        journey.waitUntil("CloudWatch answered (and the cache kept it)", () -> !online.fromCacheProperty().get()
                && cpu(online).size() > 30);
        List<MetricPoint> seen = journey.onUi(() -> cpu(online));

        journey.restart(JourneyOptions.sandboxOffline());
        assertThat(journey.app().sandbox()).as("the sandbox is not started").isEmpty();
        journey.select("sandbox-dev");
        journey.waitUntil("dev cannot be entered, and says why", () -> journey.exists("#problem-title"));
        String problem = journey.<Label>lookup("#problem-title").getText() + " — "
                + journey.<Label>lookup("#problem-message").getText();
        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, "Entering dev offline: " + problem);
        assertThat(journey.shell().environmentBar().session()).isNull();
        journey.screenshot("offline-enter-refused");
        journey.robot().clickOn("Close");
        journey.waitUntil("the problem is closed", () -> !journey.exists("#problem-dialog"));

        journey.robot().clickOn("#nav-metrics");
        ServiceDashboardViewModel dash = journey.shell().page(MetricsPage.class).viewModel().dashboard();
        journey.waitUntil("the service viewed last is offered", () -> dash.services().stream()
                .anyMatch(s -> s.arn().equals(arn)));
        Service cached = journey.copy(dash.services()).stream().filter(s -> s.arn().equals(arn)).findFirst()
                .orElseThrow();
        ComboBox<Service> picker = journey.lookup("#dashboard-service");
        journey.robot().interact(() -> picker.setValue(cached));
        journey.robot().clickOn("#range-1h");
        journey.waitUntil("its history is drawn from the cache", () -> dash.offlineProperty().get()
                && cpu(dash).size() > 30);

        List<MetricPoint> shown = journey.onUi(() -> cpu(dash));
        assertThat(seen).containsAll(shown.subList(0, shown.size() - 1));
        assertThat(shown.size()).isGreaterThanOrEqualTo(seen.size() - 2);
        assertThat(dash.fromCacheProperty().get()).isTrue();
        assertThat(journey.<Label>lookup("#dashboard-cached").getText())
                .isEqualTo("from cache — CloudWatch unreachable");
        assertThat(journey.<Label>lookup("#dashboard-cached").isVisible()).isTrue();
        journey.screenshot("offline-dashboard-from-cache");
    }

    private static List<MetricPoint> cpu(ServiceDashboardViewModel dash) {
        List<NamedSeries> series = dash.seriesProperty().get().get(MetricKind.CPU_UTILIZATION);
        return series == null || series.isEmpty() ? List.of() : series.get(0).points();
    }
}
