package io.harbormaster.views.clusters;

import io.harbormaster.model.packing.ClusterPacking;
import io.harbormaster.views.canvas.CanvasPalette;
import io.harbormaster.views.canvas.CanvasRegion;
import javafx.scene.canvas.GraphicsContext;

/**
 * A cluster's packing in two thin bars, CPU over memory: reserved in the CPU and memory series colours, the stranded
 * share after it in the theme's danger colour, on the theme's track.
 */
final class PackingBar extends CanvasRegion {

    private static final double BAR_H = 6;

    private ClusterPacking packing;

    PackingBar() {
        setPrefSize(120, 16);
        setMinSize(60, 16);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    }

    void show(ClusterPacking p) {
        packing = p;
        draw();
    }

    @Override
    protected void draw() {
        GraphicsContext g = canvas().getGraphicsContext2D();
        g.clearRect(0, 0, canvas().getWidth(), canvas().getHeight());
        if (packing == null) {
            return;
        }
        CanvasPalette palette = palette();
        bar(g, palette, 1, packing.cpuReservedPercent(), packing.strandedCpuPercent(), 0);
        bar(g, palette, 9, packing.memoryReservedPercent(), packing.strandedMemoryPercent(), 1);
    }

    private void bar(GraphicsContext g, CanvasPalette palette, double y, double reserved, double stranded,
            int series) {
        double w = canvas().getWidth();
        g.setFill(palette.track());
        g.fillRect(0, y, w, BAR_H);
        g.setFill(palette.series(series));
        g.fillRect(0, y, w * reserved / 100, BAR_H);
        g.setFill(palette.danger());
        g.fillRect(w * reserved / 100, y, w * stranded / 100, BAR_H);
    }
}
