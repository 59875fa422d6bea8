package io.harbormaster.views.cutovers.live;

import io.harbormaster.model.cutover.CutoverState;
import io.harbormaster.model.cutover.SplitPoint;
import java.time.Instant;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * The split over time: the target side's share as requested (dashed) and as read back from AWS (solid), as step
 * lines on a Canvas that follows its size.
 */
public final class SplitChart extends Region {

    private static final double PAD = 28;
    private final Canvas canvas = new Canvas();
    private final ObservableValue<CutoverState> state;

    public SplitChart(ObservableValue<CutoverState> state) {
        this.state = state;
        setId("cutover-split-chart");
        getChildren().add(canvas);
        setMinHeight(100);
        setPrefHeight(120);
        state.addListener((o, a, b) -> draw());
        widthProperty().addListener((o, a, b) -> draw());
        heightProperty().addListener((o, a, b) -> draw());
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        CutoverState s = state.getValue();
        if (s == null || w < 2 * PAD || h < 2 * PAD) {
            return;
        }
        Color ink = Color.gray(0.55);
        g.setStroke(ink);
        g.setFill(ink);
        g.setFont(Font.font(10));
        g.setLineWidth(1);
        g.setLineDashes();
        for (int p = 0; p <= 100; p += 25) {
            double y = y(p, h);
            g.setGlobalAlpha(0.35);
            g.strokeLine(PAD, y, w - 4, y);
            g.setGlobalAlpha(1);
            g.fillText(p + "%", 2, y + 3);
        }
        List<SplitPoint> points = s.history();
        if (points.isEmpty()) {
            return;
        }
        Instant first = points.get(0).at();
        Instant last = s.plan().stepCount() > 0 && !s.phase().finished() ? later(points, first) : points
                .get(points.size() - 1).at();
        double span = Math.max(1, last.toEpochMilli() - first.toEpochMilli());
        String to = s.plan().toId();
        g.setStroke(Color.web("#1E88E5"));
        g.setLineWidth(1.5);
        g.setLineDashes(6, 4);
        line(g, points, first, span, w, h, to, true);
        g.setStroke(Color.web("#43A047"));
        g.setLineWidth(2.5);
        g.setLineDashes();
        line(g, points, first, span, w, h, to, false);
        g.setFill(ink);
        g.fillText("requested (dashed) · read back (solid) — share to " + s.plan().route().target(to)
                .map(t -> t.label()).orElse(to), PAD, h - 6);
    }

    private static Instant later(List<SplitPoint> points, Instant first) {
        Instant end = points.get(points.size() - 1).at();
        return end.equals(first) ? first.plusSeconds(60) : end;
    }

    private static void line(GraphicsContext g, List<SplitPoint> points, Instant first, double span, double w,
            double h, String to, boolean requested) {
        double px = -1;
        double py = -1;
        for (SplitPoint p : points) {
            if (!requested && p.confirmed() == null) {
                continue;
            }
            double share = (requested ? p.requested() : p.confirmed()).percent(to);
            double x = PAD + (w - PAD - 8) * (p.at().toEpochMilli() - first.toEpochMilli()) / span;
            double y = y(share, h);
            if (px >= 0) {
                g.strokeLine(px, py, x, py);
                g.strokeLine(x, py, x, y);
            }
            px = x;
            py = y;
        }
        if (px >= 0) {
            g.strokeLine(px, py, w - 8, py);
        }
    }

    private static double y(double percent, double h) {
        return 8 + (h - PAD - 8) * (1 - percent / 100.0);
    }
}
