package io.harbormaster.views.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.harbormaster.model.fleet.PortSet;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.packing.Stranding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hosts view's arithmetic: pan, zoom around a point, clamping, centring, and a screen point to a host or task. */
class HostsViewportTest {

    /** 40 hosts of one cluster, 4 columns: 10 rows, 854 × 678 world pixels. */
    private HostLayout layout;
    private final HostsViewport view = new HostsViewport();

    @BeforeEach
    void layOut() {
        List<HostCell> cells = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String name = String.format("h%02d", i);
            // Two tasks: 1,024 and 512 CPU units of 2,048, so a bar is half, then a quarter, then free.
            Task[] tasks = {task(name, 0, 1024), task(name, 1, 512)};
            cells.add(new HostCell("arn:ci/" + name, name, "prod", "z1", "m5.large", "ACTIVE", 2048, 8192,
                    Stranding.NONE, 0, 0, "", tasks, new int[] {0, 1}));
        }
        layout = HostLayout.of(cells, HostLayout.Grouping.CLUSTER, HostLayout.Order.NAME, 4);
        view.resize(800, 600);
    }

    private static Task task(String host, int i, int cpu) {
        return new Task("arn:task/" + host + "-" + i, "arn:cluster/prod", "service:s" + i, "arn:ci/" + host, "td:1",
                "RUNNING", "RUNNING", cpu, 1024, PortSet.EMPTY, null, null, null);
    }

    @Test
    void screenAndWorldAreInverse() {
        view.zoomAt(2, 0, 0, layout);
        view.pan(-100, -50, layout);
        assertThat(view.worldX(view.screenX(123.5))).isCloseTo(123.5, within(1e-9));
        assertThat(view.screenY(view.worldY(321))).isCloseTo(321, within(1e-9));
        assertThat(view.scale).isEqualTo(2);
    }

    @Test
    void zoomKeepsThePointUnderTheMouseWhereItIs() {
        double wx = view.worldX(300);
        double wy = view.worldY(200);
        view.zoomAt(1.25, 300, 200, layout);
        assertThat(view.scale).isEqualTo(1.25);
        assertThat(view.screenX(wx)).isCloseTo(300, within(1e-9));
        assertThat(view.screenY(wy)).isCloseTo(200, within(1e-9));
        view.zoomAt(0.5, 640, 480, layout);
        assertThat(view.scale).isEqualTo(0.625);
    }

    @Test
    void zoomStopsAtItsLimits() {
        for (int i = 0; i < 50; i++) {
            view.zoomAt(2, 400, 300, layout);
        }
        assertThat(view.scale).isEqualTo(HostsViewport.MAX_SCALE);
        for (int i = 0; i < 100; i++) {
            view.zoomAt(0.5, 400, 300, layout);
        }
        assertThat(view.scale).isEqualTo(HostsViewport.MIN_SCALE);
    }

    @Test
    void panKeepsTheLayoutsEdgesInTheView() {
        view.pan(0, -10_000, layout);
        assertThat(view.ty).as("the layout's bottom stops at the view's bottom").isEqualTo(600 - layout.height());
        view.pan(0, 20_000, layout);
        assertThat(view.ty).as("its top stops at the view's top: no blank band above the first group").isZero();

        // 854 wide at zoom 1 does not fit 800: it may move left until its right edge is at the view's.
        view.pan(-10_000, 0, layout);
        assertThat(view.tx).isEqualTo(800 - layout.width());
        // Narrower than the view: it stays at the left.
        view.zoomAt(0.5, 0, 0, layout);
        view.pan(500, 0, layout);
        assertThat(view.tx).isZero();
        view.pan(-500, 0, layout);
        assertThat(view.tx).isZero();
    }

    @Test
    void zoomingOutOfTheLayoutsTopNeverLeavesABandAboveIt() {
        view.zoomAt(0.2, 400, 300, layout);
        assertThat(view.ty).isZero();
        assertThat(view.tx).isZero();
    }

    @Test
    void fitShowsTheWholeLayoutWhenItCanAndNeverZoomsIn() {
        view.zoomAt(3, 200, 200, layout);
        view.fit(layout);
        // 854 × 678 into 800 × 600: the height decides
        assertThat(view.scale).isCloseTo(600 / layout.height(), within(1e-9));
        assertThat(view.worldY(600)).isCloseTo(layout.height(), within(1e-9));
        assertThat(view.tx).isZero();

        view.resize(2000, 2000);
        view.fit(layout);
        assertThat(view.scale).as("a small layout is not blown up").isEqualTo(1);
    }

    @Test
    void resetGoesBackToTheTopLeftAtOne() {
        view.zoomAt(3, 200, 200, layout);
        view.pan(-40, -40, layout);
        view.reset();
        assertThat(view.scale).isEqualTo(1);
        assertThat(view.tx).isZero();
        assertThat(view.ty).isZero();
    }

    @Test
    void centringPutsTheCardMidViewAtLeastAtOne() {
        view.zoomAt(0.5, 0, 0, layout);
        assertThat(view.centre(layout, "arn:ci/h21")).isTrue();
        int i = layout.indexOf("arn:ci/h21");
        assertThat(view.scale).isEqualTo(1);
        // As near the middle as the layout's edges allow (854 × 678 in 800 × 600: they stay at the view's).
        double cx = layout.x(i) + HostLayout.CARD_W / 2;
        double cy = layout.y(i) + HostLayout.CARD_H / 2;
        assertThat(view.screenX(cx)).isEqualTo(cx + Math.max(800 - layout.width(), Math.min(0, 400 - cx)));
        assertThat(view.screenY(cy)).isEqualTo(cy + Math.max(600 - layout.height(), Math.min(0, 300 - cy)));
        view.resize(400, 300);
        assertThat(view.centre(layout, "arn:ci/h21")).isTrue();
        assertThat(view.screenX(cx)).as("in a smaller view it can be mid-view").isEqualTo(200);
        assertThat(view.screenY(cy)).isEqualTo(150);
        assertThat(view.centre(layout, "arn:ci/nowhere")).isFalse();
        assertThat(view.centre(null, "arn:ci/h21")).isFalse();
    }

    @Test
    void aPointFindsItsHostBarAndTask() {
        view.zoomAt(2, 0, 0, layout);
        int i = layout.indexOf("arn:ci/h05");
        double cpuY = view.screenY(layout.y(i) + HostLayout.CPU_Y + 2);
        double memY = view.screenY(layout.y(i) + HostLayout.MEM_Y + 2);
        double bar = layout.x(i) + HostLayout.BAR_X;

        HostLayout.Hit first = view.hitAt(layout, view.screenX(bar + HostLayout.BAR_W * 0.25), cpuY);
        assertThat(first).isEqualTo(new HostLayout.Hit(i, HostLayout.Bar.CPU, 0));
        HostLayout.Hit second = view.hitAt(layout, view.screenX(bar + HostLayout.BAR_W * 0.6), cpuY);
        assertThat(second).isEqualTo(new HostLayout.Hit(i, HostLayout.Bar.CPU, 1));
        HostLayout.Hit free = view.hitAt(layout, view.screenX(bar + HostLayout.BAR_W * 0.9), cpuY);
        assertThat(free).isEqualTo(new HostLayout.Hit(i, HostLayout.Bar.CPU, -1));
        HostLayout.Hit memory = view.hitAt(layout, view.screenX(bar + 1), memY);
        assertThat(memory).isEqualTo(new HostLayout.Hit(i, HostLayout.Bar.MEMORY, 0));
        HostLayout.Hit card = view.hitAt(layout, view.screenX(bar + 1), view.screenY(layout.y(i) + 2));
        assertThat(card).isEqualTo(new HostLayout.Hit(i, HostLayout.Bar.NONE, -1));

        assertThat(view.hitAt(layout, view.screenX(layout.x(i) + HostLayout.CARD_W + HostLayout.GAP / 2), cpuY))
                .as("the gap between cards").isNull();
        assertThat(view.hitAt(layout, 5, 5)).as("the group's header").isNull();
        assertThat(view.hitAt(null, 100, 100)).isNull();
    }
}
