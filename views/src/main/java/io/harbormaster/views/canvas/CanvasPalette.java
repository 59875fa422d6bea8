package io.harbormaster.views.canvas;

import java.util.List;
import javafx.scene.paint.Color;

/**
 * The colours a canvas draws with, as the theme's CSS gives them at this moment (see canvas.css): what a styled node
 * would get from the same AtlantaFX variables. A value, so a painter can hold one frame's colours.
 */
public record CanvasPalette(Color background, Color surface, Color track, Color text, Color muted, Color grid,
                            Color axis, Color accent, Color warning, Color danger, Color marker, List<Color> series) {

    public CanvasPalette {
        series = List.copyOf(series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a palette needs at least one series colour");
        }
    }

    /** AtlantaFX Primer light, for a canvas no stylesheet has reached yet. */
    public static final CanvasPalette FALLBACK = new CanvasPalette(Color.web("#ffffff"), Color.web("#f6f8fa"),
            Color.web("#d0d7de"), Color.web("#24292f"), Color.web("#57606a"), Color.web("#d0d7de"),
            Color.web("#6e7781"), Color.web("#0969da"), Color.web("#9a6700"), Color.web("#cf222e"),
            Color.web("#57606a"), List.of(Color.web("#0969da"), Color.web("#9a42c8"), Color.web("#1a7f37"),
                    Color.web("#f3622d")));

    /** The {@code i}-th line's colour, round the series. */
    public Color series(int i) {
        return series.get(Math.floorMod(i, series.size()));
    }

    public boolean dark() {
        return background.getBrightness() < 0.5;
    }

    /** The background, mostly opaque: laid over what is not lit up, so the lit part stands out. */
    public Color dim() {
        return background.deriveColor(0, 1, 1, 0.78);
    }
}
