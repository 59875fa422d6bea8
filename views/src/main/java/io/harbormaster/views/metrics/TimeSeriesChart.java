package io.harbormaster.views.metrics;

import io.harbormaster.model.alarms.AlarmState;
import io.harbormaster.model.alarms.ChartAlarms;
import io.harbormaster.model.metrics.MetricPoint;
import io.harbormaster.model.metrics.NamedSeries;
import io.harbormaster.model.metrics.Thresholds;
import io.harbormaster.views.canvas.CanvasPalette;
import io.harbormaster.views.canvas.CanvasRegion;
import io.harbormaster.views.shared.metrics.MetricsStyles;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A time series drawn on one Canvas: axes, lines, the warning and critical levels as dashed lines, the alarms on the
 * metric as dash-dotted lines named at their thresholds, deploys as vertical markers, and a crosshair with a readout
 * under the mouse. New data redraws the one canvas in a single pass (a few hundred points), so a live update neither
 * flickers nor rebuilds nodes.
 */
public final class TimeSeriesChart extends CanvasRegion {

    /** A deploy (or any event) on the time axis. */
    public record Marker(Instant at, String text) {
    }

    private static final double LEFT = 52;
    private static final double RIGHT = 14;
    private static final double TOP = 28;
    private static final double LEVEL_LABEL_HEIGHT = 14;
    private static final double BOTTOM = 22;
    /** Markers are dashed as well as coloured apart: an event, not a series or a level. */
    public static final double[] MARKER_DASHES = {5, 3};
    /** An alarm's threshold: dash-dotted, apart from the operator's dashed levels. */
    public static final double[] ALARM_DASHES = {10, 3, 2, 3};
    static final String NO_DATA = "No data from CloudWatch in this range";
    private static final Font SMALL = Font.font("System", 10.5);
    private static final Font TITLE = Font.font("System", javafx.scene.text.FontWeight.BOLD, 12.5);

    private final Label tip = new Label();
    /** Measures the labels' widths; never shown. */
    /** Where the labels were written at the last drawing, so an alarm's keeps clear of a level's. */
    private final Map<String, Bounds> labelBoxes = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper readout = new ReadOnlyStringWrapper(this, "readout", "");
    private final ZoneId zone;
    private String title = "";
    private String unit = "";
    private String zeroText = "";
    private Instant start = Instant.EPOCH;
    private Instant end = Instant.EPOCH.plusSeconds(3600);
    private List<NamedSeries> series = List.of();
    private Thresholds thresholds;
    private List<ChartAlarms.Level> alarms = List.of();
    private List<Marker> markers = List.of();
    private double mouseX = -1;

    public TimeSeriesChart(ZoneId zone) {
        this.zone = zone;
        getStyleClass().add(MetricsStyles.CHART);
        tip.getStyleClass().add(MetricsStyles.CHART_TIP);
        tip.setManaged(false);
        tip.setVisible(false);
        tip.setMouseTransparent(true);
        getChildren().add(tip);
        setMinSize(200, 120);
        setPrefSize(420, 200);
        setOnMouseMoved(this::hover);
        setOnMouseExited(e -> {
            mouseX = -1;
            tip.setVisible(false);
            readout.set("");
            redraw();
        });
    }

    /**
     * @param title drawn as given: it says the unit where that helps ("Requests per second", "CPU utilisation (%)")
     * @param unit  what the readout and the level labels put after a value ("%", "req/s", "s")
     */
    public void setTitle(String title, String unit) {
        this.title = title;
        this.unit = unit;
        redraw();
    }

    /**
     * What the plot says when every point is zero (e.g. "No 5xx in this range"), so a count with nothing to count
     * reads differently from a chart CloudWatch has no data for.
     */
    public void setZeroText(String text) {
        zeroText = text == null ? "" : text;
        redraw();
    }

