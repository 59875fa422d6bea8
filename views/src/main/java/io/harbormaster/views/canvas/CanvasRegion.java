package io.harbormaster.views.canvas;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/**
 * A region that is one canvas of its own size: layout resizes the canvas and asks for a redraw, so subclasses only
 * say how to draw. Pixels, not nodes, for anything drawn in quantity (STYLE: heavy drawing on a Canvas).
 */
public abstract class CanvasRegion extends Region {

    private final Canvas canvas = new Canvas();

    protected CanvasRegion() {
        getChildren().add(canvas);
    }

    protected final Canvas canvas() {
        return canvas;
    }

    /** Draws the whole canvas for its current size; called after every resize and whenever the content changes. */
    protected abstract void draw();

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            draw();
        }
    }
}
