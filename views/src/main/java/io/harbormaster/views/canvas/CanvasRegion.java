package io.harbormaster.views.canvas;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A region that is one canvas of its own size, drawn in the theme's colours: layout resizes the canvas and asks for
 * a redraw, and so does a change of theme. Subclasses only say how to draw, with {@link #palette()}; pixels, not
 * nodes, for anything drawn in quantity (STYLE: heavy drawing on a Canvas).
 *
 * <p>The palette is a set of styleable properties ({@code -hm-canvas-text} …) that canvas.css sets from AtlantaFX's
 * looked-up colours. CSS resolves them like any control's colours, so when the operator switches light and dark the
 * properties change in the CSS pass, and the canvas repaints once in the layout pass that follows.
 */
public abstract class CanvasRegion extends Region {

    public static final String STYLE_CLASS = "hm-canvas";

    private enum Role {
        BACKGROUND, SURFACE, TRACK, TEXT, MUTED, GRID, AXIS, ACCENT, WARNING, DANGER, MARKER, SERIES_1, SERIES_2,
        SERIES_3, SERIES_4;

        final String property = "-hm-canvas-" + name().toLowerCase().replace('_', '-');
        final CssMetaData<CanvasRegion, Color> css = new CssMetaData<>(property, StyleConverter.getColorConverter(),
                null) {
            @Override
            public boolean isSettable(CanvasRegion region) {
                return true;
            }

            @Override
            public StyleableProperty<Color> getStyleableProperty(CanvasRegion region) {
                return region.colours.get(Role.this);
            }
        };
    }

    private static final List<CssMetaData<? extends Styleable, ?>> STYLEABLES;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Region.getClassCssMetaData());
        for (Role role : Role.values()) {
            all.add(role.css);
        }
        STYLEABLES = Collections.unmodifiableList(all);
    }

    private final Canvas canvas = new Canvas();
    private final Map<Role, StyleableObjectProperty<Color>> colours = new EnumMap<>(Role.class);
    private CanvasPalette palette = CanvasPalette.FALLBACK;
    private boolean paletteStale;
    private boolean repaint;

    protected CanvasRegion() {
        getStyleClass().add(STYLE_CLASS);
        for (Role role : Role.values()) {
            StyleableObjectProperty<Color> colour = new SimpleStyleableObjectProperty<>(role.css, this, role.property);
            colour.addListener(o -> themeChanged());
            colours.put(role, colour);
        }
        getChildren().add(canvas);
    }

    @Override
    public String getUserAgentStylesheet() {
        return Objects.requireNonNull(CanvasRegion.class.getResource("canvas.css"), "canvas.css missing")
                .toExternalForm();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return STYLEABLES;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return STYLEABLES;
    }

    protected final Canvas canvas() {
        return canvas;
    }

    /** This frame's colours: the theme's, once CSS has reached this region; Primer light before. */
    public final CanvasPalette palette() {
        if (paletteStale) {
            paletteStale = false;
            palette = read();
        }
        return palette;
    }

    /** Draws the whole canvas for its current size; called after every resize and theme change, and whenever the
     *  content changes. */
    protected abstract void draw();

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            repaint = true;
        }
        if (repaint) {
            repaint = false;
            draw();
        }
    }

    private void themeChanged() {
        paletteStale = true;
        // One repaint after the CSS pass that changed any number of colours, not one per colour.
        repaint = true;
        requestLayout();
    }

    private CanvasPalette read() {
        CanvasPalette f = CanvasPalette.FALLBACK;
        return new CanvasPalette(get(Role.BACKGROUND, f.background()), get(Role.SURFACE, f.surface()),
                get(Role.TRACK, f.track()), get(Role.TEXT, f.text()), get(Role.MUTED, f.muted()),
                get(Role.GRID, f.grid()), get(Role.AXIS, f.axis()), get(Role.ACCENT, f.accent()),
                get(Role.WARNING, f.warning()), get(Role.DANGER, f.danger()), get(Role.MARKER, f.marker()),
                List.of(get(Role.SERIES_1, f.series(0)), get(Role.SERIES_2, f.series(1)),
                        get(Role.SERIES_3, f.series(2)), get(Role.SERIES_4, f.series(3))));
    }

    private Color get(Role role, Color fallback) {
        Color c = colours.get(role).get();
        return c == null ? fallback : c;
    }
}
