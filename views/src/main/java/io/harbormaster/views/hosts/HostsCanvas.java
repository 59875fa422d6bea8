package io.harbormaster.views.hosts;

import io.harbormaster.model.packing.Stranding;
import java.util.Arrays;
import java.util.BitSet;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The hosts drawn on one Canvas: only the cards in view (found by grid arithmetic), bars as runs of same-service
 * tasks snapped to whole pixels, filled colour by colour. Drag or scroll to pan, Ctrl+scroll or +/- to zoom,
 * 0 to reset; hover for details; click a task to light up its service.
 */
public final class HostsCanvas extends Region {

    static final double MIN_SCALE = 0.1;
    static final double MAX_SCALE = 8;

    private final HostsViewModel viewModel;
    private final Canvas canvas = new Canvas();
    private final Label tip = new Label();
    private final RectBatch runs = new RectBatch();
    private int[] visible = new int[256];
    private int visibleCount;
    private Paint[] paints = new Paint[1];
    private HostModel paintsOf;
    private ImagePattern hatch;
    private double scale = 1;
    private double tx;
    private double ty;
    private double pressX;
    private double pressY;
    private boolean dragged;
    private String pendingCentre;
    private long lastDrawNanos;

    public HostsCanvas(HostsViewModel viewModel) {
        this.viewModel = viewModel;
        setId("hosts-canvas");
        getStyleClass().add("hm-hosts-canvas");
        tip.setId("hosts-tooltip");
        tip.getStyleClass().add(io.harbormaster.views.fleet.FleetStyles.TOOLTIP);
        tip.setManaged(false);
        tip.setVisible(false);
        tip.setMouseTransparent(true);
        getChildren().addAll(canvas, tip);
        setFocusTraversable(true);
        setMinSize(100, 100);

        widthProperty().addListener((obs, old, now) -> {
            if (now.doubleValue() > 0) {
                viewModel.columnsProperty().set(HostLayout.columnsFor(now.doubleValue()));
            }
        });
        viewModel.layoutProperty().addListener((obs, old, now) -> {
            if (pendingCentre != null) {
                centre(pendingCentre);
            } else {
                redraw();
            }
        });
        viewModel.highlightedCellsProperty().addListener((obs, old, now) -> redraw());
        viewModel.selectedHostProperty().addListener((obs, old, now) -> redraw());
        viewModel.measuredProperty().addListener((obs, old, now) -> redraw());
        viewModel.centreProperty().addListener((obs, old, now) -> {
            if (now != null) {
                centre(now.hostArn());
            }
        });
        setOnScroll(this::scrolled);
        setOnZoom(e -> zoomAt(e.getZoomFactor(), e.getX(), e.getY()));
        setOnMousePressed(e -> {
            pressX = e.getX();
            pressY = e.getY();
            dragged = false;
            requestFocus();
        });
        setOnMouseDragged(this::dragged);
        setOnMouseReleased(this::released);
        setOnMouseMoved(this::hover);
        setOnMouseExited(e -> tip.setVisible(false));
        setOnKeyPressed(this::key);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            if (pendingCentre != null && viewModel.layoutProperty().get() != null) {
                centre(pendingCentre);
            } else {
                redraw();
            }
        }
        tip.autosize();
    }

    /** Zooms by {@code factor} keeping the world point under (px, py) where it is. */
    public void zoomAt(double factor, double px, double py) {
        double next = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        double wx = (px - tx) / scale;
        double wy = (py - ty) / scale;
        scale = next;
        tx = px - wx * scale;
        ty = py - wy * scale;
        clamp();
        redraw();
    }

    public void pan(double dx, double dy) {
        tx += dx;
        ty += dy;
        clamp();
        redraw();
    }

    /** Back to zoom 1 at the top left. */
    public void reset() {
        scale = 1;
        tx = 0;
        ty = 0;
        redraw();
    }

    /** Brings a host to the middle of the view, zoomed in to at least 1. */
    public void centre(String hostArn) {
        HostLayout layout = viewModel.layoutProperty().get();
        int i = layout == null ? -1 : layout.indexOf(hostArn);
        if (i < 0 || canvas.getWidth() <= 0) {
            pendingCentre = hostArn;
            return;
        }
        pendingCentre = null;
        scale = Math.max(scale, 1);
        tx = canvas.getWidth() / 2 - (layout.x(i) + HostLayout.CARD_W / 2) * scale;
        ty = canvas.getHeight() / 2 - (layout.y(i) + HostLayout.CARD_H / 2) * scale;
        clamp();
        redraw();
    }

    public double scale() {
        return scale;
    }

    /** How long the last redraw took on the UI thread, in nanoseconds. */
    public long lastDrawNanos() {
        return lastDrawNanos;
    }

    /** Cards drawn by the last redraw. */
    public int lastVisibleCount() {
        return visibleCount;
    }

    private void clamp() {
        HostLayout layout = viewModel.layoutProperty().get();
        if (layout == null) {
            return;
        }
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        tx = Math.min(w / 2, Math.max(w / 2 - layout.width() * scale, tx));
        ty = Math.min(h / 2, Math.max(h / 2 - layout.height() * scale, ty));
        if (layout.width() * scale <= w) {
            tx = Math.min(tx, HostLayout.MARGIN);
            tx = Math.max(tx, 0);
        }
    }

    /** Draws what is in view. Public for the benchmark, which times it. */
    public void redraw() {
        long started = System.nanoTime();
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        Theme theme = Theme.of(this);
        // Clearing the whole canvas also drops the commands of frames not yet rendered: several redraws between
        // two pulses (a fast drag) must not pile up in the canvas's buffer.
        g.clearRect(0, 0, w, h);
        g.setFill(theme.background);
        g.fillRect(0, 0, w, h);
        HostLayout layout = viewModel.layoutProperty().get();
        if (layout == null || w <= 0) {
            visibleCount = 0;
            lastDrawNanos = System.nanoTime() - started;
            return;
        }
        if (paintsOf != viewModel.modelProperty().get()) {
            paintsOf = viewModel.modelProperty().get();
            paints = paintsFor(paintsOf);
        }
        double s = scale;
        visibleCount = 0;
        layout.forEachVisible(-tx / s, -ty / s, (w - tx) / s, (h - ty) / s, this::collect);

        g.setFill(theme.text);
        g.setFont(Font.font(null, FontWeight.BOLD, Math.max(9, Math.min(16, 13 * s))));
        for (HostLayout.Group group : layout.groupsBetween(-ty / s, (h - ty) / s)) {
            g.fillText(group.title(), HostLayout.MARGIN * s + tx, (group.top() + 22) * s + ty);
        }
        double cw = HostLayout.CARD_W * s;
        double ch = HostLayout.CARD_H * s;
        double bx = HostLayout.BAR_X * s;
        double bw = HostLayout.BAR_W * s;
        double bh = HostLayout.BAR_H * s;
        double cpuY = HostLayout.CPU_Y * s;
        double memY = HostLayout.MEM_Y * s;

        g.setFill(theme.card);
        for (int k = 0; k < visibleCount; k++) {
            int i = visible[k];
            g.fillRect(layout.x(i) * s + tx, layout.y(i) * s + ty, cw, ch);
        }
        g.setFill(theme.free);
        for (int k = 0; k < visibleCount; k++) {
            int i = visible[k];
            double x = layout.x(i) * s + tx + bx;
            double y = layout.y(i) * s + ty;
            g.fillRect(x, y + cpuY, bw, bh);
            g.fillRect(x, y + memY, bw, bh);
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
        drawMeasured(g, theme, layout, s, bx, bw, bh, cpuY, memY);

        g.setFill(hatch(theme));
        g.setStroke(theme.warning);
        g.setLineWidth(Math.max(1, 2 * s));
        for (int k = 0; k < visibleCount; k++) {
            int i = visible[k];
            HostCell c = layout.cell(i);
            double x = layout.x(i) * s + tx + bx;
            double y = layout.y(i) * s + ty;
            if (c.stranding == Stranding.CPU_WITHOUT_MEMORY || c.stranding == Stranding.MISMATCHED) {
                hatchFree(g, c.usedCpu(), c.registeredCpu, x, y + cpuY, bw, bh);
            }
            if (c.stranding == Stranding.MEMORY_WITHOUT_CPU || c.stranding == Stranding.MISMATCHED) {
                hatchFree(g, c.usedMemory(), c.registeredMemory, x, y + memY, bw, bh);
            }
            if (!c.portBlockedBy.isEmpty()) {
                g.strokeRect(layout.x(i) * s + tx, layout.y(i) * s + ty, cw, ch);
            }
        }
        if (s >= 0.55) {
            g.setFill(theme.text);
            g.setFont(Font.font(Math.min(13, 11 * s)));
            for (int k = 0; k < visibleCount; k++) {
                int i = visible[k];
                HostCell c = layout.cell(i);
                g.fillText(c.name + " · " + c.instanceType + " · " + c.taskCount(),
                        layout.x(i) * s + tx + bx, layout.y(i) * s + ty + 13 * s, bw);
            }
        }
        BitSet lit = viewModel.highlightedCellsProperty().get();
        if (lit != null) {
            g.setFill(theme.dim);
            for (int k = 0; k < visibleCount; k++) {
                int i = visible[k];
                if (!lit.get(i)) {
                    g.fillRect(layout.x(i) * s + tx, layout.y(i) * s + ty, cw, ch);
                }
            }
            g.setStroke(theme.accent);
            g.setLineWidth(Math.max(1.5, 2.5 * s));
            for (int k = 0; k < visibleCount; k++) {
                int i = visible[k];
                if (lit.get(i)) {
                    g.strokeRect(layout.x(i) * s + tx, layout.y(i) * s + ty, cw, ch);
                }
            }
        }
        String picked = viewModel.selectedHostProperty().get();
        int p = picked == null ? -1 : layout.indexOf(picked);
        if (p >= 0) {
            // In the text colour, so the picked host stands apart from a highlighted service's accent outlines.
            g.setStroke(theme.text);
            g.setLineWidth(Math.max(3, 4 * s));
            g.strokeRect(layout.x(p) * s + tx - 2, layout.y(p) * s + ty - 2, cw + 4, ch + 4);
        }
        lastDrawNanos = System.nanoTime() - started;
    }

    /**
     * Measured use over what is reserved: a dark band along the bottom of each bar as far as the host's measured
     * utilisation, and an outline as far as its reservations; a long outline over a short band is over-reserved.
     */
    private void drawMeasured(GraphicsContext g, Theme theme, HostLayout layout, double s, double bx, double bw,
            double bh, double cpuY, double memY) {
        java.util.Map<String, MeasuredUse.Use> use = viewModel.measuredProperty().get();
        if (use.isEmpty()) {
            return;
        }
        g.setFill(theme.text.deriveColor(0, 1, 1, 0.7));
        g.setStroke(theme.text);
        g.setLineWidth(Math.max(1, s));
        double band = Math.max(2, bh * 0.4);
        for (int k = 0; k < visibleCount; k++) {
            int i = visible[k];
            HostCell c = layout.cell(i);
            MeasuredUse.Use u = use.get(c.arn);
            if (u == null) {
                continue;
            }
            double x = layout.x(i) * s + tx + bx;
            double y = layout.y(i) * s + ty;
            measured(g, u.cpu(), c.usedCpu(), c.registeredCpu, x, y + cpuY, bw, bh, band);
            measured(g, u.memory(), c.usedMemory(), c.registeredMemory, x, y + memY, bw, bh, band);
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

    private void hatchFree(GraphicsContext g, int used, int registered, double x, double y, double w, double h) {
        if (registered <= 0 || used >= registered) {
            return;
        }
        double from = x + w * used / registered;
        g.fillRect(from, y, x + w - from, h);
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

    private ImagePattern hatch(Theme theme) {
        if (hatch == null) {
            WritableImage image = new WritableImage(8, 8);
            PixelWriter pixels = image.getPixelWriter();
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    boolean line = (x + y) % 8 < 2;
                    pixels.setColor(x, y, line ? theme.stranded : Color.TRANSPARENT);
                }
            }
            hatch = new ImagePattern(image, 0, 0, 8, 8, false);
        }
        return hatch;
    }

    private void scrolled(ScrollEvent e) {
        if (e.isControlDown() || e.isShortcutDown()) {
            zoomAt(Math.exp(e.getDeltaY() / 300), e.getX(), e.getY());
        } else if (e.isShiftDown() && e.getDeltaX() == 0) {
            pan(e.getDeltaY(), 0);
        } else {
            pan(e.getDeltaX(), e.getDeltaY());
        }
        e.consume();
    }

    private void dragged(MouseEvent e) {
        double dx = e.getX() - pressX;
        double dy = e.getY() - pressY;
        if (dragged || Math.abs(dx) + Math.abs(dy) > 3) {
            dragged = true;
            pressX = e.getX();
            pressY = e.getY();
            tip.setVisible(false);
            pan(dx, dy);
        }
    }

    private void released(MouseEvent e) {
        if (dragged) {
            return;
        }
        HostLayout.Hit hit = hitAt(e.getX(), e.getY());
        HostModel model = viewModel.modelProperty().get();
        if (hit != null && hit.task() >= 0 && model != null) {
            int service = viewModel.layoutProperty().get().cell(hit.cell()).service[hit.task()];
            viewModel.highlight(service < 0 ? null : model.services().get(service).arn());
        }
    }

    private void hover(MouseEvent e) {
        HostLayout.Hit hit = hitAt(e.getX(), e.getY());
        String text = viewModel.describe(hit);
        if (text.isEmpty()) {
            tip.setVisible(false);
            return;
        }
        tip.setText(text);
        tip.autosize();
        double x = e.getX() + 16;
        double y = e.getY() + 16;
        if (x + tip.getWidth() > getWidth()) {
            x = Math.max(0, e.getX() - tip.getWidth() - 8);
        }
        if (y + tip.getHeight() > getHeight()) {
            y = Math.max(0, e.getY() - tip.getHeight() - 8);
        }
        tip.relocate(x, y);
        tip.setVisible(true);
    }

    /** What is under a point of the canvas. */
    public HostLayout.Hit hitAt(double px, double py) {
        HostLayout layout = viewModel.layoutProperty().get();
        return layout == null ? null : layout.hitTest((px - tx) / scale, (py - ty) / scale);
    }

    private void key(KeyEvent e) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        switch (e.getCode()) {
            case PLUS, EQUALS, ADD -> zoomAt(1.25, w / 2, h / 2);
            case MINUS, SUBTRACT -> zoomAt(0.8, w / 2, h / 2);
            case DIGIT0, NUMPAD0, HOME -> reset();
            case LEFT -> pan(80, 0);
            case RIGHT -> pan(-80, 0);
            case UP -> pan(0, 80);
            case DOWN -> pan(0, -80);
            case PAGE_UP -> pan(0, h * 0.9);
            case PAGE_DOWN -> pan(0, -h * 0.9);
            case ESCAPE -> viewModel.highlight(null);
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Colours of the current theme, read from the canvas's own CSS background. */
    private record Theme(Color background, Color card, Color free, Color text, Color accent, Color warning,
                         Color stranded, Color dim) {
        static Theme of(Region region) {
            Color bg = Color.WHITE;
            if (region.getBackground() != null && !region.getBackground().getFills().isEmpty()
                    && region.getBackground().getFills().get(0).getFill() instanceof Color c) {
                bg = c;
            }
            boolean dark = bg.getBrightness() < 0.5;
            return dark
                    ? new Theme(bg, Color.gray(0.19), Color.gray(0.28), Color.gray(0.88), Color.web("#2f81f7"),
                            Color.web("#d29922"), Color.web("#f85149"), bg.deriveColor(0, 1, 1, 0.78))
                    : new Theme(bg, Color.gray(0.95), Color.gray(0.86), Color.gray(0.15), Color.web("#0969da"),
                            Color.web("#bf8700"), Color.web("#cf222e"), bg.deriveColor(0, 1, 1, 0.78));
        }
    }
}
