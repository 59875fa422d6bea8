package io.harbormaster.views.cutovers.live;

import io.harbormaster.model.cutover.GateMetric;
import io.harbormaster.views.canvas.CanvasPalette;
import io.harbormaster.views.metrics.TimeSeriesChart;
import io.harbormaster.views.shared.metrics.MetricsStyles;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;

/**
 * The gates' four metrics as charts, two by two, both sides in each, with the warning and critical lines the gates
 * judge by and a marker at every weight change (the shared time-series chart; times in UTC like the rest of the
 * cutover).
 */
final class CutoverMetricsPane extends BorderPane {

    private final Map<GateMetric, TimeSeriesChart> charts = new EnumMap<>(GateMetric.class);
    private final HBox legend = new HBox(14);

    CutoverMetricsPane(CutoverMetricsViewModel vm) {
        setId("cutover-metrics");
        getStylesheets().add(MetricsStyles.stylesheet());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(r);
        }
        int i = 0;
        for (GateMetric metric : GateMetric.values()) {
            TimeSeriesChart chart = new TimeSeriesChart(ZoneId.systemDefault());
            chart.setId("cutover-chart-" + metric.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            chart.setPrefSize(300, 140);
            chart.setMinSize(160, 100);
            chart.setTitle(metric.label(), metric.unit());
            charts.put(metric, chart);
            grid.add(chart, i % 2, i / 2);
            i++;
        }
        Label message = new Label();
        message.setId("cutover-metrics-message");
        message.getStyleClass().add("hm-muted");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        legend.setId("cutover-metrics-legend");
        legend.setAlignment(Pos.CENTER_LEFT);
        setTop(new VBox(4, legend, message));
        BorderPane.setMargin(grid, new Insets(4, 0, 0, 0));
        setCenter(grid);
        vm.charts().addListener((ListChangeListener<CutoverMetricsViewModel.Chart>) c -> show(vm));
        show(vm);
    }

    private void show(CutoverMetricsViewModel vm) {
        if (!vm.charts().isEmpty()) {
            legend(vm.charts().get(0));
        }
        for (CutoverMetricsViewModel.Chart c : vm.charts()) {
            TimeSeriesChart chart = charts.get(c.metric());
            chart.setTitle(c.metric().label() + (c.judgedOn().isEmpty() ? " · no gate" : " · gate on "
                    + c.judgedOn()), c.metric().unit());
            chart.show(c.window().start(), c.window().end(), c.series(), c.levels(), c.markers());
        }
    }

    /** Which line is which side, in the charts' own colours; the markers are the weight changes. */
    private void legend(CutoverMetricsViewModel.Chart chart) {
        CanvasPalette palette = charts.get(chart.metric()).palette();
        legend.getChildren().clear();
        List<String> roles = List.of(" (traffic leaves)", " (traffic goes to)");
        for (int i = 0; i < chart.series().size(); i++) {
            legend.getChildren().add(key(palette.series(i), chart.series().get(i).label() + roles.get(i % 2), 3));
        }
        Line marker = new Line(0, 0, 18, 0);
        marker.setStroke(palette.marker());
        marker.setStrokeWidth(1.5);
        for (double dash : TimeSeriesChart.MARKER_DASHES) {
            marker.getStrokeDashArray().add(dash);
        }
        legend.getChildren().add(key(marker, "a weight change (hover for the weights)"));
    }

    private static Label key(Color colour, String text, double thickness) {
        return key(new Rectangle(18, thickness, colour), text);
    }

    private static Label key(Shape swatch, String text) {
        Label l = new Label(text, swatch);
        l.getStyleClass().add("hm-muted");
        return l;
    }

    /** The chart of a metric (tests read what it shows). */
    TimeSeriesChart chart(GateMetric metric) {
        return charts.get(metric);
    }
}
