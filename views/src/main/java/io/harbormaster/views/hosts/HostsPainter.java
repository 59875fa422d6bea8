package io.harbormaster.views.hosts;

import io.harbormaster.model.packing.Stranding;
import io.harbormaster.views.canvas.CanvasPalette;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * Paints one frame of the hosts: only the cards in view (found by grid arithmetic), bars as runs of same-service
 * tasks snapped to whole pixels, filled colour by colour; stranded capacity hatched, port-blocked cards outlined,
 * a lit-up service's cards outlined over the dimmed rest, the picked host framed. Colours from the theme's palette.
 */
final class HostsPainter {

    /** What a frame shows besides the viewport. */
    record Frame(HostLayout layout, HostModel model, BitSet lit, String picked, Map<String, MeasuredUse.Use> measured) {
    }

    private final RectBatch runs = new RectBatch();
    private int[] visible = new int[256];
    private int visibleCount;
    private Paint[] paints = new Paint[1];
    private HostModel paintsOf;
    private ImagePattern hatch;
    private Color hatchColour;

    /** Cards drawn by the last frame. */
    int visibleCount() {
        return visibleCount;
    }

    void paint(GraphicsContext g, CanvasPalette palette, HostsViewport view, Frame frame) {
        double w = view.width();
        double h = view.height();
        // Clearing the whole canvas also drops the commands of frames not yet rendered: several redraws between
        // two pulses (a fast drag) must not pile up in the canvas's buffer.
        g.clearRect(0, 0, w, h);
        g.setFill(palette.background());
        g.fillRect(0, 0, w, h);
        HostLayout layout = frame.layout();
        visibleCount = 0;
        if (layout == null || w <= 0) {
            return;
        }
        if (paintsOf != frame.model()) {
            paintsOf = frame.model();
            paints = paintsFor(paintsOf);
        }
        double s = view.scale();
        double tx = view.tx();
        double ty = view.ty();
        layout.forEachVisible(view.worldX(0), view.worldY(0), view.worldX(w), view.worldY(h), this::collect);

        g.setFill(palette.text());
        g.setFont(Font.font(null, FontWeight.BOLD, Math.max(9, Math.min(16, 13 * s))));
        for (HostLayout.Group group : layout.groupsBetween(view.worldY(0), view.worldY(h))) {
            g.fillText(group.title(), HostLayout.MARGIN * s + tx, view.screenY(group.top() + 22));
        }
        double cw = HostLayout.CARD_W * s;
        double ch = HostLayout.CARD_H * s;
        double bx = HostLayout.BAR_X * s;
        double bw = HostLayout.BAR_W * s;
        double bh = HostLayout.BAR_H * s;
        double cpuY = HostLayout.CPU_Y * s;
        double memY = HostLayout.MEM_Y * s;

        g.setFill(palette.surface());
        for (int k = 0; k < visibleCount; k++) {
            int i = visible[k];
            g.fillRect(layout.x(i) * s + tx, layout.y(i) * s + ty, cw, ch);
        }
        g.setFill(palette.track());
        for (int k = 0; k < visibleCount; k++) {
            int i = visible[k];
            double x = layout.x(i) * s + tx + bx;
            double y = layout.y(i) * s + ty;
            g.fillRect(x, y + cpuY, bw, bh);
            g.fillRect(x, y + memY, bw, bh);
        }
        // Reserved by tasks not read yet (a load still running): the host's own figure, in a neutral tone.
        g.setFill(palette.muted().deriveColor(0, 1, 1, 0.45));
        for (int k = 0; k < visibleCount; k++) {
            int i = visible[k];
            HostCell c = layout.cell(i);
            if (c.unread()) {
                double x = layout.x(i) * s + tx + bx;
                double y = layout.y(i) * s + ty;
                span(g, c.usedCpu(), c.reservedCpu, c.registeredCpu, x, y + cpuY, bw, bh);
                span(g, c.usedMemory(), c.reservedMemory, c.registeredMemory, x, y + memY, bw, bh);
            }
        }
        runs.reset(paints.length);
        boolean perTask = s >= 3;
        for (int k = 0; k < visibleCount; k++) {
            int i = visible[k];
            HostCell c = layout.cell(i);
            double x = layout.x(i) * s + tx + bx;
            double y = layout.y(i) * s + ty;
            if (perTask) {
                addTasks(c.service, c.cpuEnd, c.registeredCpu, x, y + cpuY, bw, bh);
                addTasks(c.service, c.memEnd, c.registeredMemory, x, y + memY, bw, bh);
            } else {
                addRuns(c.runService, c.runCpuEnd, c.registeredCpu, x, y + cpuY, bw, bh);
                addRuns(c.runService, c.runMemEnd, c.registeredMemory, x, y + memY, bw, bh);
            }
        }
        runs.fill(g, paints);
        drawMeasured(g, palette, frame.measured(), layout, view, bx, bw, bh, cpuY, memY);

        g.setFill(hatch(palette.danger()));
        g.setStroke(palette.warning());
        g.setLineWidth(Math.max(1, 2 * s));
        for (int k = 0; k < visibleCount; k++) {
            int i = visible[k];
            HostCell c = layout.cell(i);
            double x = layout.x(i) * s + tx + bx;
            double y = layout.y(i) * s + ty;
            if (c.stranding == Stranding.CPU_WITHOUT_MEMORY || c.stranding == Stranding.MISMATCHED) {
                hatchFree(g, c.reservedCpu, c.registeredCpu, x, y + cpuY, bw, bh);
            }
            if (c.stranding == Stranding.MEMORY_WITHOUT_CPU || c.stranding == Stranding.MISMATCHED) {
                hatchFree(g, c.reservedMemory, c.registeredMemory, x, y + memY, bw, bh);
            }
            if (!c.portBlockedBy.isEmpty()) {
                g.strokeRect(layout.x(i) * s + tx, layout.y(i) * s + ty, cw, ch);
            }
        }
        if (s >= 0.55) {
            g.setFill(palette.text());
            g.setFont(Font.font(Math.min(13, 11 * s)));
            for (int k = 0; k < visibleCount; k++) {
                int i = visible[k];
                HostCell c = layout.cell(i);
                g.fillText(c.name + " · " + c.instanceType + " · " + c.taskCount(),
                        layout.x(i) * s + tx + bx, layout.y(i) * s + ty + 13 * s, bw);
            }
        }
        BitSet lit = frame.lit();
        if (lit != null) {
            g.setFill(palette.dim());
            for (int k = 0; k < visibleCount; k++) {
                int i = visible[k];
                if (!lit.get(i)) {
                    g.fillRect(layout.x(i) * s + tx, layout.y(i) * s + ty, cw, ch);
                }
            }
            g.setStroke(palette.accent());
            g.setLineWidth(Math.max(1.5, 2.5 * s));
            for (int k = 0; k < visibleCount; k++) {
                int i = visible[k];
                if (lit.get(i)) {
                    g.strokeRect(layout.x(i) * s + tx, layout.y(i) * s + ty, cw, ch);
                }
            }
        }
        int p = frame.picked() == null ? -1 : layout.indexOf(frame.picked());
        if (p >= 0) {
            // In the text colour, so the picked host stands apart from a highlighted service's accent outlines.
            g.setStroke(palette.text());
            g.setLineWidth(Math.max(3, 4 * s));
            g.strokeRect(layout.x(p) * s + tx - 2, layout.y(p) * s + ty - 2, cw + 4, ch + 4);
        }
    }

