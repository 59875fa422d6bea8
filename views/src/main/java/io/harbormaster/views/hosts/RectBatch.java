package io.harbormaster.views.hosts;

import java.util.Arrays;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;

/** Rectangles collected per colour during a frame and filled colour by colour: one setFill per colour, not per task. */
final class RectBatch {

    private float[][] rects = new float[0][];
    private int[] counts = new int[0];

    void reset(int colours) {
        if (rects.length < colours) {
            rects = Arrays.copyOf(rects, colours);
            counts = Arrays.copyOf(counts, colours);
        }
        Arrays.fill(counts, 0);
    }

    void add(int colour, double x, double y, double w, double h) {
        float[] r = rects[colour];
        int n = counts[colour];
        if (r == null || r.length < n + 4) {
            r = r == null ? new float[256] : Arrays.copyOf(r, r.length * 2);
            rects[colour] = r;
        }
        r[n] = (float) x;
        r[n + 1] = (float) y;
        r[n + 2] = (float) w;
        r[n + 3] = (float) h;
        counts[colour] = n + 4;
    }

    void fill(GraphicsContext g, Paint[] paints) {
        for (int c = 0; c < paints.length && c < counts.length; c++) {
            int n = counts[c];
            if (n == 0) {
                continue;
            }
            g.setFill(paints[c]);
            float[] r = rects[c];
            for (int i = 0; i < n; i += 4) {
                g.fillRect(r[i], r[i + 1], r[i + 2], r[i + 3]);
            }
        }
    }

    int rectangles() {
        int total = 0;
        for (int n : counts) {
            total += n / 4;
        }
        return total;
    }
}
