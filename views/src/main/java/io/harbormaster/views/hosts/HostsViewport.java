package io.harbormaster.views.hosts;

/**
 * Which part of the hosts' world (zoom-1 coordinates of {@link HostLayout}) a view of {@code width × height} pixels
 * shows: a scale and a translation, screen = world × scale + translation. Pure arithmetic, no JavaFX: pan, zoom
 * around a point, fit, centring on a host, the clamp that keeps the layout's edges in the view, and a point to a
 * host or task.
 */
final class HostsViewport {

    static final double MIN_SCALE = 0.1;
    static final double MAX_SCALE = 8;

    /** Screen = world × scale + (tx, ty); read by the painter, changed only through the methods below. */
    double scale = 1;
    double tx;
    double ty;
    double width;
    double height;

    void resize(double w, double h) {
        width = w;
        height = h;
    }

    /** Zooms by {@code factor} (within the scale limits) keeping the world point under (px, py) where it is. */
    void zoomAt(double factor, double px, double py, HostLayout layout) {
        double wx = worldX(px);
        double wy = worldY(py);
        scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        tx = px - wx * scale;
        ty = py - wy * scale;
        clamp(layout);
    }

    void pan(double dx, double dy, HostLayout layout) {
        tx += dx;
        ty += dy;
        clamp(layout);
    }

    /** Back to zoom 1 at the top left. */
    void reset() {
        scale = 1;
        tx = 0;
        ty = 0;
    }

    /** Zooms out (never in past 1, never below the minimum) until the whole layout is in view, from the top left. */
    void fit(HostLayout layout) {
        reset();
        if (layout != null && layout.width() > 0 && layout.height() > 0) {
            scale = Math.max(MIN_SCALE, Math.min(1, Math.min(width / layout.width(), height / layout.height())));
        }
    }

    /** Brings a card to the middle of the view, zoomed in to at least 1; false when it is not laid out. */
    boolean centre(HostLayout layout, String hostArn) {
        int i = layout == null ? -1 : layout.indexOf(hostArn);
        if (i < 0 || width <= 0) {
            return false;
        }
        scale = Math.max(scale, 1);
        tx = width / 2 - (layout.x(i) + HostLayout.CARD_W / 2) * scale;
        ty = height / 2 - (layout.y(i) + HostLayout.CARD_H / 2) * scale;
        clamp(layout);
        return true;
    }

    /**
     * Keeps the layout's edges where an operator expects them: its top and left never come away from the view's
     * (no blank band above the first group), its right and bottom never rise inside the view while there is more.
     */
    void clamp(HostLayout layout) {
        if (layout != null) {
            tx = Math.max(Math.min(0, width - layout.width() * scale), Math.min(0, tx));
            ty = Math.max(Math.min(0, height - layout.height() * scale), Math.min(0, ty));
        }
    }

    double worldX(double px) {
        return (px - tx) / scale;
    }

    double worldY(double py) {
        return (py - ty) / scale;
    }

    double screenX(double wx) {
        return wx * scale + tx;
    }

    double screenY(double wy) {
        return wy * scale + ty;
    }

    /** What is under a point of the view; null for gaps, headers, margins or no layout. */
    HostLayout.Hit hitAt(HostLayout layout, double px, double py) {
        return layout == null ? null : layout.hitTest(worldX(px), worldY(py));
    }
}
