package io.harbormaster.views.noisemap;

import io.harbormaster.views.canvas.CanvasPalette;
import io.harbormaster.views.canvas.CanvasRegion;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;

/** Reserved and used, together: a bar filled to what is measured, outlined to what tasks reserve. */
final class UseBar extends CanvasRegion {

    private double reserved;
    private Double used;

    UseBar() {
        getStyleClass().add("hm-use-bar");
        setMinHeight(14);
        setPrefHeight(14);
        setPrefWidth(200);
    }

    void show(double reservedPercent, Double usedPercent) {
        reserved = reservedPercent;
        used = usedPercent;
        draw();
    }

    @Override
    protected void draw() {
        Canvas canvas = canvas();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        CanvasPalette theme = palette();
        g.clearRect(0, 0, w, h);
        g.setFill(theme.grid());
        g.fillRect(0, 2, w, h - 4);
        if (used != null) {
            g.setFill(used > reserved ? theme.warning() : theme.series(0));
            g.fillRect(0, 2, w * Math.min(100, used) / 100, h - 4);
        }
        g.setStroke(theme.text());
        g.setLineWidth(1.5);
        g.strokeRect(0.75, 0.75, Math.max(1, w * Math.min(100, reserved) / 100 - 1.5), h - 1.5);
    }
}
