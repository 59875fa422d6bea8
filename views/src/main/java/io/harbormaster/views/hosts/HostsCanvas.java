package io.harbormaster.views.hosts;

import io.harbormaster.views.canvas.CanvasRegion;
import io.harbormaster.views.concurrent.UiThread;
import io.harbormaster.views.fleet.FleetStyles;
import io.harbormaster.views.shared.FirstFrames;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ContextMenu;
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
    private final ContextMenu taskMenu = new ContextMenu();
    private String pendingCentre;
    /** Whether the canvas has had a size: its first frame is only cleared. */
    private boolean sized;
    /** The hosts' first drawing is waiting for its pulse: anything asking meanwhile is drawn by it. */
    private boolean firstDrawPending;
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
        setPrefSize(100, 100); // it takes the room it is given: its current size must not widen the page
        // Its width changes while the window is laid out: the columns (and the summary and layout that follow them)
        // change after that pass, since a label whose text changes during a layout pass is not laid out again and
        // keeps showing its old text (CostJourneyTest saw Hosts' summary stay "124 hosts …" under a repack)
        widthProperty().addListener((obs, old, now) -> {
            if (now.doubleValue() > 0) {
                UiThread.later(() -> {
                    if (getWidth() > 0) {
                        viewModel.columnsProperty().set(HostLayout.columnsFor(getWidth()));
                    }
                });
            }
        });
        viewModel.fleet().sessionProperty().addListener((obs, old, now) -> viewport.reset()); // from the top
        for (Observable change : List.of(viewModel.layoutProperty(), viewModel.highlightedCellsProperty(),
                viewModel.selectedHostProperty(), viewModel.detail().taskProperty(), viewModel.measuredProperty())) {
            change.addListener(o -> draw()); // each is read again by the draw: it keeps telling
        }
        // Picking a host opens its detail beside the canvas, which narrows it: the cards flow into fewer columns,
        // and the picked one must not jump out of view under the pointer that picked it.
        viewModel.layoutProperty().addListener((obs, old, now) -> {
            String picked = viewModel.selectedHostProperty().get();
            if (old != null && now != null && old.columns() != now.columns() && picked != null
                    && pendingCentre == null) {
                pendingCentre = picked;
                draw();
            }
        });
        viewModel.centreProperty().addListener((obs, old, now) -> {
            pendingCentre = now == null ? null : now.hostArn();
            draw();
        });
        new HostsInput(this, viewModel, tip, taskMenu);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        tip.autosize();
    }

    /**
     * Redraws, centring on the host asked for once it is laid out. The first time the canvas has a size it is only
     * cleared, and the hosts drawn at the next pulse: on a cold JVM their first drawing was half of the UI thread's
     * work in the page's first frame, beside its styling and layout. Asked meanwhile (the layout the page's first
     * show asked for, arriving just after that frame), the drawing waits for that pulse too.
     */
    @Override
    protected void draw() {
        if (firstDrawPending) {
            return;
        }
        if (!sized && getWidth() > 0 && getHeight() > 0) {
            sized = true;
            GraphicsContext g = canvas().getGraphicsContext2D();
            g.setFill(palette().background());
            g.fillRect(0, 0, canvas().getWidth(), canvas().getHeight());
            firstDrawPending = true;
            FirstFrames.afterPulses(1, () -> {
                firstDrawPending = false;
                draw();
            });
            return;
        }
        move(v -> {
            if (pendingCentre != null && v.centre(laid(), pendingCentre)) {
                pendingCentre = null;
            } else {
                v.clamp(laid());
            }
        });
    }

    public void zoomAt(double factor, double px, double py) {
        move(v -> v.zoomAt(factor, px, py, laid()));
    }

    /** Zooms about the middle of the view, as the keys and the buttons do. */
    public void zoomBy(double factor) {
        zoomAt(factor, getWidth() / 2, getHeight() / 2);
    }

    public void pan(double dx, double dy) {
        move(v -> v.pan(dx, dy, laid()));
    }

    public void reset() {
        move(HostsViewport::reset);
    }

    public void fit() {
        move(v -> v.fit(laid()));
    }

    /** What a task block's context menu offers (empty: no menu); the block is picked before it shows. */
    public ContextMenu taskMenu() {
        return taskMenu;
    }

    public double scale() {
        return viewport.scale;
    }

    /** How long the last redraw took on the UI thread, in nanoseconds. */
    public long lastDrawNanos() {
        return lastDrawNanos;
    }

    /** Cards drawn by the last redraw. */
    public int lastVisibleCount() {
        return painter.visibleCount();
    }

    public HostLayout.Hit hitAt(double px, double py) {
        return viewport.hitAt(laid(), px, py);
    }

    /**
     * Where the middle of a task's block on its host's CPU bar is drawn now, in the canvas's coordinates; null when
     * the host or the task is not laid out. For the journeys, which click blocks as an operator does.
     */
    public javafx.geometry.Point2D blockCentre(String hostArn, String taskArn) {
        HostLayout laid = laid();
        int cell = laid == null ? -1 : laid.indexOf(hostArn);
        HostCell c = cell < 0 ? null : laid.cell(cell);
        for (int t = 0; c != null && t < c.taskCount(); t++) {
            if (c.task(t).arn().equals(taskArn) && c.registeredCpu > 0) {
                double from = t == 0 ? 0 : c.cpuEnd[t - 1];
                double units = (from + c.cpuEnd[t]) / 2;
                return new javafx.geometry.Point2D(
                        viewport.screenX(laid.x(cell) + HostLayout.BAR_X + units * HostLayout.BAR_W / c.registeredCpu),
                        viewport.screenY(laid.y(cell) + HostLayout.CPU_Y + HostLayout.BAR_H / 2));
            }
        }
        return null;
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
                viewModel.detail().taskProperty().get(), viewModel.measuredProperty().get()));
        lastDrawNanos = System.nanoTime() - started;
        viewModel.viewing(viewport.worldX(0), viewport.worldY(0), viewport.worldX(viewport.width),
                viewport.worldY(viewport.height));
    }

    private HostLayout laid() {
        return viewModel.layoutProperty().get();
    }
}
