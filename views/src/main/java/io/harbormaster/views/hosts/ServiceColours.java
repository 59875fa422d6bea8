package io.harbormaster.views.hosts;

import java.util.Arrays;
import java.util.List;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * A colour per service: each starts from its name (the same service keeps its colour after every refresh and in
 * every environment), and one that would come out too close to the services just before it in the list (the
 * blocks it sits beside on a host, tasks being ordered by service) is turned round the hue circle by the golden
 * angle and given another lightness until it stands apart by {@link #MIN_DISTANCE} in CIELAB.
 */
public final class ServiceColours {

    /** ΔE*76 between neighbours: 2.3 is a just-noticeable difference; 25 reads as another colour at a glance. */
    static final double MIN_DISTANCE = 25;
    /** How many services before each one it must stand apart from. */
    static final int NEIGHBOURS = 2;

    private static final Color STANDALONE = Color.gray(0.55);
    private static final double GOLDEN_ANGLE = 137.508;
    private static final double[] BRIGHTNESS = {0.88, 0.70, 0.97};

    private ServiceColours() {
    }

    /** The colour a service's name starts from. */
    public static Color of(String serviceName) {
        if (serviceName == null || serviceName.isEmpty()) {
            return STANDALONE;
        }
        int h = serviceName.hashCode() * 0x9E3779B1;
        double hue = ((h >>> 8) / (double) (1 << 24)) * 360.0;
        double saturation = 0.50 + ((h & 0x3) * 0.08);
        double brightness = 0.78 + (((h >>> 2) & 0x3) * 0.05);
        return Color.hsb(hue, saturation, brightness);
    }

    /** The colours of services in this order, each apart from its {@link #NEIGHBOURS} before it and from grey. */
    static Color[] assign(List<String> names) {
        Color[] out = new Color[names.size()];
        for (int i = 0; i < out.length; i++) {
            Color c = of(names.get(i));
            for (int step = 1; step < 3 * 12 && tooClose(c, out, i); step++) {
                c = Color.hsb(c.getHue() + GOLDEN_ANGLE, c.getSaturation(), BRIGHTNESS[step % BRIGHTNESS.length]);
            }
            out[i] = c;
        }
        return out;
    }

    private static boolean tooClose(Color c, Color[] before, int i) {
        if (distance(c, STANDALONE) < MIN_DISTANCE) {
            return true;
        }
        for (int j = Math.max(0, i - NEIGHBOURS); j < i; j++) {
            if (distance(c, before[j]) < MIN_DISTANCE) {
                return true;
            }
        }
        return false;
    }

    /** A model's services' paints by index, then the standalone tasks' grey last. */
    static Paint[] paints(HostModel model) {
        if (model == null) {
            return new Paint[] {STANDALONE};
        }
        Color[] colours = assign(model.services().stream().map(s -> s.name()).toList());
        Paint[] out = Arrays.copyOf(colours, colours.length + 1, Paint[].class);
        out[colours.length] = STANDALONE;
        return out;
    }

    /** CIELAB ΔE*76 between two sRGB colours (D65): how far apart they look. */
    static double distance(Color a, Color b) {
        double[] p = lab(a);
        double[] q = lab(b);
        return Math.sqrt(Math.pow(p[0] - q[0], 2) + Math.pow(p[1] - q[1], 2) + Math.pow(p[2] - q[2], 2));
    }

    private static double[] lab(Color c) {
        double r = linear(c.getRed());
        double g = linear(c.getGreen());
        double b = linear(c.getBlue());
        double x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
        double y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
        double z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
        return new double[] {116 * y - 16, 500 * (x - y), 200 * (y - z)};
    }

    private static double linear(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }
}
