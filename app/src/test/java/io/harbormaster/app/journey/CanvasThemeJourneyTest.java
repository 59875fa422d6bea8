package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.views.canvas.CanvasRegion;
import io.harbormaster.views.hosts.HostsPage;
import io.harbormaster.views.hosts.HostsViewModel;
import io.harbormaster.views.metrics.MetricsPage;
import io.harbormaster.views.metrics.MetricsViewModel;
import io.harbormaster.views.metrics.ServiceDashboardViewModel;
import io.harbormaster.views.noisemap.NoiseMapViewModel;
import io.harbormaster.views.theme.ThemeManager;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The three canvases (Hosts, the service dashboard's charts, the noise map) in light, then after the operator
 * switches to dark with Ctrl+T: each paints on its theme's background, and PNGs of each at 1280×800 and 1600×1000
 * for a person to look at.
 */
class CanvasThemeJourneyTest {

    /** AtlantaFX Primer's -color-bg-default, light and dark. */
    private static final Color LIGHT_BACKGROUND = Color.web("#ffffff");
    private static final Color DARK_BACKGROUND = Color.web("#0d1117");

    @RegisterExtension
    static final Journey journey = Journey.of(JourneyOptions.sandbox().entering("sandbox-dev"));

    @BeforeAll
    static void devsFleetIsIn() {
        journey.awaitFleetLoaded();
    }

    @Test
    void hostsMetricsAndNoiseMapFollowTheThemeSwitch() throws Exception {
        assertThat(journey.app().window().theme().mode()).isEqualTo(ThemeManager.Mode.LIGHT);
        visitEachCanvas("light", LIGHT_BACKGROUND);
        journey.robot().clickOn("#nav-hosts");
        journey.robot().push(KeyCode.CONTROL, KeyCode.T);
        journey.waitUntil("dark theme", () -> journey.app().window().theme().mode() == ThemeManager.Mode.DARK);
        visitEachCanvas("dark", DARK_BACKGROUND);
    }

    private static void visitEachCanvas(String theme, Color background) throws Exception {
        journey.robot().clickOn("#nav-hosts");
        HostsViewModel hosts = journey.shell().page(HostsPage.class).viewModel();
        journey.waitUntil("the hosts are laid out", () -> hosts.layoutProperty().get() != null);
        journey.robot().interact(() -> hosts.showMeasuredProperty().set(true));
        journey.waitUntil("measured use is read", () -> !hosts.measuredProperty().get().isEmpty());
        journey.robot().interact(() -> hosts.highlight(hosts.services().get(0).arn()));
        assertPaints("#hosts-canvas", background);
        shots(theme + "-hosts");

        journey.robot().clickOn("#nav-metrics");
        journey.robot().interact(() -> journey.shell().page(MetricsPage.class).viewModel().tabProperty()
                .set(MetricsViewModel.Tab.DASHBOARD));
        ServiceDashboardViewModel dash = journey.shell().page(MetricsPage.class).viewModel().dashboard();
        Service web = dash.services().stream().filter(s -> s.name().equals("app-web")).findFirst().orElseThrow();
        ComboBox<Service> picker = journey.lookup("#dashboard-service");
        journey.robot().interact(() -> picker.setValue(web));
        journey.waitUntil("the charts have points", () -> dash.seriesProperty().get() != null
                && dash.seriesProperty().get().getOrDefault(MetricKind.CPU_UTILIZATION, java.util.List.of())
                        .stream().anyMatch(s -> !s.points().isEmpty()));
        assertPaints(".hm-chart", background);
        shots(theme + "-service-dashboard");

        journey.robot().interact(() -> journey.shell().page(MetricsPage.class).viewModel().tabProperty()
                .set(MetricsViewModel.Tab.NOISE_MAP));
        NoiseMapViewModel map = journey.shell().page(MetricsPage.class).viewModel().noiseMap();
        journey.waitUntil("every host has a reading", () -> map.valuesProperty().get() != null
                && Arrays.stream(map.valuesProperty().get()).noneMatch(Double::isNaN));
        journey.robot().interact(() -> map.selectHost(map.layoutProperty().get().plan().cells().get(0).hostArn()));
        journey.waitUntil("the host detail reads measured use", () -> map.selectedProperty().get() != null
                && map.selectedProperty().get().useRead());
        assertPaints("#noise-canvas", background);
        assertPaints("#noise-legend", background);
        shots(theme + "-noise-map");
        journey.robot().interact(map::goLive);

        journey.robot().clickOn("#nav-clusters");
        journey.waitUntil("the packing bars are drawn", () -> journey.exists("#clusters-table .hm-canvas"));
        CanvasRegion bar = journey.lookup("#clusters-table .hm-canvas");
        assertThat(WaitForAsyncUtils.asyncFx(() -> bar.palette().background()).get(10, TimeUnit.SECONDS))
                .isEqualTo(background);
        shots(theme + "-clusters");
    }

    /** The canvas's top-left corner, where nothing but the background is drawn, is the theme's background. */
    private static void assertPaints(String query, Color background) throws Exception {
        CanvasRegion canvas = journey.lookup(query);
        Color corner = WaitForAsyncUtils.asyncFx(() -> {
            WritableImage shot = canvas.snapshot(null, null);
            return shot.getPixelReader().getColor(2, 2);
        }).get(10, TimeUnit.SECONDS);
        assertThat(corner).as(query + " paints the theme's background").isEqualTo(background);
        assertThat(WaitForAsyncUtils.asyncFx(() -> canvas.palette().background()).get(10, TimeUnit.SECONDS))
                .isEqualTo(background);
    }

    private static void shots(String name) throws Exception {
        for (int[] size : new int[][] {{1280, 800}, {1600, 1000}}) {
            journey.robot().interact(() -> {
                Window window = journey.app().window().scene().getWindow();
                window.setWidth(size[0]);
                window.setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            journey.screenshot(name + "-" + size[0] + "x" + size[1]);
        }
    }
}
