package io.harbormaster.model.noisemap;

import java.util.Arrays;
import java.util.List;

/**
 * Inverse-distance weighting over a {@link FloorPlan}, on a coarse grid of samples. The plan does not move between
 * refreshes, so which sensors reach each sample and with what weight is worked out once ({@link #of}); colouring a
 * new set of values is then {@code k} multiply-adds per sample ({@link #evaluate}). A sample only hears the sensors of
 * its own area (availability zones are separate rooms); samples outside every area stay {@code NaN}.
 */
public final class IdwField {

    /** How sharply a sensor's influence falls with distance: weight = 1 / d^POWER. */
    public static final double POWER = 2;

    private final int columns;
    private final int rows;
    private final double sampleSize;
    private final int k;
    /** For sample s, its sensors are sensors[s*k .. s*k+k) (−1 for none) with weights weights[s*k ..]. */
    private final int[] sensors;
    private final float[] weights;
    /** The area each sample lies in (−1 outside every area): gaps are only ever filled from the same room. */
    private final int[] areaOf;

    private IdwField(int columns, int rows, double sampleSize, int k, int[] sensors, float[] weights, int[] areaOf) {
        this.columns = columns;
        this.rows = rows;
        this.sampleSize = sampleSize;
        this.k = k;
        this.sensors = sensors;
        this.weights = weights;
        this.areaOf = areaOf;
    }

    /**
     * @param samplesPerCell grid resolution: samples along one cell's side (2–4 keeps the redraw cheap)
     * @param nearest        how many nearest sensors of the area each sample listens to
     */
    public static IdwField of(FloorPlan plan, int samplesPerCell, int nearest) {
        if (samplesPerCell < 1 || nearest < 1) {
            throw new IllegalArgumentException("need at least one sample per cell and one sensor per sample");
        }
        double size = 1.0 / samplesPerCell;
        int columns = Math.max(1, (int) Math.ceil(plan.width() * samplesPerCell));
        int rows = Math.max(1, (int) Math.ceil(plan.height() * samplesPerCell));
        int[] sensors = new int[columns * rows * nearest];
        float[] weights = new float[sensors.length];
        Arrays.fill(sensors, -1);
        int[] areaOf = new int[columns * rows];
        Arrays.fill(areaOf, -1);
        List<FloorPlan.Area> areas = plan.areas();
        double[] best = new double[nearest];
        int[] bestIndex = new int[nearest];
        for (int a = 0; a < areas.size(); a++) {
            FloorPlan.Area area = areas.get(a);
            List<FloorPlan.Cell> cells = plan.cellsOf(a);
            if (cells.isEmpty()) {
                continue;
            }
            int c0 = (int) Math.floor(area.x() / size);
            int c1 = Math.min(columns, (int) Math.ceil((area.x() + area.width()) / size));
            int r0 = (int) Math.floor(area.y() / size);
            int r1 = Math.min(rows, (int) Math.ceil((area.y() + area.height()) / size));
            for (int r = r0; r < r1; r++) {
                double py = (r + 0.5) * size;
                for (int c = c0; c < c1; c++) {
                    double px = (c + 0.5) * size;
                    if (!area.contains(px, py)) {
                        continue;
                    }
                    nearest(cells, px, py, best, bestIndex);
                    fill((r * columns + c) * nearest, best, bestIndex, sensors, weights);
                    areaOf[r * columns + c] = a;
                }
            }
        }
        return new IdwField(columns, rows, size, nearest, sensors, weights, areaOf);
    }

    /** The k nearest cells by squared distance, by insertion into a small sorted array. */
    private static void nearest(List<FloorPlan.Cell> cells, double px, double py, double[] best, int[] bestIndex) {
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        Arrays.fill(bestIndex, -1);
        int k = best.length;
        for (FloorPlan.Cell cell : cells) {
            double dx = cell.centreX() - px;
            double dy = cell.centreY() - py;
            double d2 = dx * dx + dy * dy;
            if (d2 >= best[k - 1]) {
                continue;
            }
            int i = k - 1;
            while (i > 0 && best[i - 1] > d2) {
                best[i] = best[i - 1];
                bestIndex[i] = bestIndex[i - 1];
                i--;
            }
            best[i] = d2;
            bestIndex[i] = cell.index();
        }
    }

