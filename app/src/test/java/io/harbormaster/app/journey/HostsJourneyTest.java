package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.hosts.HostLayout;
import io.harbormaster.views.hosts.HostsCanvas;
import io.harbormaster.views.hosts.HostsPage;
import io.harbormaster.views.hosts.HostsViewModel;
import io.harbormaster.views.theme.ThemeManager;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Hosts page as an operator at 1280×800 (and 1600×1000) sees it: nothing laid out beyond its parent, as many
 * hosts a row as the width holds, and each environment shown from its top whatever was scrolled in the last one.
 * Screenshots in light and dark.
 */
class HostsJourneyTest {

    @RegisterExtension
    static final Journey journey = Journey.of(JourneyOptions.sandbox().entering("sandbox-dev"));

    @Test
    void theHostsFitTheWindowAtAnyWidthAndEachEnvironmentStartsAtItsTop() throws Exception {
        journey.awaitFleetLoaded();
        resize(1280, 800);
        journey.robot().clickOn("#nav-hosts");
        HostsViewModel hosts = journey.shell().page(HostsPage.class).viewModel();
        HostsCanvas canvas = journey.lookup("#hosts-canvas");
        journey.waitUntil("the hosts are laid out", () -> hosts.layoutProperty().get() != null);

        // 1600×1000 is the headless screen's size (a larger window overflows Monocle's framebuffer)
        for (int[] size : new int[][] {{1280, 800}, {1600, 1000}, {1100, 700}}) {
            resize(size[0], size[1]);
            journey.waitUntil("hosts a row follow the width at " + size[0], () -> rowFits(hosts, canvas));
            assertThat(journey.onUi(() -> LayoutCheck.overflow(canvas.getScene(), journey.lookup("#hosts-view"))))
                    .as("laid out beyond its parent at %d×%d", size[0], size[1]).isEmpty();
            journey.screenshot("hosts-light-" + size[0] + "x" + size[1]);
        }

        resize(1280, 800);
        journey.robot().interact(() -> {
            canvas.zoomAt(3, 0, 0);
            canvas.pan(0, -5_000);
        });
        assertThat(journey.onUi(() -> firstCardUnder(hosts, canvas))).as("scrolled down").isFalse();
        journey.enterProd();
        journey.awaitFleetLoaded();
        journey.waitUntil("prod's hosts are laid out", () -> hosts.layoutProperty().get() != null
                && hosts.layoutProperty().get().size() == journey.shell().fleet().data().snapshot().hosts().size());
        assertThat(journey.onUi(() -> firstCardUnder(hosts, canvas)))
                .as("prod starts at its first host, not where dev was scrolled to").isTrue();

        journey.robot().push(KeyCode.CONTROL, KeyCode.T);
        journey.waitUntil("dark theme", () -> journey.app().window().theme().mode() == ThemeManager.Mode.DARK);
        journey.robot().interact(() -> hosts.highlight(hosts.serviceAt(new HostLayout.Hit(0, HostLayout.Bar.CPU, 0))));
        assertThat(journey.onUi(() -> hosts.highlightedProperty().get())).as("a service on the first host").isNotNull();
        for (int[] size : new int[][] {{1280, 800}, {1600, 1000}}) {
            resize(size[0], size[1]);
            journey.waitUntil("hosts a row follow the width at " + size[0], () -> rowFits(hosts, canvas));
            assertThat(journey.onUi(() -> LayoutCheck.overflow(canvas.getScene(), journey.lookup("#hosts-view")))).isEmpty();
            journey.screenshot("hosts-dark-lit-" + size[0] + "x" + size[1]);
        }
        journey.robot().interact(() -> canvas.zoomAt(2.5, 0, 0));
        journey.screenshot("hosts-dark-lit-zoomed-1600x1000");
    }

    /** As many columns as the canvas holds at 100 %, and no wider than it. */
    private static boolean rowFits(HostsViewModel hosts, HostsCanvas canvas) {
        HostLayout layout = hosts.layoutProperty().get();
        return layout != null && layout.columns() == HostLayout.columnsFor(canvas.getWidth())
                && layout.width() <= canvas.getWidth() + 1;
    }

    /** Whether the point just inside the first card of the first group is that card. */
    private static boolean firstCardUnder(HostsViewModel hosts, HostsCanvas canvas) {
        HostLayout layout = hosts.layoutProperty().get();
        HostLayout.Hit hit = canvas.hitAt((layout.x(0) + 2) * canvas.scale(), (layout.y(0) + 2) * canvas.scale());
        return hit != null && hit.cell() == 0;
    }

    private static void resize(int width, int height) {
        journey.robot().interact(() -> {
            Window window = journey.app().window().scene().getWindow();
            window.setWidth(width);
            window.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
