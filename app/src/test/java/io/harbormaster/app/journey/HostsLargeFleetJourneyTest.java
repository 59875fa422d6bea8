package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.PlacementDraft;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.hosts.HostsCanvas;
import io.harbormaster.views.hosts.HostsPage;
import io.harbormaster.views.hosts.HostsViewModel;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hosts on the {@code large} fleet (1,166 hosts, 203,809 tasks), throttled as AWS throttles: every host is drawn
 * while the tasks are still loading, the hosts in view get all their tasks long before the rest, and the page and
 * the status bar say how far the tasks have got and how long the rest should take. The journey ends long before
 * the tasks do (about 3½ minutes at ECS's rate).
 */
class HostsLargeFleetJourneyTest {

    @RegisterExtension
    static final Journey journey = Journey.of(JourneyOptions.sandbox().defaultLatency().fleet("large")
            .setupTimeout(Duration.ofMinutes(2)));

    @Test
    void everyHostIsDrawnWhileTheTasksLoadTheHostsInViewFirstWithTheCountOnThePageAndInTheStatusBar() throws Exception {
        journey.robot().interact(() -> {
            Window window = journey.app().window().scene().getWindow();
            window.setWidth(1280);
            window.setHeight(800);
        });
        journey.robot().clickOn("#nav-hosts");
        journey.enterProd();
        HostsViewModel hosts = journey.shell().page(HostsPage.class).viewModel();
        FleetViewModel fleet = journey.shell().fleet();

        journey.waitUntil("every host is drawn", Duration.ofSeconds(60), () -> {
            PlacementDraft.View placed = hosts.loadingTasksProperty().get();
            HostsCanvas canvas = journey.lookup("#hosts-canvas");
            return placed != null && placed.hostsIn() && hosts.layoutProperty().get() != null
                    && hosts.layoutProperty().get().size() == placed.hosts().size() && canvas.lastVisibleCount() > 0;
        });
        assertThat(journey.onUi(() -> fleet.stateProperty().get())).as("the tasks are still loading")
                .isEqualTo(FleetViewModel.State.LOADING);
        assertThat(journey.onUi(() -> hosts.layoutProperty().get().size())).isEqualTo(1_166);
        journey.waitUntil("the page counts the tasks", () -> hosts.summaryProperty().get()
                .matches("1,166 hosts · tasks [0-9,]+ of 203,809 · .*"));
        journey.waitUntil("the status bar counts them too", () -> ((Label) journey.lookup("#status-task-text"))
                .getText().contains(" of 203,809"));
        assertThat(journey.onUi(() -> ((Label) journey.lookup("#status-refreshed")).getText()))
                .as("no time is claimed for a fleet half read").isEqualTo("loading…");
        // Into the middle of the big cluster, whose 200,000 tasks the sweep lists in an order that has nothing to
        // do with the hosts: without the focus its hosts fill in only as the last pages come (minutes).
        String picked = journey.onUi(() -> LargeFleetHosts.middleHostOfTheLargestCluster(hosts));
        journey.robot().interact(() -> hosts.centreOn(picked));
        journey.waitUntil("the hosts in view have every task drawn", Duration.ofSeconds(90),
                () -> hosts.inViewCount() > 0 && hosts.unreadInView() == 0);
        int describedThen = journey.onUi(() -> hosts.loadingTasksProperty().get() == null ? -1
                : hosts.loadingTasksProperty().get().tasks().size());
        assertThat(describedThen).as("the hosts in view came ahead of the sweep: tasks described by then")
                .isBetween(0, 203_809 / 4);
        journey.waitUntil("tasks fill in", Duration.ofSeconds(60),
                () -> hosts.loadingTasksProperty().get() != null
                        && hosts.loadingTasksProperty().get().tasks().size() > 5_000
                        && hosts.modelProperty().get().taskCount() > 5_000);
        assertThat(journey.onUi(() -> ((Label) journey.lookup("#status-task-text")).getText()))
                .as("the count keeps its place in the status bar").contains(" of 203,809");
        assertThat(journey.onUi(() -> LayoutCheck.overflow(journey.app().window().scene(), journey.lookup("#hosts-view"))))
                .isEmpty();
        assertThat(journey.onUi(() -> shownWhole(journey.lookup("#status-task-text"))))
                .as("the status bar's load line reads whole at 1280×800").isTrue();
        assertThat(journey.onUi(() -> {
            javafx.scene.Node chip = journey.lookup("#env-sandbox-prod");
            javafx.scene.Node strip = journey.lookup("#env-toggles-scroller");
            return strip.localToScene(strip.getLayoutBounds()).getMaxX() + 0.5
                    >= chip.localToScene(chip.getLayoutBounds()).getMaxX()
                    && shownWhole(journey.lookup("#env-left-sandbox-prod"));
        })).as("prod's chip, its time left too, whole in the environment bar").isTrue();
        journey.screenshot("hosts-large-loading-1280x800");
    }

    /** Whether a label shows all its text, not cut to "…" (its skin's text node holds what is drawn). */
    private static boolean shownWhole(Label label) {
        javafx.scene.text.Text drawn = (javafx.scene.text.Text) label.lookup(".text");
        return label.isVisible() && !label.getText().isEmpty() && drawn != null
                && drawn.getText().equals(label.getText());
    }
}
