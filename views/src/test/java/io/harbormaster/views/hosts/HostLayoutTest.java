package io.harbormaster.views.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.PortSet;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.packing.Stranding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostLayoutTest {

    private static HostCell cell(String name, String cluster, String zone, int cpu, int memory, int[] taskCpu,
            int[] taskMem, int[] service) {
        Task[] tasks = new Task[taskCpu.length];
        for (int i = 0; i < tasks.length; i++) {
            tasks[i] = new Task("arn:task/" + name + "-" + i, "arn:cluster/" + cluster, "service:s" + service[i],
                    "arn:ci/" + name, "td:1", "RUNNING", "RUNNING", taskCpu[i], taskMem[i], PortSet.EMPTY, null, null,
                    null);
        }
        return new HostCell("arn:ci/" + name, name, cluster, zone, "m5.large", "ACTIVE", cpu, memory, Stranding.NONE,
                0, 0, "", tasks, service);
    }

    private static HostCell empty(String name, String cluster, String zone) {
        return cell(name, cluster, zone, 2048, 8192, new int[0], new int[0], new int[0]);
    }

    @Test
    void groupsStackWithHeadersAndFillRowsLeftToRight() {
        List<HostCell> cells = List.of(empty("b1", "b", "z1"), empty("a1", "a", "z1"), empty("a2", "a", "z2"),
                empty("a3", "a", "z1"));
        HostLayout layout = HostLayout.of(cells, HostLayout.Grouping.CLUSTER, HostLayout.Order.NAME, 2);
        assertThat(layout.groups()).extracting(HostLayout.Group::count).containsExactly(3, 1);
        assertThat(layout.groups().get(0).title()).startsWith("a — 3 hosts");
        assertThat(layout.groups().get(0).shortTitle()).as("the same figures in fewer words, for a narrow canvas")
                .startsWith("a — 3 hosts · CPU 0% · mem 0%").hasSizeLessThan(layout.groups().get(0).title().length());
        assertThat(layout.cell(0).name()).isEqualTo("a1");
        assertThat(layout.x(1)).isEqualTo(HostLayout.MARGIN + HostLayout.PITCH_X);
        assertThat(layout.y(2)).isEqualTo(HostLayout.MARGIN + HostLayout.HEADER_H + HostLayout.PITCH_Y);
        HostLayout.Group b = layout.groups().get(1);
        assertThat(b.top()).isEqualTo(layout.groups().get(0).bottom() + HostLayout.GAP);
        assertThat(layout.y(3)).isEqualTo(b.top() + HostLayout.HEADER_H);
        assertThat(layout.indexOf("arn:ci/b1")).isEqualTo(3);

        HostLayout byZone = HostLayout.of(cells, HostLayout.Grouping.ZONE, HostLayout.Order.NAME, 2);
        assertThat(byZone.groups()).extracting(g -> g.title().substring(0, 2)).containsExactly("z1", "z2");
        assertThat(byZone.groups().get(0).count()).isEqualTo(3);
    }

    @Test
    void fullestFirstSortsByTheFullerDimension() {
        HostCell light = cell("light", "a", "z", 1000, 1000, new int[] {100}, new int[] {100}, new int[] {0});
        HostCell memoryFull = cell("mem", "a", "z", 1000, 1000, new int[] {100}, new int[] {900}, new int[] {0});
        HostCell cpuHalf = cell("cpu", "a", "z", 1000, 1000, new int[] {500}, new int[] {100}, new int[] {0});
        HostLayout layout = HostLayout.of(List.of(light, memoryFull, cpuHalf), HostLayout.Grouping.CLUSTER,
                HostLayout.Order.UTILISATION, 3);
        assertThat(List.of(layout.cell(0).name(), layout.cell(1).name(), layout.cell(2).name()))
                .containsExactly("mem", "cpu", "light");
    }

    @Test
    void onlyCardsInTheViewportAreVisited() {
        List<HostCell> cells = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            cells.add(empty(String.format("h%04d", i), "big", "z"));
        }
        HostLayout layout = HostLayout.of(cells, HostLayout.Grouping.CLUSTER, HostLayout.Order.NAME, 10);
        List<Integer> seen = new ArrayList<>();
        double top = layout.y(0);
        // two columns and two rows' worth, starting inside the first card
        layout.forEachVisible(HostLayout.MARGIN + 1, top + 1, HostLayout.MARGIN + HostLayout.PITCH_X + 1,
                top + HostLayout.PITCH_Y + 1, seen::add);
        assertThat(seen).containsExactly(0, 1, 10, 11);
        assertThat(layout.visible(HostLayout.MARGIN + 1, top + 1, HostLayout.MARGIN + HostLayout.PITCH_X + 1,
                top + HostLayout.PITCH_Y + 1)).containsExactly(0, 1, 10, 11);
        List<Integer> far = new ArrayList<>();
        layout.forEachVisible(0, layout.height() + 100, 5000, layout.height() + 500, far::add);
        assertThat(far).isEmpty();
        List<Integer> all = new ArrayList<>();
        layout.forEachVisible(0, 0, layout.width(), layout.height(), all::add);
        assertThat(all).hasSize(1000);
    }

    @Test
    void hitTestFindsTheTaskUnderThePointByArithmetic() {
        // 4 tasks of 512 CPU on a 4096-CPU host: the CPU bar is half full
        HostCell c = cell("h", "a", "z", 4096, 8192, new int[] {512, 512, 512, 512},
                new int[] {1024, 1024, 2048, 1024}, new int[] {0, 0, 1, 2});
        HostLayout layout = HostLayout.of(List.of(c), HostLayout.Grouping.CLUSTER, HostLayout.Order.NAME, 1);
        double x = layout.x(0) + HostLayout.BAR_X;
        double cpuY = layout.y(0) + HostLayout.CPU_Y + 2;
        double memY = layout.y(0) + HostLayout.MEM_Y + 2;
        double unitCpu = HostLayout.BAR_W / 4096;
        assertThat(layout.hitTest(x + 1, cpuY)).isEqualTo(new HostLayout.Hit(0, HostLayout.Bar.CPU, 0));
        assertThat(layout.hitTest(x + 600 * unitCpu, cpuY)).isEqualTo(new HostLayout.Hit(0, HostLayout.Bar.CPU, 1));
        assertThat(layout.hitTest(x + 2047 * unitCpu, cpuY).task()).isEqualTo(3);
        assertThat(layout.hitTest(x + 3000 * unitCpu, cpuY)).as("free CPU")
                .isEqualTo(new HostLayout.Hit(0, HostLayout.Bar.CPU, -1));
        double unitMem = HostLayout.BAR_W / 8192;
        assertThat(layout.hitTest(x + 2500 * unitMem, memY)).isEqualTo(new HostLayout.Hit(0, HostLayout.Bar.MEMORY, 2));
        assertThat(layout.hitTest(layout.x(0) + 2, layout.y(0) + 2)).isEqualTo(new HostLayout.Hit(0, HostLayout.Bar.NONE, -1));
        assertThat(layout.hitTest(layout.x(0) + HostLayout.CARD_W + 2, cpuY)).as("the gap").isNull();
        assertThat(layout.hitTest(x, layout.groups().get(0).top() + 5)).as("the header").isNull();
    }

    @Test
    void runsMergeConsecutiveTasksOfOneService() {
        HostCell c = cell("h", "a", "z", 4096, 8192, new int[] {100, 100, 100, 100}, new int[] {1, 1, 1, 1},
                new int[] {0, 0, 1, 1});
        assertThat(c.runService).containsExactly(0, 1);
        assertThat(c.runCpuEnd).containsExactly(200, 400);
        assertThat(HostLayout.taskAt(c.cpuEnd, 100)).isEqualTo(1);
        assertThat(HostLayout.taskAt(c.cpuEnd, 99.9)).isEqualTo(0);
        assertThat(HostLayout.taskAt(c.cpuEnd, 400)).isEqualTo(-1);
    }

    @Test
    void columnsFollowTheWidth() {
        assertThat(HostLayout.columnsFor(0)).isEqualTo(1);
        assertThat(HostLayout.columnsFor(2 * HostLayout.MARGIN + 3 * HostLayout.PITCH_X - HostLayout.GAP)).isEqualTo(3);
    }
}
