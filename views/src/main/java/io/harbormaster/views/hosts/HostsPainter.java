package io.harbormaster.views.hosts;

import static io.harbormaster.views.hosts.HostLayout.BAR_H;
import static io.harbormaster.views.hosts.HostLayout.BAR_W;
import static io.harbormaster.views.hosts.HostLayout.BAR_X;
import static io.harbormaster.views.hosts.HostLayout.CARD_H;
import static io.harbormaster.views.hosts.HostLayout.CARD_W;
import static io.harbormaster.views.hosts.HostLayout.CPU_Y;
import static io.harbormaster.views.hosts.HostLayout.MEM_Y;

import io.harbormaster.model.fleet.Service;
import io.harbormaster.views.canvas.CanvasPalette;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.Stop;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Paints one frame of the hosts: only the cards in view (found by grid arithmetic), layer by layer so each colour
 * is set once; bars as runs of same-service tasks snapped to whole pixels, reservations whose tasks are not read yet
 * in a neutral tone, stranded capacity hatched, port-blocked cards outlined; a lit-up service's own task blocks over
 * everything else dimmed; the picked host framed, and the task picked on it. Colours from the theme's palette.
 */
final class HostsPainter {

    /**
     * What a frame shows besides the viewport; {@code litService} is the lit service's ARN, null for none;
     * {@code pickedTask} the ARN of the task picked on the picked host, null for none.
     */
    record Frame(HostLayout layout, HostModel model, BitSet lit, String litService, String picked,
            String pickedTask, Map<String, MeasuredUse.Use> measured) {
    }

    /** One card in view, at its screen position. */
    @FunctionalInterface
    private interface Card {
        void at(HostCell c, double x, double y, int index);
    }

    /** One bar of a card in view (memory's, or CPU's), at its screen position. */
    @FunctionalInterface
    private interface Bar {
        void at(HostCell c, boolean memory, double x, double y);
    }

    private final RectBatch runs = new RectBatch();
    private final Text measure = new Text();
    private static final int KEPT_WIDTHS = 256;
    private final Map<String, Double> widths = new HashMap<>();
    private Font widthsOf;
    private int[] visible = new int[0];
    private Paint[] paints = new Paint[1];
    private HostModel paintsOf;
    private HostLayout layout;
    private HostsViewport view;
    private double s;

    /** Cards drawn by the last frame. */
    int visibleCount() {
        return visible.length;
    }

