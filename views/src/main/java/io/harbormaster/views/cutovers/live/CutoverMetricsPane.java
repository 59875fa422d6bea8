package io.harbormaster.views.cutovers.live;

import io.harbormaster.model.cutover.GateMetric;
import io.harbormaster.views.metrics.TimeSeriesChart;
import io.harbormaster.views.shared.metrics.MetricsStyles;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;

/**
 * The gates' four metrics as charts, two by two, both sides in each, with the warning and critical lines the gates
 * judge by and a marker at every weight change (the shared time-series chart; times in UTC like the rest of the
 * cutover).
 */
final class CutoverMetricsPane extends BorderPane {

    private final Map<GateMetric, TimeSeriesChart> charts = new EnumMap<>(GateMetric.class);

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
            TimeSeriesChart chart = new TimeSeriesChart(ZoneOffset.UTC);
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
        setTop(message);
        setCenter(grid);
        vm.charts().addListener((ListChangeListener<CutoverMetricsViewModel.Chart>) c -> show(vm));
        show(vm);
    }

    private void show(CutoverMetricsViewModel vm) {
        for (CutoverMetricsViewModel.Chart c : vm.charts()) {
            TimeSeriesChart chart = charts.get(c.metric());
            chart.setTitle(c.metric().label() + (c.judgedOn().isEmpty() ? " · no gate" : " · gate on "
                    + c.judgedOn()), c.metric().unit());
            chart.show(c.window().start(), c.window().end(), c.series(), c.levels(), c.markers());
        }
    }

    /** The chart of a metric (tests read what it shows). */
    TimeSeriesChart chart(GateMetric metric) {
        return charts.get(metric);
    }
}