    /** What the plot says now: "" while it draws lines, else the no-data or all-zero note (tests, accessibility). */
    public String note() {
        boolean anyPoint = series.stream().anyMatch(s -> !s.points().isEmpty());
        if (!anyPoint) {
            return NO_DATA;
        }
        boolean allZero = series.stream().flatMap(s -> s.points().stream()).allMatch(p -> p.value() == 0);
        return allZero ? zeroText : "";
    }

    /** Everything a refresh changes, drawn once. */
    public void show(Instant from, Instant to, List<NamedSeries> data, Thresholds levels, List<Marker> deploys) {
        show(from, to, data, levels, List.of(), deploys);
    }

    /** As above, with the alarms on the metric drawn at their thresholds. */
    public void show(Instant from, Instant to, List<NamedSeries> data, Thresholds levels,
            List<ChartAlarms.Level> alarmLevels, List<Marker> deploys) {
        start = from;
        end = to;
        series = List.copyOf(data);
        thresholds = levels;
        alarms = List.copyOf(alarmLevels);
        markers = List.copyOf(deploys);
        redraw();
        if (mouseX >= 0) {
            updateReadout();
        }
    }

    /** What the crosshair reads: "14:05 · web 43.2 %"; empty when the mouse is elsewhere. */
    public ReadOnlyStringProperty readoutProperty() {
        return readout.getReadOnlyProperty();
    }

    /** Moves the crosshair to a moment, as hovering there would (tests, keyboard). */
    public void hoverAt(Instant at) {
        mouseX = xOf(at);
        updateReadout();
        redraw();
    }

    /** The title as drawn. */
    public String title() {
        return title;
    }