    private static void fill(int at, double[] best, int[] bestIndex, int[] sensors, float[] weights) {
        if (bestIndex[0] >= 0 && best[0] < 1e-12) { // on a sensor: its value, exactly
            sensors[at] = bestIndex[0];
            weights[at] = 1;
            return;
        }
        for (int i = 0; i < best.length; i++) {
            if (bestIndex[i] < 0) {
                break;
            }
            sensors[at + i] = bestIndex[i];
            weights[at + i] = (float) (1 / Math.pow(best[i], POWER / 2));
        }
    }

    /**
     * Fills {@code out} (length {@link #columns()} × {@link #rows()}, row-major) with the interpolated values of
     * {@code values} (one per cell of the plan; {@code NaN} for a sensor without a reading, which is then left out).
     */
    public void evaluate(double[] values, float[] out) {
        int samples = columns * rows;
        for (int s = 0; s < samples; s++) {
            int base = s * k;
            double sum = 0;
            double weight = 0;
            for (int i = 0; i < k; i++) {
                int sensor = sensors[base + i];
                if (sensor < 0) {
                    break;
                }
                double v = values[sensor];
                if (!Double.isNaN(v)) {
                    double w = weights[base + i];
                    sum += w * v;
                    weight += w;
                }
            }
            out[s] = weight > 0 ? (float) (sum / weight) : Float.NaN;
        }
        fillGaps(out);
    }

    /**
     * A sample whose nearest sensors all lack a reading (hosts with no load balancer have no request rate) would be
     * a hole in the map. It takes the mean of its already-coloured neighbours in the same area instead: one raster
     * pass down and one back up reach every such sample of an area that has any reading at all.
     */
    private void fillGaps(float[] out) {
        boolean any = false;
        for (int s = 0; s < out.length && !any; s++) {
            any = areaOf[s] >= 0 && Float.isNaN(out[s]);
        }
        if (!any) {
            return;
        }
        for (int s = 0; s < out.length; s++) {
            fillFrom(out, s, s - 1, s - columns);
        }
        for (int s = out.length - 1; s >= 0; s--) {
            fillFrom(out, s, s + 1, s + columns);
        }
    }

    private void fillFrom(float[] out, int s, int beside, int across) {
        if (areaOf[s] < 0 || !Float.isNaN(out[s])) {
            return;
        }
        double sum = 0;
        int n = 0;
        boolean sameRow = beside >= 0 && beside < out.length && beside / columns == s / columns;
        if (sameRow && areaOf[beside] == areaOf[s] && !Float.isNaN(out[beside])) {
            sum += out[beside];
            n++;
        }
        if (across >= 0 && across < out.length && areaOf[across] == areaOf[s] && !Float.isNaN(out[across])) {
            sum += out[across];
            n++;
        }
        if (n > 0) {
            out[s] = (float) (sum / n);
        }
    }

    /** The interpolated value at a point in plan units, over every sensor given (no grid, no k limit): the reference. */
    public static double interpolate(double px, double py, double[] xs, double[] ys, double[] values) {
        double sum = 0;
        double weight = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                continue;
            }
            double dx = xs[i] - px;
            double dy = ys[i] - py;
            double d2 = dx * dx + dy * dy;
            if (d2 < 1e-12) {
                return values[i];
            }
            double w = 1 / Math.pow(d2, POWER / 2);
            sum += w * values[i];
            weight += w;
        }
        return weight > 0 ? sum / weight : Double.NaN;
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    /** A sample's side in plan units. */
    public double sampleSize() {
        return sampleSize;
    }

    public int samples() {
        return columns * rows;
    }
}