    void paint(GraphicsContext g, CanvasPalette palette, HostsViewport view, Frame frame) {
        // Clearing the whole canvas also drops the commands of frames not yet rendered: several redraws between
        // two pulses (a fast drag) must not pile up in the canvas's buffer.
        g.clearRect(0, 0, view.width, view.height);
        g.setFill(palette.background());
        g.fillRect(0, 0, view.width, view.height);
        layout = frame.layout();
        visible = new int[0];
        if (layout == null || view.width <= 0) {
            return;
        }
        if (paintsOf != frame.model()) {
            paintsOf = frame.model();
            paints = ServiceColours.paints(paintsOf);
        }
        this.view = view;
        s = view.scale;
        visible = layout.visible(view.worldX(0), view.worldY(0), view.worldX(view.width), view.worldY(view.height));
        g.setFill(palette.text());
        Font heading = Font.font(null, FontWeight.BOLD, Math.max(9, Math.min(16, 13 * s)));
        g.setFont(heading);
        for (HostLayout.Group group : layout.groupsBetween(view.worldY(0), view.worldY(view.height))) {
            double x = view.screenX(HostLayout.MARGIN);
            double room = view.width - x - HostLayout.MARGIN;
            // The whole title where it fits, else the same figures in fewer words (a half of side by side), and
            // never drawn past the canvas's edge: at worst the short one is narrowed to the room there is.
            String title = widthOf(group.title(), heading) <= room ? group.title() : group.shortTitle();
            g.fillText(title, x, view.screenY(group.top() + 22), Math.max(1, room));
        }
        g.setFill(palette.surface());
        each((c, x, y, i) -> g.fillRect(x, y, CARD_W * s, CARD_H * s));
        g.setFill(palette.track());
        bars((c, m, x, y) -> g.fillRect(x, y, BAR_W * s, BAR_H * s));
        g.setFill(palette.muted().deriveColor(0, 1, 1, 0.45));
        bars((c, m, x, y) -> span(g, c.used(m), c.reserved(m), c.registered(m), x, y));
        tasks(g, -2);
        Map<String, MeasuredUse.Use> use = frame.measured() == null ? Map.of() : frame.measured();
        if (!use.isEmpty()) {
            // A band as far as the host's measured use under an outline as far as its reservations.
            g.setFill(palette.text().deriveColor(0, 1, 1, 0.7));
            g.setStroke(palette.text());
            g.setLineWidth(Math.max(1, s));
            bars((c, m, x, y) -> measured(g, use.get(c.arn), c, m, x, y));
        }
        // Diagonal stripes in the theme's danger colour, 2 px in every 8.
        g.setFill(new LinearGradient(0, 0, 6, 6, false, CycleMethod.REPEAT, new Stop(0, palette.danger()),
                new Stop(0.25, palette.danger()), new Stop(0.25, Color.TRANSPARENT), new Stop(1, Color.TRANSPARENT)));
        bars((c, m, x, y) -> span(g, c.stranded(m) ? c.reserved(m) : 0, c.stranded(m) ? c.registered(m) : 0,
                c.registered(m), x, y));
        outline(g, palette.warning(), Math.max(1, 2 * s), i -> !layout.cell(i).portBlockedBy.isEmpty(), 0);
        freed(g, palette);
        if (s >= 0.55) {
            g.setFill(palette.text());
            g.setFont(Font.font(Math.min(13, 11 * s)));
            each((c, x, y, i) -> g.fillText(c.name + " · " + c.instanceType + " · " + c.taskCount(), x + BAR_X * s,
                    y + 13 * s, BAR_W * s));
        }
        BitSet lit = frame.lit();
        if (lit != null) {
            // Everything dimmed, then the lit service's own blocks again on top: its tasks, not whole hosts.
            g.setFill(palette.dim());
            each((c, x, y, i) -> g.fillRect(x, y, CARD_W * s, CARD_H * s));
            tasks(g, frame.model() == null ? -1 : frame.model().services().stream().map(Service::arn).toList()
                    .indexOf(frame.litService()));
            outline(g, palette.accent(), Math.max(1, 1.5 * s), lit::get, 0);
        }
        int p = frame.picked() == null ? -1 : layout.indexOf(frame.picked());
        // In the text colour, so the picked host stands apart from a highlighted service's accent outlines.
        outline(g, palette.text(), Math.max(3, 4 * s), i -> i == p, 2);
        if (frame.pickedTask() != null) {
            g.setLineWidth(Math.max(2, 2 * s));
            each((c, x, y, i) -> {
                if (i == p) {
                    pickedTask(g, c, frame.pickedTask(), x + BAR_X * s, y);
                }
            });
        }
    }

    /** Frames the picked task's block on both bars of its host's card. */
    private void pickedTask(GraphicsContext g, HostCell c, String taskArn, double x, double y) {
        for (int t = 0; t < c.taskCount(); t++) {
            if (c.task(t).arn().equals(taskArn)) {
                for (boolean memory : new boolean[] {false, true}) {
                    int[] ends = c.ends(memory, false);
                    int from = t == 0 ? 0 : ends[t - 1];
                    double unit = c.registered(memory) <= 0 ? 0 : BAR_W * s / c.registered(memory);
                    g.strokeRect(x + from * unit, y + (memory ? MEM_Y : CPU_Y) * s, (ends[t] - from) * unit,
                            BAR_H * s);
                }
                return;
            }
        }
    }

    /** A repacking what-if's cards for today's hosts it would leave empty: dimmed, outlined in dashes. */
    private void freed(GraphicsContext g, CanvasPalette palette) {
        IntPredicate freed = i -> layout.cell(i).freedByRepack();
        g.setFill(palette.dim());
        each((c, x, y, i) -> {
            if (freed.test(i)) {
                g.fillRect(x, y, CARD_W * s, CARD_H * s);
            }
        });
        g.setLineDashes(6 * s, 4 * s);
        outline(g, palette.accent(), Math.max(1, 1.5 * s), freed, 0);
        g.setLineDashes((double[]) null);
    }