    public List<NamedSeries> series() {
        return series;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public List<Marker> markers() {
        return markers;
    }

    /** The alarms drawn. */
    public List<ChartAlarms.Level> alarms() {
        return alarms;
    }

    /** What an alarm's line is named on the chart: "prod-api-cpu-critical > 90 %", and "· in alarm" when firing. */
    String alarmText(ChartAlarms.Level level) {
        return level.alarm() + " " + level.operator() + " " + ChartScale.value(level.value(), unit)
                + (level.state() == AlarmState.ALARM ? " · in alarm" : "");
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        tip.autosize();
    }

    @Override
    protected void draw() {
        redraw();
    }

    private void hover(MouseEvent e) {
        mouseX = e.getX() >= LEFT && e.getX() <= getWidth() - RIGHT ? e.getX() : -1;
        updateReadout();
        Marker near = null;
        for (Marker m : markers) {
            if (Math.abs(xOf(m.at()) - e.getX()) <= 4) {
                near = m;
            }
        }
        String tipText = near == null ? alarmNear(e.getY()) : near.text();
        if (tipText != null) {
            tip.setText(tipText);
            tip.autosize();
            tip.relocate(Math.min(e.getX() + 10, getWidth() - tip.getWidth() - 4),
                    near == null ? Math.max(TOP, e.getY() - tip.getHeight() - 6) : TOP + 4);
        }
        tip.setVisible(tipText != null);
        redraw();
    }

    /** Where a value is drawn, in the chart's own coordinates (tests: where an alarm's line is). */
    double yOf(double value) {
        return levelY(value, scaleTop(), Math.max(1, getHeight() - TOP - BOTTOM));
    }

    /** The tip shown now, if any (tests). */
    String tipText() {
        return tip.isVisible() ? tip.getText() : null;
    }

    /** The alarm whose line is within a few pixels of {@code y}: its name, condition and state; null if none. */
    private String alarmNear(double y) {
        for (ChartAlarms.Level level : alarms) {
            if (Math.abs(yOf(level.value()) - y) <= 4) {
                return "Alarm " + level.alarm() + "\n" + level.operator() + " " + ChartScale.value(level.value(), unit)
                        + " · " + switch (level.state()) {
                            case ALARM -> "in alarm";
                            case OK -> "OK";
                            case INSUFFICIENT_DATA -> "insufficient data";
                        };
            }
        }
        return null;
    }

    /** The value at the plot's top: the data's highest, or the highest level or alarm, with room above. */
    double scaleTop() {
        double max = 0;
        for (NamedSeries s : series) {
            for (MetricPoint p : s.points()) {
                max = Math.max(max, p.value());
            }
        }
        double floor = thresholds == null ? 0 : Math.max(thresholds.warning(), thresholds.critical());
        for (ChartAlarms.Level level : alarms) {
            floor = Math.max(floor, level.value());
        }
        return ChartScale.niceTop(max, floor * 1.05);
    }

    private void updateReadout() {
        if (mouseX < 0 || series.isEmpty()) {
            readout.set("");
            return;
        }
        Instant at = timeOf(mouseX);
        StringBuilder text = new StringBuilder(ChartScale.timeLabel(at, Duration.ofHours(1), zone));
        for (NamedSeries s : series) {
            MetricPoint p = nearest(s, at);
            if (p != null) {
                text.append(" · ").append(series.size() > 1 ? s.label() + " " : "").append(ChartScale.value(p.value(),
                        unit));
            }
        }
        readout.set(text.toString());
    }

    private static MetricPoint nearest(NamedSeries s, Instant at) {
        MetricPoint best = null;
        long bestGap = Long.MAX_VALUE;
        for (MetricPoint p : s.points()) {
            long gap = Math.abs(p.at().getEpochSecond() - at.getEpochSecond());
            if (gap < bestGap) {
                best = p;
                bestGap = gap;
            }
        }
        return best;
    }

    private double plotWidth() {
        return Math.max(1, getWidth() - LEFT - RIGHT);
    }

    private double xOf(Instant at) {
        double span = Math.max(1, Duration.between(start, end).toMillis());
        return LEFT + plotWidth() * Duration.between(start, at).toMillis() / span;
    }

    private Instant timeOf(double x) {
        double span = Duration.between(start, end).toMillis();
        return start.plusMillis((long) ((x - LEFT) / plotWidth() * span));
    }

    private void redraw() {
        double w = canvas().getWidth();
        double h = canvas().getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        CanvasPalette theme = palette();
        GraphicsContext g = canvas().getGraphicsContext2D();
        g.setFill(theme.background());
        g.fillRect(0, 0, w, h);
        double plotH = Math.max(1, h - TOP - BOTTOM);
        double top = scaleTop();

        g.setFont(TITLE);
        g.setFill(theme.text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, LEFT, 6);
        g.setFont(SMALL);
        if (!readout.get().isEmpty()) {
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFill(theme.accent());
            g.fillText(readout.get(), w - RIGHT, 8);
        }

        g.setLineWidth(1);
        g.setLineDashes();
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double v : ChartScale.valueTicks(top)) {
            double y = Math.round(TOP + plotH - plotH * v / top) + 0.5;
            g.setStroke(theme.grid());
            g.strokeLine(LEFT, y, w - RIGHT, y);
            g.setFill(theme.muted());
            g.fillText(ChartScale.value(v, ""), LEFT - 6, y);
        }
        Duration span = Duration.between(start, end);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (Instant t : ChartScale.timeTicks(start, end, (int) Math.max(2, plotWidth() / 90), zone)) {
            double x = Math.round(xOf(t)) + 0.5;
            g.setStroke(theme.grid());
            g.strokeLine(x, TOP + plotH, x, TOP + plotH + 4);
            g.setFill(theme.muted());
            g.fillText(ChartScale.timeLabel(t, span, zone), x, TOP + plotH + 6);
        }
        g.setStroke(theme.axis());
        g.strokeLine(LEFT, TOP + plotH + 0.5, w - RIGHT, TOP + plotH + 0.5);

        g.save();
        g.beginPath();
        g.rect(LEFT, TOP - 1, plotWidth(), plotH + 2);
        g.clip();
        if (thresholds != null) {
            levelLine(g, thresholds.warning(), top, plotH, theme.warning());
            levelLine(g, thresholds.critical(), top, plotH, theme.danger());
        }
        for (ChartAlarms.Level level : alarms) {
            g.setStroke(alarmColour(level, theme));
            g.setLineWidth(1.2);
            g.setLineDashes(ALARM_DASHES);
            double y = levelY(level.value(), top, plotH);
            g.strokeLine(LEFT, y, LEFT + plotWidth(), y);
        }
        for (Marker m : markers) {
            double x = Math.round(xOf(m.at())) + 0.5;
            g.setStroke(theme.marker());
            g.setLineWidth(1.5);
            g.setLineDashes(MARKER_DASHES);
            g.strokeLine(x, TOP, x, TOP + plotH);
            g.setFill(theme.marker());
            g.fillPolygon(new double[] {x - 4, x + 4, x}, new double[] {TOP, TOP, TOP + 6}, 3);
        }
        g.setLineDashes();
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineWidth(1.8);
        for (int i = 0; i < series.size(); i++) {
            line(g, series.get(i), top, plotH, theme.series(i));
        }
        labelBoxes.clear();
        if (thresholds != null) {
            // warning labelled at the left end, critical at the right: close levels never print over each other;
            // drawn last with a halo, so a deploy marker or the series crossing them leaves the words readable
            levelLabel(g, thresholds.warning(), top, plotH, theme.warning(), theme.background(), "warning", false);
            levelLabel(g, thresholds.critical(), top, plotH, theme.danger(), theme.background(), "critical", true);
        }
        alarmLabels(g, top, plotH, theme);
        g.restore();

        String note = note();
        if (!note.isEmpty()) {
            g.setFont(SMALL);
            g.setFill(theme.muted());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(note, LEFT + plotWidth() / 2, TOP + plotH / 2);
        }

        if (mouseX >= 0) {
            g.setLineWidth(1);
            g.setStroke(theme.muted());
            g.setLineDashes(3, 3);
            double x = Math.round(mouseX) + 0.5;
            g.strokeLine(x, TOP, x, TOP + plotH);
            g.setLineDashes();
        }
    }

