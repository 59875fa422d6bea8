package io.harbormaster.views.shared.metrics;

import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The colours a canvas draws with, light or dark: read off the region's CSS background (the theme's
 * {@code -color-bg-default}), so a canvas follows the theme toggle like every styled node.
 */
public record ChartTheme(Color background, Color text, Color muted, Color grid, Color axis, Color accent,
                         Color warning, Color critical, Color marker, boolean dark) {

    private static final Color[] LIGHT_SERIES = {Color.web("#0969da"), Color.web("#8250df"), Color.web("#1a7f37"),
            Color.web("#bc4c00")};
    private static final Color[] DARK_SERIES = {Color.web("#58a6ff"), Color.web("#d2a8ff"), Color.web("#3fb950"),
            Color.web("#ffa657")};

    public static ChartTheme of(Region region) {
        Color bg = null;
        if (region.getBackground() != null && !region.getBackground().getFills().isEmpty()
                && region.getBackground().getFills().get(0).getFill() instanceof Color c) {
            bg = c;
        }
        if (bg == null) {
            bg = Color.WHITE;
        }
        boolean dark = bg.getBrightness() < 0.5;
        return dark
                ? new ChartTheme(bg, Color.gray(0.90), Color.gray(0.62), Color.gray(0.22), Color.gray(0.45),
                        Color.web("#58a6ff"), Color.web("#d29922"), Color.web("#f85149"), Color.web("#bc8cff"), true)
                : new ChartTheme(bg, Color.gray(0.12), Color.gray(0.40), Color.gray(0.90), Color.gray(0.60),
                        Color.web("#0969da"), Color.web("#bf8700"), Color.web("#cf222e"), Color.web("#8250df"), false);
    }

    public Color series(int i) {
        Color[] palette = dark ? DARK_SERIES : LIGHT_SERIES;
        return palette[i % palette.length];
    }
}
