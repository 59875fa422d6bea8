package io.harbormaster.model.noisemap;

import io.harbormaster.model.fleet.Arns;
import io.harbormaster.model.fleet.Host;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Hosts laid out like the seed's office floor plan: one area per availability zone, side by side; inside an area one
 * band of rows per cluster (or instance type), each host a cell. Positions are in cell units (a cell is 1 × 1, its
 * centre at {@code x + 0.5, y + 0.5}) and depend only on sorted keys, so a refresh with the same hosts puts every
 * host where it was.
 */
public final class FloorPlan {

    /** What the rows inside an availability zone are grouped by. */
    public enum Rows { CLUSTER, INSTANCE_TYPE }

    /** Space between two areas, and between an area's edge and its cells, in cell units. */
    public static final int AREA_GAP = 2;

    /** One availability zone: its rectangle (cells and margin) and its bands of rows. */
    public record Area(String name, double x, double y, double width, double height, List<Band> bands) {
        public boolean contains(double px, double py) {
            return px >= x && px < x + width && py >= y && py < y + height;
        }
    }

    /** The rows of one cluster or instance type inside an area, starting at {@code y}. */
    public record Band(String label, double y, int rows) {
    }

    /** One host's place: {@code index} into {@link #cells()}, which is also the sensor index of the IDW field. */
    public record Cell(int index, String hostArn, String name, int area, String band, double x, double y) {
        public double centreX() {
            return x + 0.5;
        }

        public double centreY() {
            return y + 0.5;
        }
    }

    private final List<Area> areas;
    private final List<Cell> cells;
    private final Map<String, Integer> indexByHost;
    private final double width;
    private final double height;
    private final int columns;

    private FloorPlan(List<Area> areas, List<Cell> cells, double width, double height, int columns) {
        this.areas = List.copyOf(areas);
        this.cells = List.copyOf(cells);
        this.width = width;
        this.height = height;
        this.columns = columns;
        indexByHost = new HashMap<>(cells.size() * 2);
        for (Cell c : cells) {
            indexByHost.put(c.hostArn(), c.index());
        }
    }

    /** Lays out hosts with as many columns per area as keep the whole plan about twice as wide as high. */
    public static FloorPlan of(List<Host> hosts, Rows rows) {
        Map<String, List<Host>> byZone = byZone(hosts);
        int zones = Math.max(1, byZone.size());
        int columns = Math.max(4, (int) Math.ceil(Math.sqrt(2.0 * hosts.size()) / zones));
        return of(hosts, rows, columns);
    }

    public static FloorPlan of(List<Host> hosts, Rows rows, int columns) {
        Objects.requireNonNull(rows, "rows");
        if (columns < 1) {
            throw new IllegalArgumentException("an area needs at least one column");
        }
        Map<String, List<Host>> byZone = byZone(hosts);
        List<Area> areas = new ArrayList<>();
        List<Cell> cells = new ArrayList<>(hosts.size());
        double areaWidth = columns + 2.0;
        double x0 = 0;
        double tallest = 0;
        for (Map.Entry<String, List<Host>> zone : byZone.entrySet()) {
            Map<String, List<Host>> byBand = new TreeMap<>();
            for (Host h : zone.getValue()) {
                byBand.computeIfAbsent(bandOf(h, rows), k -> new ArrayList<>()).add(h);
            }
            List<Band> bands = new ArrayList<>();
            double y = 1;
            for (Map.Entry<String, List<Host>> band : byBand.entrySet()) {
                List<Host> inBand = band.getValue();
                inBand.sort(STABLE);
                int bandRows = (inBand.size() + columns - 1) / columns;
                bands.add(new Band(band.getKey(), y, bandRows));
                for (int i = 0; i < inBand.size(); i++) {
                    Host h = inBand.get(i);
                    cells.add(new Cell(cells.size(), h.arn(), h.displayName(), areas.size(), band.getKey(),
                            x0 + 1 + i % columns, y + i / columns));
                }
                y += bandRows + 1; // a blank row between bands, like an aisle
            }
            double areaHeight = Math.max(3, y);
            areas.add(new Area(zone.getKey(), x0, 0, areaWidth, areaHeight, bands));
            tallest = Math.max(tallest, areaHeight);
            x0 += areaWidth + AREA_GAP;
        }
        // every area as tall as the tallest, so the plan reads as one floor
        List<Area> even = new ArrayList<>();
        for (Area a : areas) {
            even.add(new Area(a.name(), a.x(), a.y(), a.width(), tallest, a.bands()));
        }
        double width = areas.isEmpty() ? 0 : x0 - AREA_GAP;
        return new FloorPlan(even, cells, width, tallest, columns);
    }

    /** Hosts in a band are ordered by instance id, then ARN: neither changes while a host lives. */
    private static final Comparator<Host> STABLE = Comparator.comparing(Host::displayName).thenComparing(Host::arn);

    private static Map<String, List<Host>> byZone(List<Host> hosts) {
        Map<String, List<Host>> byZone = new TreeMap<>();
        for (Host h : hosts) {
            String zone = h.availabilityZone().isEmpty() ? "unknown zone" : h.availabilityZone();
            byZone.computeIfAbsent(zone, k -> new ArrayList<>()).add(h);
        }
        return byZone;
    }

    private static String bandOf(Host h, Rows rows) {
        if (rows == Rows.INSTANCE_TYPE) {
            return h.instanceType().isEmpty() ? "unknown type" : h.instanceType();
        }
        return Arns.clusterName(h.clusterArn());
    }

    public List<Area> areas() {
        return areas;
    }

    /** Every host's cell, areas in zone order, bands in name order, hosts in stable order. */
    public List<Cell> cells() {
        return cells;
    }

    public int size() {
        return cells.size();
    }

    /** The cell of a host; -1 when the host is not on the plan. */
    public int indexOf(String hostArn) {
        Integer i = indexByHost.get(hostArn);
        return i == null ? -1 : i;
    }

    /** The cell at a point in plan units, or -1. */
    public int cellAt(double px, double py) {
        for (int a = 0; a < areas.size(); a++) {
            Area area = areas.get(a);
            if (area.contains(px, py)) {
                int col = (int) Math.floor(px - area.x() - 1);
                if (col < 0 || col >= columns) {
                    return -1;
                }
                for (Cell c : cellsOf(a)) {
                    if (px >= c.x() && px < c.x() + 1 && py >= c.y() && py < c.y() + 1) {
                        return c.index();
                    }
                }
            }
        }
        return -1;
    }

    /** The cells of one area; a view of {@link #cells()}, which keeps each area's cells together. */
    public List<Cell> cellsOf(int area) {
        int from = -1;
        int to = -1;
        for (Cell c : cells) {
            if (c.area() == area) {
                if (from < 0) {
                    from = c.index();
                }
                to = c.index() + 1;
            }
        }
        return from < 0 ? Collections.emptyList() : cells.subList(from, to);
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public int columns() {
        return columns;
    }
}