    private void levelLine(GraphicsContext g, double value, double top, double plotH, Color colour) {
        double y = levelY(value, top, plotH);
        g.setStroke(colour);
        g.setLineWidth(1.2);
        g.setLineDashes(6, 4);
        g.strokeLine(LEFT, y, LEFT + plotWidth(), y);
    }

    private void levelLabel(GraphicsContext g, double value, double top, double plotH, Color colour, Color halo,
            String name, boolean right) {
        double y = levelY(value, top, plotH);
        String text = name + " " + ChartScale.value(value, unit);
        double x = right ? LEFT + plotWidth() - 2 : LEFT + 4;
        g.setFont(SMALL);
        g.setTextAlign(right ? TextAlignment.RIGHT : TextAlignment.LEFT);
        // Above the line, unless that would run into the title row: then just below it.
        boolean below = y - LEVEL_LABEL_HEIGHT < TOP;
        g.setTextBaseline(below ? VPos.TOP : VPos.BOTTOM);
        double baseline = below ? y + 2 : y - 1;
        double width = textWidth(text);
        double labelTop = below ? baseline : baseline - LEVEL_LABEL_HEIGHT;
        labelBoxes.put(name, new BoundingBox(right ? x - width : x, labelTop, width, LEVEL_LABEL_HEIGHT));
        g.setLineDashes();
        g.setLineWidth(3);
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setStroke(halo);
        g.strokeText(text, x, baseline);
        g.setFill(colour);
        g.fillText(text, x, baseline);
    }