    /** Calls {@code card} for every card in view, at its screen position. */
    private void each(Card card) {
        for (int i : visible) {
            card.at(layout.cell(i), view.screenX(layout.x(i)), view.screenY(layout.y(i)), i);
        }
    }

    /** Calls {@code bar} for the CPU bar, then the memory bar, of every card in view. */
    private void bars(Bar bar) {
        each((c, x, y, i) -> {
            bar.at(c, false, x + BAR_X * s, y + CPU_Y * s);
            bar.at(c, true, x + BAR_X * s, y + MEM_Y * s);
        });
    }

    private void outline(GraphicsContext g, Color colour, double width, IntPredicate which, double grow) {
        g.setStroke(colour);
        g.setLineWidth(width);
        each((c, x, y, i) -> {
            if (which.test(i)) {
                g.strokeRect(x - grow, y - grow, CARD_W * s + 2 * grow, CARD_H * s + 2 * grow);
            }
        });
    }

    /**
     * The task blocks of every card in view, colour by colour: only {@code service}'s when it is 0 or more (-1 for
     * standalone tasks), all when -2. Zoomed in, each task its own block with a pixel between; else runs of
     * same-service tasks snapped to whole pixels, a run narrower than half a pixel vanishing into its neighbour.
     */
    private void tasks(GraphicsContext g, int service) {
        runs.reset(paints.length);
        boolean gaps = s >= 3;
        bars((c, m, x, y) -> add(service, gaps ? c.service : c.runService, c.ends(m, !gaps), c.registered(m), x, y,
                gaps));
        runs.fill(g, paints);
    }

    private void add(int only, int[] service, int[] ends, int registered, double x, double y, boolean gaps) {
        double unit = registered <= 0 ? 0 : BAR_W * s / registered;
        double from = gaps ? x : Math.round(x);
        for (int r = 0; r < ends.length; r++) {
            double to = gaps ? x + ends[r] * unit : Math.round(x + ends[r] * unit);
            double w = gaps ? to - from - 1 : to - from;
            if (w > 0 && (only == -2 || only == service[r])) {
                runs.add(service[r] < 0 ? paints.length - 1 : service[r], from, y, w, BAR_H * s);
            }
            if (gaps || to > from) {
                from = to;
            }
        }
    }

    private void measured(GraphicsContext g, MeasuredUse.Use u, HostCell c, boolean memory, double x, double y) {
        double percent = u == null ? Double.NaN : memory ? u.memory() : u.cpu();
        double band = Math.max(2, BAR_H * s * 0.4);
        if (!Double.isNaN(percent)) {
            g.fillRect(x, y + BAR_H * s - band, BAR_W * s * Math.max(0, Math.min(100, percent)) / 100, band);
        }
        if (u != null && c.registered(memory) > 0) {
            g.strokeRect(x, y, BAR_W * s * Math.min(1, (double) c.reserved(memory) / c.registered(memory)), BAR_H * s);
        }
    }

    /** Fills the part of a bar from {@code from} to {@code to} units of {@code registered}. */
    private void span(GraphicsContext g, int from, int to, int registered, double x, double y) {
        if (registered > 0 && to > from) {
            double unit = BAR_W * s / registered;
            g.fillRect(x + from * unit, y, (to - from) * unit, BAR_H * s);
        }
    }

    /**
     * How wide a heading is drawn in this font (the canvas draws text without laying it out). Kept per font and
     * text: a frame measures every group's heading, and a drag redraws many frames with the same headings.
     */
    private double widthOf(String text, Font font) {
        // Headings carry figures that change with each refresh: the old ones go rather than pile up.
        if (!font.equals(widthsOf) || widths.size() > KEPT_WIDTHS) {
            widthsOf = font;
            widths.clear();
        }
        return widths.computeIfAbsent(text, t -> {
            measure.setFont(font);
            measure.setText(t);
            return measure.getLayoutBounds().getWidth();
        });
    }
}
