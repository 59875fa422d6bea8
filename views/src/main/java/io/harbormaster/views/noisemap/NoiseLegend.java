package io.harbormaster.views.noisemap;

import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.metrics.Thresholds;
import io.harbormaster.model.noisemap.HeatScale;
import io.harbormaster.model.noisemap.NoiseModes;
import io.harbormaster.views.canvas.CanvasPalette;
import io.harbormaster.views.canvas.CanvasRegion;
import io.harbormaster.views.shared.metrics.MetricsStyles;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The colour scale: green at the quiet level, yellow at warning, red at critical, each labelled with its value; or,
 * without levels, a plain ramp from 0 to its top (reservation: idle to packed).
 */
public final class NoiseLegend extends CanvasRegion {

    private static final double BAR_H = 12;
    private HeatScale scale;
    private MetricKind kind;

    public NoiseLegend() {
        setId("noise-legend");
        getStyleClass().add(MetricsStyles.LEGEND);
        setMinHeight(38);
        setPrefHeight(38);
        setPrefWidth(280);
    }

    public void show(HeatScale colours, MetricKind metric) {
        scale = colours;
        kind = metric;
        draw();
    }

    @Override
    protected void draw() {
        Canvas canvas = canvas();
        double w = canvas.getWidth();
        GraphicsContext g = canvas.getGraphicsContext2D();
        CanvasPalette theme = palette();
        g.setFill(theme.background());
        g.fillRect(0, 0, w, canvas.getHeight());
        if (scale == null || w < 40) {
            return;
        }
        HeatScale heat = scale;
        Thresholds levels = heat.thresholds();
        double left = 6;
        double width = w - 12;
        double quiet = heat.quietLevel();
        for (int i = 0; i < width; i++) {
            double t = i / width;
            double v = levels == null ? heat.top() * t : t <= 0.5 ? quiet + (levels.warning() - quiet) * t / 0.5
                    : levels.warning() + (levels.critical() - levels.warning()) * (t - 0.5) / 0.5;
            int argb = heat.argb(v, 255);
            g.setFill(Color.rgb(argb >> 16 & 0xff, argb >> 8 & 0xff, argb & 0xff));
            g.fillRect(left + i, 2, 1.5, BAR_H);
        }
        g.setStroke(theme.axis());
        g.strokeRect(left + 0.5, 2.5, width - 1, BAR_H - 1);
        g.setFont(Font.font("System", 10.5));
        g.setTextBaseline(VPos.TOP);
        g.setFill(theme.text());
        String unit = kind == null ? "" : kind.unit();
        if (levels == null) {
            boolean packing = kind != null && NoiseModes.packing(kind);
            label(g, left, TextAlignment.LEFT, number(0, unit) + (packing ? " reserved · idle" : ""));
            label(g, left + width, TextAlignment.RIGHT, number(heat.top(), unit) + (packing ? " · packed" : ""));
            return;
        }
        label(g, left, TextAlignment.LEFT, (levels.higherIsWorse() ? "≤ " : "≥ ") + number(quiet, unit) + " quiet");
        label(g, left + width / 2, TextAlignment.CENTER, "warning " + number(levels.warning(), unit));
        label(g, left + width, TextAlignment.RIGHT, "critical " + number(levels.critical(), unit));
    }

    private static void label(GraphicsContext g, double x, TextAlignment align, String text) {
        g.setTextAlign(align);
        g.fillText(text, x, BAR_H + 6);
    }

    private static String number(double v, String unit) {
        String n = v >= 100 || v == Math.rint(v) ? String.format("%.0f", v) : String.format("%.1f", v);
        return "%".equals(unit) ? n + "%" : n;
    }
}
