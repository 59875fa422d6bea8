package io.harbormaster.views.noisemap;

import io.harbormaster.model.noisemap.FloorPlan;
import io.harbormaster.model.noisemap.HeatScale;
import io.harbormaster.model.noisemap.IdwField;
import io.harbormaster.views.canvas.CanvasPalette;
import io.harbormaster.views.canvas.CanvasRegion;
import io.harbormaster.views.shared.FirstFrames;
import io.harbormaster.views.shared.metrics.MetricsStyles;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The floor plan drawn on one Canvas: the interpolated field as a small image (one pixel per grid sample, written
 * straight from the IDW table and scaled up smoothly) where the mode has one, the availability zones as rooms, and
 * each host as a cell in its own colour. A frame change is one {@link IdwField#evaluate} and one image write, no node is created.
 */
public final class NoiseMapCanvas extends CanvasRegion {

    private static final double TOP = 24;
    private static final double SIDE = 8;
    private static final int FIELD_ALPHA = 150;
    private static final Font AREA_FONT = Font.font("System", FontWeight.BOLD, 12);
    private static final Font BAND_FONT = Font.font("System", 10);

    private final NoiseMapViewModel viewModel;
    private final Label tip = new Label();
    private WritableImage image;
    private float[] field = new float[0];
    private int[] pixels = new int[0];
    private double scale = 1;
    private double ox;
    private double oy;
    private long lastRedrawNanos;
    private long redraws;
    /** Something it draws changed while the map was out of sight: drawn when it shows again. */
    private boolean changedWhileHidden;
    /** A drawing is asked for at the next pulse: whatever else changes before it is drawn by it. */
    private boolean drawPending;

    public NoiseMapCanvas(NoiseMapViewModel viewModel) {
        this.viewModel = viewModel;
        setId("noise-canvas");
        getStyleClass().add(MetricsStyles.NOISE_CANVAS);
        tip.getStyleClass().add(MetricsStyles.CHART_TIP);
        tip.setManaged(false);
        tip.setVisible(false);
        tip.setMouseTransparent(true);
        getChildren().add(tip);
        setMinSize(200, 150);
        // A fleet result changes the layout, the frames' values, the scale and the thresholds one after another:
        // drawn once at the next pulse, not once for each, and not at all while nobody sees the map.
        ChangeListener<Object> redrawn = (o, was, now) -> changed();
        for (ObservableValue<?> drawn : List.of(viewModel.layoutProperty(), viewModel.valuesProperty(),
                viewModel.thresholdsProperty(), viewModel.scaleProperty(), viewModel.fieldProperty(),
                viewModel.selectedProperty())) {
            drawn.addListener(redrawn);
        }
        viewModel.activeProperty().addListener((o, was, now) -> {
            if (now && changedWhileHidden) {
                changedWhileHidden = false;
                drawAtNextPulse();
            }
        });
        setOnMouseMoved(this::hover);
        setOnMouseExited(e -> tip.setVisible(false));
        setOnMouseClicked(e -> viewModel.select(cellAt(e.getX(), e.getY())));
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        tip.autosize();
    }

    @Override
    protected void draw() {
        redraw();
    }

    private void changed() {
        if (viewModel.activeProperty().get()) {
            drawAtNextPulse();
        } else {
            changedWhileHidden = true;
        }
    }

    private void drawAtNextPulse() {
        if (drawPending) {
            return;
        }
        drawPending = true;
        FirstFrames.afterPulses(1, () -> {
            drawPending = false;
            redraw();
        });
    }

    /** How many times it has drawn the map (a test counts them). */
    public long redraws() {
        return redraws;
    }

    /** Nanoseconds the last redraw took on the UI thread (benchmark). */
    public long lastRedrawNanos() {
        return lastRedrawNanos;
    }

    /** The cell under a point of this region, or -1. */
    public int cellAt(double x, double y) {
        NoiseLayout layout = viewModel.layoutProperty().get();
        return layout == null ? -1 : layout.plan().cellAt((x - ox) / scale, (y - oy) / scale);
    }

    /** Where a cell's centre is drawn, in this region's coordinates (tests click there). */
    public double[] centreOf(int cell) {
        FloorPlan.Cell c = viewModel.layoutProperty().get().plan().cells().get(cell);
        return new double[] {ox + c.centreX() * scale, oy + c.centreY() * scale};
    }

    public void redraw() {
        long started = System.nanoTime();
        redraws++;
        double w = canvas().getWidth();
        double h = canvas().getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        CanvasPalette theme = palette();
        GraphicsContext g = canvas().getGraphicsContext2D();
        g.setFill(theme.background());
        g.fillRect(0, 0, w, h);
        NoiseLayout layout = viewModel.layoutProperty().get();
        if (layout == null || layout.plan().size() == 0) {
            return;
        }
        FloorPlan plan = layout.plan();
        scale = Math.max(0.5, Math.min((w - 2 * SIDE) / plan.width(), (h - TOP - SIDE) / plan.height()));
        ox = Math.floor((w - plan.width() * scale) / 2);
        oy = TOP;
        double[] values = viewModel.valuesProperty().get();
        HeatScale heat = viewModel.scaleProperty().get();
        if (values != null && heat != null && values.length == plan.size() && viewModel.fieldProperty().get()) {
            drawField(g, layout.field(), values, heat);
        }
        drawRooms(g, plan, theme);
        drawCells(g, plan, values, heat, theme);
        lastRedrawNanos = System.nanoTime() - started;
    }

    private void drawField(GraphicsContext g, IdwField idw, double[] values, HeatScale heat) {
        int n = idw.samples();
        if (field.length != n) {
            field = new float[n];
            pixels = new int[n];
        }
        idw.evaluate(values, field);
        for (int i = 0; i < n; i++) {
            pixels[i] = heat.fastArgb(field[i], FIELD_ALPHA);
        }
        if (image == null || image.getWidth() != idw.columns() || image.getHeight() != idw.rows()) {
            image = new WritableImage(idw.columns(), idw.rows());
        }
        image.getPixelWriter().setPixels(0, 0, idw.columns(), idw.rows(), PixelFormat.getIntArgbInstance(), pixels,
                0, idw.columns());
        g.setImageSmoothing(true);
        double side = idw.sampleSize() * scale;
        g.drawImage(image, ox, oy, idw.columns() * side, idw.rows() * side);
    }

    private void drawRooms(GraphicsContext g, FloorPlan plan, CanvasPalette theme) {
        g.setLineWidth(1.5);
        g.setLineDashes();
        for (FloorPlan.Area a : plan.areas()) {
            double x = ox + a.x() * scale;
            double y = oy + a.y() * scale;
            g.setStroke(theme.axis());
            g.strokeRoundRect(x, y, a.width() * scale, a.height() * scale, 8, 8);
            g.setFill(theme.text());
            g.setFont(AREA_FONT);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(a.name(), x + 2, y - 4);
            if (scale >= 9) {
                g.setFont(BAND_FONT);
                g.setTextBaseline(VPos.CENTER);
                for (FloorPlan.Band b : a.bands()) {
                    g.fillText(b.label(), x + scale, oy + (b.y() - 0.5) * scale);
                }
            }
        }
    }

    private void drawCells(GraphicsContext g, FloorPlan plan, double[] values, HeatScale heat, CanvasPalette theme) {
        double inset = scale * 0.16;
        double side = scale - 2 * inset;
        boolean outline = side >= 5;
        g.setLineWidth(1);
        // Outlines in the background's colour keep neighbouring cells apart in either theme.
        Color edge = theme.background().deriveColor(0, 1, 1, 0.8);
        Color none = theme.track();
        for (FloorPlan.Cell c : plan.cells()) {
            double x = ox + c.x() * scale + inset;
            double y = oy + c.y() * scale + inset;
            double v = values == null || c.index() >= values.length ? Double.NaN : values[c.index()];
            if (Double.isNaN(v) || heat == null) {
                g.setFill(none);
            } else {
                int argb = heat.argb(v, 255);
                g.setFill(Color.rgb(argb >> 16 & 0xff, argb >> 8 & 0xff, argb & 0xff));
            }
            g.fillRect(x, y, side, side);
            if (outline) {
                g.setStroke(edge);
                g.strokeRect(x + 0.5, y + 0.5, side - 1, side - 1);
            }
        }
        HostDetail selected = viewModel.selectedProperty().get();
        int cell = selected == null ? -1 : plan.indexOf(selected.host().arn());
        if (cell >= 0) {
            FloorPlan.Cell c = plan.cells().get(cell);
            g.setStroke(theme.accent());
            g.setLineWidth(3);
            g.strokeRect(ox + c.x() * scale, oy + c.y() * scale, scale, scale);
        }
    }

    private void hover(MouseEvent e) {
        int cell = cellAt(e.getX(), e.getY());
        if (cell < 0) {
            tip.setVisible(false);
            return;
        }
        FloorPlan.Cell c = viewModel.layoutProperty().get().plan().cells().get(cell);
        double[] values = viewModel.valuesProperty().get();
        double v = values == null ? Double.NaN : values[cell];
        tip.setText(c.name() + " · " + c.band() + "\n" + (Double.isNaN(v) ? "no data" : viewModel.format(v)));
        tip.autosize();
        tip.relocate(Math.min(e.getX() + 12, getWidth() - tip.getWidth() - 4),
                Math.min(e.getY() + 12, getHeight() - tip.getHeight() - 4));
        tip.setVisible(true);
    }
}
