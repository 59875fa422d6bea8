package io.harbormaster.views.hosts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Where every host card sits in world coordinates (zoom 1), in groups stacked top to bottom, each a grid of
 * {@code columns} cards under a header. Everything the canvas needs — which cards a viewport shows, which card and
 * task lies under a point — is arithmetic on this grid: no Node per host, no search over 200,000 tasks.
 *
 * <p>A card: the host's name on top, its CPU bar, then its memory bar. Bars are {@link #BAR_W} wide for the
 * host's whole registered capacity; a task takes the share of it that it reserves.
 */
public final class HostLayout {

    public enum Grouping {
        CLUSTER("Cluster"), ZONE("Availability zone"), INSTANCE_TYPE("Instance type");

        private final String text;

        Grouping(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    public enum Order {
        UTILISATION("Fullest first"), NAME("By name");

        private final String text;

        Order(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    public enum Bar { NONE, CPU, MEMORY }

    public static final double CARD_W = 200;
    public static final double CARD_H = 52;
    public static final double GAP = 10;
    public static final double HEADER_H = 34;
    public static final double MARGIN = 12;
    public static final double PITCH_X = CARD_W + GAP;
    public static final double PITCH_Y = CARD_H + GAP;
    public static final double BAR_X = 6;
    public static final double BAR_W = CARD_W - 2 * BAR_X;
    public static final double BAR_H = 13;
    public static final double CPU_Y = 19;
    public static final double MEM_Y = CPU_Y + BAR_H + 4;

    /**
     * A group of cards: {@code count} cells from {@code first} in layout order, its header at {@code top}; the
     * header's {@code shortTitle} says the same figures in fewer words, for a canvas too narrow for the title.
     */
    public record Group(String title, String shortTitle, int first, int count, int rows, double top, double bottom) {
    }

    /** What lies under a point: a card, which bar of it, and which task of it (-1 for free capacity or none). */
    public record Hit(int cell, Bar bar, int task) {
    }

    private final HostCell[] cells;
    private final double[] xs;
    private final double[] ys;
    private final List<Group> groups;
    private final int columns;
    private final double width;
    private final double height;
    private final Map<String, Integer> indexByArn;

    private HostLayout(HostCell[] cells, double[] xs, double[] ys, List<Group> groups, int columns) {
        this.cells = cells;
        this.xs = xs;
        this.ys = ys;
        this.groups = List.copyOf(groups);
        this.columns = columns;
        this.width = 2 * MARGIN + columns * PITCH_X - GAP;
        this.height = groups.isEmpty() ? 0 : groups.get(groups.size() - 1).bottom() + MARGIN;
        this.indexByArn = new HashMap<>(cells.length * 2);
        for (int i = 0; i < cells.length; i++) {
            indexByArn.put(cells[i].arn, i);
        }
    }

    /** How many columns fit in a viewport {@code width} pixels wide at zoom 1 (at least one). */
    public static int columnsFor(double width) {
        return Math.max(1, (int) Math.floor((width - 2 * MARGIN + GAP) / PITCH_X));
    }

    public static HostLayout of(List<HostCell> hosts, Grouping grouping, Order order, int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be at least 1, was " + columns);
        }
        Map<String, List<HostCell>> byKey = new LinkedHashMap<>();
        hosts.stream().sorted(Comparator.comparing((HostCell c) -> c.key(grouping)))
                .forEach(c -> byKey.computeIfAbsent(c.key(grouping), k -> new ArrayList<>()).add(c));
        Comparator<HostCell> within = order == Order.UTILISATION
                ? Comparator.comparingDouble(HostCell::utilisation).reversed().thenComparing(HostCell::name)
                : Comparator.comparing(HostCell::name);
        HostCell[] cells = new HostCell[hosts.size()];
        double[] xs = new double[hosts.size()];
        double[] ys = new double[hosts.size()];
        List<Group> groups = new ArrayList<>();
        double top = MARGIN;
        int next = 0;
        for (Map.Entry<String, List<HostCell>> e : byKey.entrySet()) {
            List<HostCell> members = e.getValue();
            members.sort(within);
            int rows = (members.size() + columns - 1) / columns;
            double gridTop = top + HEADER_H;
            for (int i = 0; i < members.size(); i++) {
                cells[next + i] = members.get(i);
                xs[next + i] = MARGIN + (i % columns) * PITCH_X;
                ys[next + i] = gridTop + (i / columns) * PITCH_Y;
            }
            double bottom = gridTop + rows * PITCH_Y;
            groups.add(new Group(title(e.getKey(), members, false), title(e.getKey(), members, true), next,
                    members.size(), rows, top, bottom));
            next += members.size();
            top = bottom + GAP;
        }
        return new HostLayout(cells, xs, ys, groups, columns);
    }

    private static String title(String key, List<HostCell> members, boolean brief) {
        long cpu = 0;
        long cpuUsed = 0;
        long mem = 0;
        long memUsed = 0;
        int tasks = 0;
        int stranded = 0;
        int hosts = 0;
        for (HostCell c : members) {
            if (c.freedByRepack()) {
                continue; // a what-if's card for a host it would not need: not part of the packed fleet's figures
            }
            hosts++;
            cpu += c.registeredCpu;
            cpuUsed += c.reservedCpu;
            mem += c.registeredMemory;
            memUsed += c.reservedMemory;
            tasks += c.taskCount();
            stranded += c.stranding == io.harbormaster.model.packing.Stranding.NONE ? 0 : 1;
        }
        int freed = members.size() - hosts;
        if (brief) {
            return String.format("%s — %,d host%s · CPU %d%% · mem %d%%%s%s", key, hosts, hosts == 1 ? "" : "s",
                    pct(cpuUsed, cpu), pct(memUsed, mem), stranded == 0 ? "" : String.format(" · %d stranded", stranded),
                    freed == 0 ? "" : String.format(" · %,d left empty", freed));
        }
        return String.format("%s — %,d host%s, %,d tasks, CPU %d%% · memory %d%% reserved%s%s", key, hosts,
                hosts == 1 ? "" : "s", tasks, pct(cpuUsed, cpu), pct(memUsed, mem),
                stranded == 0 ? "" : String.format(", %d with stranded capacity", stranded),
                freed == 0 ? "" : String.format(" · %,d of today's hosts left empty", freed));
    }

    private static long pct(long part, long whole) {
        return whole == 0 ? 0 : Math.round(100.0 * part / whole);
    }

    /** Calls {@code action} with the index of every card that intersects the world rectangle, by grid arithmetic. */
    public void forEachVisible(double x0, double y0, double x1, double y1, IntConsumer action) {
        int colFirst = Math.max(0, (int) Math.floor((x0 - MARGIN) / PITCH_X));
        int colLast = Math.min(columns - 1, (int) Math.floor((x1 - MARGIN) / PITCH_X));
        if (colLast < colFirst) {
            return;
        }
        for (Group g : groups) {
            if (g.bottom() < y0 || g.top() > y1) {
                continue;
            }
            double gridTop = g.top() + HEADER_H;
            int rowFirst = Math.max(0, (int) Math.floor((y0 - gridTop) / PITCH_Y));
            int rowLast = Math.min(g.rows() - 1, (int) Math.floor((y1 - gridTop) / PITCH_Y));
            for (int r = rowFirst; r <= rowLast; r++) {
                for (int c = colFirst; c <= colLast; c++) {
                    int inGroup = r * columns + c;
                    if (inGroup < g.count()) {
                        action.accept(g.first() + inGroup);
                    }
                }
            }
        }
    }

    /** The indices of the cards that intersect the world rectangle, in layout order. */
    public int[] visible(double x0, double y0, double x1, double y1) {
        IntStream.Builder in = IntStream.builder();
        forEachVisible(x0, y0, x1, y1, in::add);
        return in.build().toArray();
    }

    /** The groups whose band intersects {@code y0..y1}. */
    public List<Group> groupsBetween(double y0, double y1) {
        return groups.stream().filter(g -> g.bottom() >= y0 && g.top() <= y1).toList();
    }

    /** What is at a world point; null for gaps, headers and margins. */
    public Hit hitTest(double wx, double wy) {
        int g = groupAt(wy);
        if (g < 0) {
            return null;
        }
        Group group = groups.get(g);
        double gridTop = group.top() + HEADER_H;
        if (wy < gridTop || wx < MARGIN) {
            return null;
        }
        int col = (int) Math.floor((wx - MARGIN) / PITCH_X);
        int row = (int) Math.floor((wy - gridTop) / PITCH_Y);
        double lx = wx - MARGIN - col * PITCH_X;
        double ly = wy - gridTop - row * PITCH_Y;
        if (col >= columns || row >= group.rows() || lx >= CARD_W || ly >= CARD_H) {
            return null;
        }
        int inGroup = row * columns + col;
        if (inGroup >= group.count()) {
            return null;
        }
        int index = group.first() + inGroup;
        HostCell cell = cells[index];
        boolean inBarX = lx >= BAR_X && lx < BAR_X + BAR_W;
        if (inBarX && ly >= CPU_Y && ly < CPU_Y + BAR_H) {
            return new Hit(index, Bar.CPU, taskAt(cell.cpuEnd, (lx - BAR_X) / BAR_W * cell.registeredCpu));
        }
        if (inBarX && ly >= MEM_Y && ly < MEM_Y + BAR_H) {
            return new Hit(index, Bar.MEMORY, taskAt(cell.memEnd, (lx - BAR_X) / BAR_W * cell.registeredMemory));
        }
        return new Hit(index, Bar.NONE, -1);
    }

    /** The task whose share of a bar covers {@code units}; -1 past the last task (free capacity). */
    static int taskAt(int[] ends, double units) {
        if (ends.length == 0 || units >= ends[ends.length - 1] || units < 0) {
            return -1;
        }
        int found = Arrays.binarySearch(ends, (int) Math.floor(units));
        // ends[i] is where task i stops: a point exactly on it belongs to the next task.
        int i = found >= 0 ? found + 1 : -found - 1;
        while (i < ends.length - 1 && ends[i] <= units) {
            i++;
        }
        return i;
    }

    private int groupAt(double wy) {
        int lo = 0;
        int hi = groups.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Group g = groups.get(mid);
            if (wy < g.top()) {
                hi = mid - 1;
            } else if (wy >= g.bottom()) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    public int size() {
        return cells.length;
    }

    public HostCell cell(int index) {
        return cells[index];
    }

    public double x(int index) {
        return xs[index];
    }

    public double y(int index) {
        return ys[index];
    }

    /** The layout position of a host, or -1 when it is not laid out. */
    public int indexOf(String hostArn) {
        Integer i = indexByArn.get(hostArn);
        return i == null ? -1 : i;
    }

    public List<Group> groups() {
        return groups;
    }

    public int columns() {
        return columns;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }
}