    /**
     * Measured use over what is reserved: a band along the bottom of each bar as far as the host's measured
     * utilisation, and an outline as far as its reservations; a long outline over a short band is over-reserved.
     */
    private void drawMeasured(GraphicsContext g, CanvasPalette palette, Map<String, MeasuredUse.Use> use,
            HostLayout layout, HostsViewport view, double bx, double bw, double bh, double cpuY, double memY) {
        if (use == null || use.isEmpty()) {
            return;
        }
        double s = view.scale();
        g.setFill(palette.text().deriveColor(0, 1, 1, 0.7));
        g.setStroke(palette.text());
        g.setLineWidth(Math.max(1, s));
        double band = Math.max(2, bh * 0.4);
        for (int k = 0; k < visibleCount; k++) {
            int i = visible[k];
            HostCell c = layout.cell(i);
            MeasuredUse.Use u = use.get(c.arn);
            if (u == null) {
                continue;
            }
            double x = view.screenX(layout.x(i)) + bx;
            double y = view.screenY(layout.y(i));
            measured(g, u.cpu(), c.reservedCpu, c.registeredCpu, x, y + cpuY, bw, bh, band);
            measured(g, u.memory(), c.reservedMemory, c.registeredMemory, x, y + memY, bw, bh, band);
        }
    }

