package io.harbormaster.views.hosts;

import io.harbormaster.views.canvas.CanvasRegion;
import io.harbormaster.views.fleet.FleetStyles;
import java.util.function.Consumer;
import javafx.scene.control.Label;

/**
 * The hosts drawn on one Canvas in the theme's colours: a {@link HostsViewport} says which part of the layout is in
 * view, {@link HostsPainter} draws it, {@link HostsInput} moves it. Redraws when the layout, the highlight, the
 * picked host, the measured use, the size or the theme change; back to the top when the environment changes.
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
        viewModel.fleet().sessionProperty().addListener((obs, old, now) -> {
            viewport.reset();
            tip.setVisible(false);
        });
        viewModel.layoutProperty().addListener((obs, old, now) -> draw());
        viewModel.highlightedCellsProperty().addListener((obs, old, now) -> redraw());
        viewModel.selectedHostProperty().addListener((obs, old, now) -> redraw());
        viewModel.measuredProperty().addListener((obs, old, now) -> redraw());
        viewModel.centreProperty().addListener((obs, old, now) -> {
            if (now != null && !centred(now.hostArn())) {
                pendingCentre = now.hostArn();
            }
        });
        HostsInput.install(this, viewModel, tip);
    }

    /** The canvas takes the room it is given; its current size must not become the page's preferred width. */
    @Override
    protected double computePrefWidth(double height) {
        return getMinWidth();
    }

    @Override
    protected double computePrefHeight(double width) {
        return getMinHeight();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        tip.autosize();
    }

    @Override
    protected void draw() {
        if (pendingCentre == null || !centred(pendingCentre)) {
            move(v -> v.clamp(laid()));
        }
    }

    /** Zooms by {@code factor} keeping the world point under (px, py) where it is. */
    public void zoomAt(double factor, double px, double py) {
        move(v -> v.zoomAt(factor, px, py, laid()));
    }

    public void pan(double dx, double dy) {
        move(v -> v.pan(dx, dy, laid()));
    }

    /** Back to zoom 1 at the top left. */
    public void reset() {
        move(HostsViewport::reset);
    }

    /** Every host in view, as far as the smallest zoom allows. */
    public void fit() {
        move(v -> v.fit(laid()));
    }

    private boolean centred(String hostArn) {
        viewport.resize(canvas().getWidth(), canvas().getHeight());
        boolean found = viewport.centre(laid(), hostArn);
        if (found) {
            pendingCentre = null;
            redraw();
        }
        return found;
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
        return viewport.hitAt(laid(), px, py);
    }

    /** Draws what is in view. Public for the benchmark, which times it. */
    public void redraw() {
        move(v -> { });
    }

    private void move(Consumer<HostsViewport> how) {
        long started = System.nanoTime();
        viewport.resize(canvas().getWidth(), canvas().getHeight());
        how.accept(viewport);
        painter.paint(canvas().getGraphicsContext2D(), palette(), viewport, new HostsPainter.Frame(laid(),
                viewModel.modelProperty().get(), viewModel.highlightedCellsProperty().get(),
                viewModel.highlightedProperty().get(), viewModel.selectedHostProperty().get(),
                viewModel.measuredProperty().get()));
        lastDrawNanos = System.nanoTime() - started;
    }

    private HostLayout laid() {
        return viewModel.layoutProperty().get();
    }
}