    private static Color alarmColour(ChartAlarms.Level level, CanvasPalette theme) {
        return switch (level.state()) {
            case ALARM -> theme.danger();
            case OK -> theme.text(); // armed, quiet: plain, apart from the series' colours
            case INSUFFICIENT_DATA -> theme.muted();
        };
    }

    /**
     * Each alarm named in the middle of its line, above it, or below it where the label above would run into the
     * title row, the label of the alarm above or a warning or critical level's label (on a narrow chart a long
     * alarm name reaches the ends, where those are written); a label that fits neither way goes under the one above
     * it, lower still if a level's label is there.
     */
    private void alarmLabels(GraphicsContext g, double top, double plotH, CanvasPalette theme) {
        double taken = TOP; // the lowest edge of the labels written so far, highest alarm first
        List<Bounds> levels = List.copyOf(labelBoxes.values());
        g.setFont(SMALL);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int i = alarms.size() - 1; i >= 0; i--) {
            ChartAlarms.Level level = alarms.get(i);
            double y = levelY(level.value(), top, plotH);
            String text = alarmText(level);
            double x = LEFT + plotWidth() / 2;
            double width = textWidth(text);
            double left = x - width / 2;
            double labelTop = y - 1 - LEVEL_LABEL_HEIGHT;
            if (labelTop < taken || crosses(levels, left, labelTop, width)) {
                labelTop = Math.max(y + 2, taken);
                while (crosses(levels, left, labelTop, width) && labelTop + LEVEL_LABEL_HEIGHT < TOP + plotH) {
                    labelTop += 2;
                }
            }
            labelBoxes.put(level.alarm(), new BoundingBox(left, labelTop, width, LEVEL_LABEL_HEIGHT));
            g.setLineDashes();
            g.setLineWidth(3);
            g.setLineJoin(StrokeLineJoin.ROUND);
            g.setStroke(theme.background());
            g.strokeText(text, x, labelTop);
            g.setFill(alarmColour(level, theme));
            g.fillText(text, x, labelTop);
            taken = labelTop + LEVEL_LABEL_HEIGHT;
        }
    }

    private static boolean crosses(List<Bounds> taken, double left, double labelTop, double width) {
        for (Bounds b : taken) {
            if (b.intersects(left, labelTop, width, LEVEL_LABEL_HEIGHT)) {
                return true;
            }
        }
        return false;
    }

    /** How wide {@code text} is written in the labels' font. */
    private static double textWidth(String text) {
        return io.harbormaster.views.shared.TextWidths.of(SMALL, text);
    }

    /** Where each label was written at the last drawing, by level ("warning", "critical") or alarm name (tests). */
    Map<String, Bounds> labelBoxes() {
        return Map.copyOf(labelBoxes);
    }

    private static double levelY(double value, double top, double plotH) {
        return Math.round(TOP + plotH - plotH * value / top) + 0.5;
    }

    private void line(GraphicsContext g, NamedSeries s, double top, double plotH, Color colour) {
        List<MetricPoint> points = s.points();
        if (points.isEmpty()) {
            return;
        }
        g.setStroke(colour);
        g.setFill(colour);
        long gap = 0;
        if (points.size() > 1) {
            gap = (points.get(points.size() - 1).at().getEpochSecond() - points.get(0).at().getEpochSecond())
                    / (points.size() - 1) * 3;
        }
        MetricPoint previous = null;
        g.beginPath();
        for (MetricPoint p : points) {
            double x = xOf(p.at());
            double y = TOP + plotH - plotH * Math.min(p.value(), top * 1.5) / top;
            boolean broken = previous == null || (gap > 0
                    && p.at().getEpochSecond() - previous.at().getEpochSecond() > gap);
            if (broken) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
            previous = p;
        }
        g.stroke();
        if (points.size() == 1) {
            MetricPoint p = points.get(0);
            g.fillOval(xOf(p.at()) - 2.5, TOP + plotH - plotH * p.value() / top - 2.5, 5, 5);
        }
    }
}