    private static void measured(GraphicsContext g, double percent, int reserved, int registered, double x, double y,
            double w, double h, double band) {
        if (registered <= 0) {
            return;
        }
        if (!Double.isNaN(percent)) {
            g.fillRect(x, y + h - band, w * Math.max(0, Math.min(100, percent)) / 100, band);
        }
        g.strokeRect(x, y, w * Math.min(1, (double) reserved / registered), h);
    }

    private void collect(int index) {
        if (visibleCount == visible.length) {
            visible = Arrays.copyOf(visible, visible.length * 2);
        }
        visible[visibleCount++] = index;
    }

    /** Runs snapped to whole pixels: a run narrower than half a pixel vanishes into its neighbour, no gaps. */
    private void addRuns(int[] service, int[] ends, int registered, double x, double y, double w, double h) {
        if (registered <= 0) {
            return;
        }
        double unit = w / registered;
        long from = Math.round(x);
        for (int r = 0; r < ends.length; r++) {
            long to = Math.round(x + ends[r] * unit);
            if (to > from) {
                runs.add(paintIndex(service[r]), from, y, to - from, h);
                from = to;
            }
        }
    }

    /** Zoomed in: each task its own block with a pixel between. */
    private void addTasks(int[] service, int[] ends, int registered, double x, double y, double w, double h) {
        if (registered <= 0) {
            return;
        }
        double unit = w / registered;
        double from = x;
        for (int t = 0; t < ends.length; t++) {
            double to = x + ends[t] * unit;
            if (to - from > 1) {
                runs.add(paintIndex(service[t]), from, y, to - from - 1, h);
            }
            from = to;
        }
    }

    private static void hatchFree(GraphicsContext g, int used, int registered, double x, double y, double w,
            double h) {
        span(g, used, registered, registered, x, y, w, h);
    }

    /** Fills the part of a bar from {@code from} to {@code to} units of {@code registered}. */
    private static void span(GraphicsContext g, int from, int to, int registered, double x, double y, double w,
            double h) {
        if (registered > 0 && to > from) {
            g.fillRect(x + w * from / registered, y, w * (to - from) / registered, h);
        }
    }

    private int paintIndex(int service) {
        return service < 0 ? paints.length - 1 : service;
    }

    private static Paint[] paintsFor(HostModel model) {
        if (model == null) {
            return new Paint[] {ServiceColours.standalone()};
        }
        Color[] colours = ServiceColours.forModel(model);
        Paint[] out = Arrays.copyOf(colours, colours.length + 1, Paint[].class);
        out[colours.length] = ServiceColours.standalone();
        return out;
    }

    /** Diagonal stripes in the theme's danger colour; made again only when that colour changes. */
    private ImagePattern hatch(Color colour) {
        if (hatch == null || !colour.equals(hatchColour)) {
            WritableImage image = new WritableImage(8, 8);
            PixelWriter pixels = image.getPixelWriter();
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    boolean line = (x + y) % 8 < 2;
                    pixels.setColor(x, y, line ? colour : Color.TRANSPARENT);
                }
            }
            hatch = new ImagePattern(image, 0, 0, 8, 8, false);
            hatchColour = colour;
        }
        return hatch;
    }
}
