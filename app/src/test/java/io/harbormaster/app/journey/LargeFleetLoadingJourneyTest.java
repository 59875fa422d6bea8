package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.metrics.MetricsPage;
import io.harbormaster.views.services.ServicesPage;
import io.harbormaster.views.services.ServicesViewModel;
import io.harbormaster.views.noisemap.NoiseMapViewModel;
import java.time.Duration;
import java.util.Arrays;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pages of the {@code large} fleet (1,166 hosts in prod) in the minutes its 203,809 tasks take to load. The noise
 * map is laid out as soon as every host is in: each host has a cell and a reading — the CPU reservation ECS reports,
 * and CloudWatch's CPU of each host — while a mode counted from tasks says it waits for them, with their count; the
 * page fits the window at 1280×800 and at 1600×1000, where a person looks at it. Clusters and Cost, which need every
 * task's shape, say so with the count instead of showing blanks; the Services table's image tags come with each task
 * definition, not with the last task.
 */
class LargeFleetLoadingJourneyTest {

    private static final int HOSTS = 1_166;

    @RegisterExtension
    static final Journey journey = Journey.of(JourneyOptions.sandbox().defaultLatency().fleet("large")
            .setupTimeout(Duration.ofMinutes(2)));

    @Test
    void whatWaitsForTheTasksSaysSoWithTheirCountAndTheNoiseMapReadsEveryHostMeanwhile() throws Exception {
        journey.windowSize(1280, 800);
        journey.robot().clickOn("#nav-clusters");
        journey.enterProd();
        journey.waitUntil("Clusters say reserved and packing wait for the tasks", () -> ((Label) journey.lookup(
                "#clusters-summary")).getText().matches("21 clusters · reserved and packing once every task is in"
                        + " \\((hosts [0-9,]+ of 1,166 · )?tasks [0-9,]+ of 203,809 · .*\\)"));
        assertThat(journey.onUi(() -> LayoutCheck.clipped(journey.app().window().scene()))).isEmpty();
        journey.screenshot("clusters-large-loading-1280x800");
        journey.robot().clickOn("#nav-cost");
        journey.waitUntil("Cost says it waits for every task", () -> ((Label) journey.lookup("#cost-totals"))
                .getText().matches("Waiting for every task \\((hosts [0-9,]+ of 1,166 · )?tasks [0-9,]+ of 203,809 · .*\\)"));
        assertThat(journey.onUi(() -> LayoutCheck.clipped(journey.app().window().scene()))).isEmpty();
        journey.screenshot("cost-large-loading-1280x800");
        // Half the window (side by side): how far the tasks are wraps, never cut
        journey.robot().push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.B);
        journey.waitUntil("the second half opens", () -> journey.exists("#split-choice"));
        journey.screenshot("cost-large-loading-half-1280x800");
        assertThat(journey.onUi(() -> LayoutCheck.clipped(journey.app().window().scene()))).as("Cost, half")
                .isEmpty();
        journey.robot().clickOn("#nav-clusters");
        journey.waitUntil("Clusters show", () -> journey.exists("#clusters-summary"));
        assertThat(journey.onUi(() -> ((Label) journey.lookup("#clusters-summary")).getText()))
                .contains("once every task is in");
        assertThat(journey.onUi(() -> LayoutCheck.clipped(journey.app().window().scene()))).as("Clusters, half")
                .isEmpty();
        journey.screenshot("clusters-large-loading-half-1280x800");
        journey.robot().push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.B);
        journey.waitUntil("the second half closes", () -> !journey.exists("#split-choice"));

        journey.robot().clickOn("#nav-services");
        ServicesViewModel services = journey.shell().page(ServicesPage.class).viewModel();
        journey.waitUntil("every service's image tags, from its task definitions", Duration.ofSeconds(90),
                () -> services.allRows().size() == 201 && services.allRows().stream()
                        .allMatch(r -> !r.imageTags().isEmpty()));
        assertThat(journey.onUi(() -> journey.shell().fleet().stateProperty().get()))
                .as("the tags came while the tasks still load").isEqualTo(FleetViewModel.State.LOADING);

        journey.robot().clickOn("#nav-metrics");
        journey.robot().push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N);
        NoiseMapViewModel map = journey.shell().page(MetricsPage.class).viewModel().noiseMap();

        journey.robot().interact(() -> map.metricProperty().set(MetricKind.CPU_RESERVATION));
        journey.waitUntil("every host has its reservation", Duration.ofSeconds(90), () -> readAll(map));
        assertThat(journey.onUi(() -> journey.shell().fleet().stateProperty().get()))
                .as("laid out from the hosts while the tasks still load").isEqualTo(FleetViewModel.State.LOADING);
        shots("noise-map-large-cpu-reservation");

        journey.robot().interact(() -> map.metricProperty().set(MetricKind.TASK_COUNT));
        journey.waitUntil("the map says it waits for the tasks", () -> map.messageProperty().get()
                .matches("Waiting for every task \\(tasks [0-9,]+ of 203,809 · .*\\): this mode counts them on each"
                        + " host\\."));
        assertThat(journey.onUi(() -> map.valuesProperty().get())).as("no count from half the tasks").isNull();
        journey.screenshot("noise-map-large-task-count-waiting-1280x800");

        journey.robot().interact(() -> map.metricProperty().set(MetricKind.CPU_UTILIZATION));
        journey.waitUntil("CloudWatch's CPU of every host", Duration.ofSeconds(90), () -> readAll(map)
                && map.framesProperty().get() != null && map.framesProperty().get().size() > 200);
        assertThat(journey.onUi(() -> map.valuesProperty().get().length)).isEqualTo(HOSTS);
        shots("noise-map-large-cpu");
    }

    private static boolean readAll(NoiseMapViewModel map) {
        double[] values = map.valuesProperty().get();
        return map.layoutProperty().get() != null && map.layoutProperty().get().plan().cells().size() == HOSTS
                && values != null && values.length == HOSTS && Arrays.stream(values).noneMatch(Double::isNaN);
    }

    private static void shots(String name) throws Exception {
        for (int[] s : new int[][] {{1600, 1000}, {1280, 800}}) {
            journey.windowSize(s[0], s[1]);
            assertThat(journey.onUi(() -> LayoutCheck.overflow(journey.app().window().scene(),
                    journey.lookup("#noise-map")))).as("at " + s[0] + "×" + s[1]).isEmpty();
            ListView<?> side = journey.lookup("#noise-critical");
            assertThat(journey.onUi(() -> LayoutCheck.cells(side))).as("at " + s[0] + "×" + s[1]).isEmpty();
            assertThat(journey.onUi(() -> side.lookupAll(".scroll-bar").stream().filter(b -> b instanceof ScrollBar bar
                    && bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible()).count()))
                    .as("the side list's hosts read whole, not under a sideways scroll bar, at " + s[0] + "×" + s[1])
                    .isZero();
            journey.screenshot(name + "-" + s[0] + "x" + s[1]);
        }
    }
}
