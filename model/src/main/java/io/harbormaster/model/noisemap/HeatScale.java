package io.harbormaster.model.noisemap;

import io.harbormaster.model.metrics.Thresholds;
import java.util.Objects;

/**
 * A colour ramp, with levels or without. With levels: green → yellow → red, anchored at a metric's levels: yellow
 * exactly at the warning level, red at the critical level and beyond, green at and below the quiet level (as far
 * below the warning as the critical is above it, so the gradient spends as much colour on approaching the warning as
 * on passing it). Colours are packed ARGB ints so the view can write them straight into pixels. The hue runs 120° →
 * 60° → 0° (no muddy olive between).
 * Without levels ({@link #ramp}): pale to deep blue from 0 to a top, saying "more" without saying "bad" — for
 * reservation (full packing is the goal, not an alarm) and for a period too quiet to reach any level.
 */
public final class HeatScale {

    public static final int GREEN = hsb(120);
    public static final int YELLOW = hsb(60);
    public static final int RED = hsb(0);

    private static final float SATURATION = 0.78f;
    private static final float BRIGHTNESS = 0.92f;

    private final Thresholds thresholds;
    private final double quiet;
    private final double top;
    private final int[] table = new int[256];

    public HeatScale(Thresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        double span = thresholds.critical() - thresholds.warning();
        double q = thresholds.warning() - span;
        if (thresholds.higherIsWorse() && thresholds.warning() >= 0 && q < 0) {
            q = 0; // nothing is quieter than zero load
        }
        this.quiet = q;
        this.top = thresholds.critical();
        for (int i = 0; i < table.length; i++) {
            table[i] = hsb(120.0 * (1 - i / 255.0));
        }
    }

    private HeatScale(double top) {
        this.thresholds = null;
        this.quiet = 0;
        this.top = top > 0 ? top : 1;
        for (int i = 0; i < table.length; i++) {
            table[i] = blue(i / 255.0);
        }
    }

    /** 0 … {@code top} from pale to deep blue, with no warning or critical level. */
    public static HeatScale ramp(double top) {
        return new HeatScale(top);
    }

    /** The levels this scale is anchored at; null for a {@link #ramp}. */
    public Thresholds thresholds() {
        return thresholds;
    }

    /** Whether the scale has levels (else it is a plain ramp up to {@link #top()}). */
    public boolean leveled() {
        return thresholds != null;
    }

    /** The value drawn at the far end: the critical level, or the ramp's top. */
    public double top() {
        return top;
    }

    /** The value drawn pure green; everything at or beyond it (on the good side) is green too. */
    public double quietLevel() {
        return quiet;
    }

    /** 0 at quiet (green), 0.5 at warning (yellow), 1 at critical (red); clamped. */
    public double position(double value) {
        if (thresholds == null) {
            return Math.max(0, Math.min(1, value / top));
        }
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
        int rgb = thresholds == null ? blue(t) : t == 0.5 ? YELLOW : hsb(120.0 * (1 - t));
        return (alpha & 0xff) << 24 | (rgb & 0xffffff);
    }

    /** The colour of a value from a 256-step table (for filling pixels fast); exact at quiet, warning and critical. */
    public int fastArgb(double value, int alpha) {
        if (Double.isNaN(value)) {
            return 0;
        }
        double t = position(value);
        int rgb = t == 0.5 && thresholds != null ? YELLOW : table[(int) Math.round(t * 255)];
        return (alpha & 0xff) << 24 | (rgb & 0xffffff);
    }

    /** Pale (t = 0) to deep (t = 1) blue: one hue, saturation up and brightness down, readable in either theme. */
    static int blue(double t) {
        return hsb(212, 0.12 + 0.78 * t, 0.97 - 0.35 * t);
    }

    /** Packs a hue at the scale's saturation and brightness, opaque (java.awt.Color's HSBtoRGB, without AWT). */
    static int hsb(double hue) {
        return hsb(hue, SATURATION, BRIGHTNESS);
    }

    private static int hsb(double hue, double saturation, double brightness) {
        double h = ((hue % 360) + 360) % 360 / 60.0;
        int sector = (int) Math.floor(h);
        double f = h - sector;
        double v = brightness;
        double p = v * (1 - saturation);
        double q = v * (1 - saturation * f);
        double t = v * (1 - saturation * (1 - f));
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
