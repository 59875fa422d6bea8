package io.harbormaster.model.noisemap;

import io.harbormaster.model.metrics.Thresholds;
import java.util.Objects;

/**
 * Green → yellow → red, anchored at a metric's levels: yellow exactly at the warning level, red at the critical level
 * and beyond, green at and below the quiet level (as far below the warning as the critical is above it, so the
 * gradient spends as much colour on approaching the warning as on passing it). Colours are packed ARGB ints so
 * the view can write them straight into pixels. The hue runs 120° → 60° → 0° (no muddy olive between).
 */
public final class HeatScale {

    public static final int GREEN = hsb(120);
    public static final int YELLOW = hsb(60);
    public static final int RED = hsb(0);

    private static final float SATURATION = 0.78f;
    private static final float BRIGHTNESS = 0.92f;

    private final Thresholds thresholds;
    private final double quiet;
    private final int[] table = new int[256];

    public HeatScale(Thresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        double span = thresholds.critical() - thresholds.warning();
        double q = thresholds.warning() - span;
        if (thresholds.higherIsWorse() && thresholds.warning() >= 0 && q < 0) {
            q = 0; // nothing is quieter than zero load
        }
        this.quiet = q;
        for (int i = 0; i < table.length; i++) {
            table[i] = hsb(120.0 * (1 - i / 255.0));
        }
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    /** The value drawn pure green; everything at or beyond it (on the good side) is green too. */
    public double quietLevel() {
        return quiet;
    }

    /** 0 at quiet (green), 0.5 at warning (yellow), 1 at critical (red); clamped. */
    public double position(double value) {
        double w = thresholds.warning();
        double c = thresholds.critical();
        double t;
        if (thresholds.higherIsWorse() ? value <= w : value >= w) {
            t = w == quiet ? 0.5 : 0.5 * (value - quiet) / (w - quiet);
        } else {
            t = c == w ? 1 : 0.5 + 0.5 * (value - w) / (c - w);
        }
        return Math.max(0, Math.min(1, t));
    }

    /** The exact colour of a value; {@code alpha} 0–255. */
    public int argb(double value, int alpha) {
        if (Double.isNaN(value)) {
            return 0;
        }
        double t = position(value);
        int rgb = t == 0.5 ? YELLOW : hsb(120.0 * (1 - t));
        return (alpha & 0xff) << 24 | (rgb & 0xffffff);
    }

    /** The colour of a value from a 256-step table (for filling pixels fast); exact at quiet, warning and critical. */
    public int fastArgb(double value, int alpha) {
        if (Double.isNaN(value)) {
            return 0;
        }
        double t = position(value);
        int rgb = t == 0.5 ? YELLOW : table[(int) Math.round(t * 255)];
        return (alpha & 0xff) << 24 | (rgb & 0xffffff);
    }

    /** Packs a hue at the scale's saturation and brightness, opaque (java.awt.Color's HSBtoRGB, without AWT). */
    static int hsb(double hue) {
        double h = ((hue % 360) + 360) % 360 / 60.0;
        int sector = (int) Math.floor(h);
        double f = h - sector;
        double v = BRIGHTNESS;
        double p = v * (1 - SATURATION);
        double q = v * (1 - SATURATION * f);
        double t = v * (1 - SATURATION * (1 - f));
        double r;
        double g;
        double b;
        switch (sector) {
            case 0 -> { r = v; g = t; b = p; }
            case 1 -> { r = q; g = v; b = p; }
            case 2 -> { r = p; g = v; b = t; }
            case 3 -> { r = p; g = q; b = v; }
            case 4 -> { r = t; g = p; b = v; }
            default -> { r = v; g = p; b = q; }
        }
        return 0xff000000 | channel(r) << 16 | channel(g) << 8 | channel(b);
    }

    private static int channel(double c) {
        return (int) Math.round(Math.max(0, Math.min(1, c)) * 255);
    }
}
