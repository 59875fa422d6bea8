package io.harbormaster.views.hosts;

import io.harbormaster.views.canvas.CanvasRegion;
import io.harbormaster.views.fleet.FleetStyles;
import javafx.scene.control.Label;

/**
 * The hosts drawn on one Canvas in the theme's colours: a {@link HostsViewport} says which part of the layout is in
 * view, {@link HostsPainter} draws it, {@link HostsInput} moves it. Redraws when the layout, the highlight, the
 * picked host, the measured use, the size or the theme change.
 */
public final class HostsCanvas extends CanvasRegion {

    private final HostsViewModel viewModel;
    private final HostsViewport viewport = new HostsViewport();
    private final HostsPainter painter = new HostsPainter();
    private final Label tip = new Label();
    private String pendingCentre;
    private long lastDrawNanos;

    public HostsCanvas(HostsViewModel viewModel) {
        this.viewModel = viewModel;
        setId("hosts-canvas");
        getStyleClass().add("hm-hosts-canvas");
        tip.setId("hosts-tooltip");
        tip.getStyleClass().add(FleetStyles.TOOLTIP);
        tip.setManaged(false);
        tip.setVisible(false);
        tip.setMouseTransparent(true);
        getChildren().add(tip);
        setFocusTraversable(true);
        setMinSize(100, 100);

        widthProperty().addListener((obs, old, now) -> {
            if (now.doubleValue() > 0) {
                viewModel.columnsProperty().set(HostLayout.columnsFor(now.doubleValue()));
            }
        });
        viewModel.layoutProperty().addListener((obs, old, now) -> {
            if (pendingCentre == null || !centred(pendingCentre)) {
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
        HostsInput.install(this, viewModel, tip);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        tip.autosize();
    }

    @Override
    protected void draw() {
        if (pendingCentre == null || !centred(pendingCentre)) {
            redraw();
        }
    }

    /** Zooms by {@code factor} keeping the world point under (px, py) where it is. */
    public void zoomAt(double factor, double px, double py) {
        sizeViewport();
        viewport.zoomAt(factor, px, py, viewModel.layoutProperty().get());
        redraw();
    }

    public void pan(double dx, double dy) {
        sizeViewport();
        viewport.pan(dx, dy, viewModel.layoutProperty().get());
        redraw();
    }

    /** Back to zoom 1 at the top left. */
    public void reset() {
        viewport.reset();
        redraw();
    }

    /** Brings a host to the middle of the view, zoomed in to at least 1; later, if it is not laid out yet. */
    public void centre(String hostArn) {
        if (!centred(hostArn)) {
            pendingCentre = hostArn;
        }
    }

    private boolean centred(String hostArn) {
        sizeViewport();
        if (!viewport.centre(viewModel.layoutProperty().get(), hostArn)) {
            return false;
        }
        pendingCentre = null;
        redraw();
        return true;
    }

    public double scale() {
        return viewport.scale();
    }

    /** How long the last redraw took on the UI thread, in nanoseconds. */
    public long lastDrawNanos() {
        return lastDrawNanos;
    }

    /** Cards drawn by the last redraw. */
    public int lastVisibleCount() {
        return painter.visibleCount();
    }

    /** What is under a point of the canvas. */
    public HostLayout.Hit hitAt(double px, double py) {
        return viewport.hitAt(viewModel.layoutProperty().get(), px, py);
    }

    /** Draws what is in view. Public for the benchmark, which times it. */
    public void redraw() {
        long started = System.nanoTime();
        sizeViewport();
        painter.paint(canvas().getGraphicsContext2D(), palette(), viewport, new HostsPainter.Frame(
                viewModel.layoutProperty().get(), viewModel.modelProperty().get(),
                viewModel.highlightedCellsProperty().get(), viewModel.selectedHostProperty().get(),
                viewModel.measuredProperty().get()));
        lastDrawNanos = System.nanoTime() - started;
    }

    private void sizeViewport() {
        viewport.resize(canvas().getWidth(), canvas().getHeight());
    }
}
