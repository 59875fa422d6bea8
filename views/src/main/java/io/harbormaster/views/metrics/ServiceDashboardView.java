package io.harbormaster.views.metrics;

import io.harbormaster.model.alarms.ChartAlarms;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.metrics.DeployMarker;
import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.metrics.NamedSeries;
import io.harbormaster.model.metrics.TimeRange;
import io.harbormaster.model.metrics.TimeWindow;
import io.harbormaster.views.fleet.ServicePicker;
import io.harbormaster.views.shared.WrappingBar;
import io.harbormaster.views.shared.metrics.MetricsStyles;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A service's dashboard: the service and range on top, the alarms below them, then two columns of charts. Each chart
 * is made once per metric and fed new data in place, so refreshes redraw one canvas each and rebuild nothing.
 */
public final class ServiceDashboardView extends BorderPane {

    /** The least a chart is drawn at: its axis, its title and the legend's words. */
    private static final double MIN_CHART_WIDTH = 300;
    /** The grid's width not given to charts: the scroll pane's bar and padding. */
    private static final double GRID_SLACK = 20;

    private final ServiceDashboardViewModel viewModel;
    private final ZoneId zone;
    private final Map<MetricKind, TimeSeriesChart> charts = new EnumMap<>(MetricKind.class);
    private final GridPane grid = new GridPane();
    /** Charts a row holds: two, or one where two do not fit at {@link #MIN_CHART_WIDTH}. */
    private int columns = 2;

    public ServiceDashboardView(ServiceDashboardViewModel viewModel, AlarmsViewModel alarms, ZoneId zone) {
        this.viewModel = viewModel;
        this.zone = zone;
        setId("service-dashboard");
        grid.setHgap(10);
        grid.setVgap(10);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setId("dashboard-scroll");
        Label empty = new Label("Pick a service to see its CPU, memory and load-balancer charts.");
        empty.getStyleClass().add("hm-muted");
        StackPane centre = new StackPane(scroll, empty);
        empty.visibleProperty().bind(viewModel.serviceArnProperty().isNull());
        setCenter(centre);
        setTop(new VBox(6, toolbar(), new AlarmsBar(alarms, viewModel::service,
                viewModel.serviceArnProperty(), viewModel.services())));
        viewModel.chartsProperty().addListener((o, a, now) -> layoutCharts(now));
        viewModel.seriesProperty().addListener((o, a, b) -> feed());
        viewModel.drawnLevelsProperty().addListener((o, a, b) -> feed());
        viewModel.alarmLevelsProperty().addListener((o, a, b) -> feed());
        viewModel.markersProperty().addListener((o, a, b) -> feed());
        grid.widthProperty().addListener((o, a, b) -> sizeCharts());
    }

    public TimeSeriesChart chart(MetricKind kind) {
        return charts.get(kind);
    }

    private WrappingBar toolbar() {
        ComboBox<Service> service = ServicePicker.of("dashboard-service", viewModel.services(),
                viewModel.serviceArnProperty(), viewModel::showService);
        ToggleGroup ranges = new ToggleGroup();
        HBox rangeBox = new HBox(0);
        rangeBox.getStyleClass().add("hm-segmented");
        for (TimeRange r : TimeRange.PRESETS) {
            ToggleButton b = new ToggleButton(r.label());
            b.setId("range-" + r.label().replace(" ", "").toLowerCase());
            b.setToggleGroup(ranges);
            b.setUserData(r);
            b.setSelected(r.equals(viewModel.rangeProperty().get()));
            b.setMinWidth(Region.USE_PREF_SIZE); // the ranges keep their labels; the message gives way
            rangeBox.getChildren().add(b);
        }
        ranges.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                ranges.selectToggle(old); // one range is always chosen
            } else {
                viewModel.rangeProperty().set((TimeRange) now.getUserData());
            }
        });
        Label message = new Label();
        message.setId("dashboard-message");
        message.getStyleClass().add("hm-muted");
        message.textProperty().bind(viewModel.messageProperty());
        message.setMinWidth(0);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(viewModel.messageProperty());
        message.setTooltip(whole);
        Label cached = new Label();
        cached.setId("dashboard-cached");
        cached.textProperty().bind(Bindings.when(viewModel.offlineProperty())
                .then("from cache — CloudWatch unreachable").otherwise("from cache"));
        cached.setMinWidth(Region.USE_PREF_SIZE);
        cached.getStyleClass().add(MetricsStyles.NOTICE);
        cached.visibleProperty().bind(viewModel.fromCacheProperty());
        cached.managedProperty().bind(cached.visibleProperty());
        message.setWrapText(true);
        HBox.setHgrow(message, Priority.ALWAYS);
        // in half a window (side by side) the ranges go onto a row of their own rather than past the tab's edge
        WrappingBar bar = new WrappingBar(8, service, rangeBox, cached, message);
        bar.getStyleClass().add(MetricsStyles.TOOLBAR);
        return bar;
    }

    private void layoutCharts(List<MetricKind> kinds) {
        grid.getChildren().clear();
        for (int i = 0; i < kinds.size(); i++) {
            MetricKind kind = kinds.get(i);
            TimeSeriesChart chart = charts.computeIfAbsent(kind, this::newChart);
            Button levels = new Button(null, new FontIcon(Material2MZ.TUNE));
            levels.setId("levels-" + kind.key());
            levels.getStyleClass().addAll("flat", "small");
            levels.setTooltip(new javafx.scene.control.Tooltip("Warning and critical levels for this service"));
            levels.setOnAction(e -> ThresholdEditor.open(levels, kind, viewModel.thresholdsProperty().get().get(kind),
                    viewModel));
            levels.setVisible(kind.defaultThresholds().isPresent());
            StackPane card = new StackPane(chart, levels);
            StackPane.setAlignment(levels, javafx.geometry.Pos.TOP_RIGHT);
            grid.add(card, i % columns, i / columns);
        }
        sizeCharts();
        feed();
    }

    /**
     * Two columns of charts where two fit at their least width, one in half a window (side by side): the cards move
     * within the grid (no node changes parent, so nothing is styled again).
     */
    private void placeCharts() {
        int fit = grid.getWidth() >= 2 * MIN_CHART_WIDTH + grid.getHgap() + GRID_SLACK || grid.getWidth() <= 0 ? 2 : 1;
        if (fit == columns) {
            return;
        }
        columns = fit;
        List<Node> cards = List.copyOf(grid.getChildren());
        for (int i = 0; i < cards.size(); i++) {
            GridPane.setConstraints(cards.get(i), i % columns, i / columns);
        }
    }

    private TimeSeriesChart newChart(MetricKind kind) {
        TimeSeriesChart chart = new TimeSeriesChart(zone);
        chart.setId("chart-" + kind.key());
        chart.setTitle(ChartTitles.of(kind), kind.unit());
        chart.setZeroText(ChartTitles.whenAllZero(kind));
        return chart;
    }

    private void sizeCharts() {
        placeCharts();
        double w = Math.max(MIN_CHART_WIDTH, (grid.getWidth() - GRID_SLACK - grid.getHgap() * (columns - 1)) / columns);
        charts.values().forEach(c -> c.setPrefSize(w, 210));
    }

    private void feed() {
        TimeWindow w = viewModel.windowProperty().get();
        if (w == null) {
            return;
        }
        Map<MetricKind, List<NamedSeries>> series = viewModel.seriesProperty().get();
        List<TimeSeriesChart.Marker> markers = viewModel.markersProperty().get().stream()
                .map(m -> new TimeSeriesChart.Marker(m.at(), text(m))).toList();
        Map<MetricKind, List<ChartAlarms.Level>> alarms = viewModel.alarmLevelsProperty().get();
        charts.forEach((kind, chart) -> chart.show(w.start(), w.end(), series.getOrDefault(kind, List.of()),
                viewModel.drawnLevelsProperty().get().get(kind), alarms.getOrDefault(kind, List.of()), markers));
    }

    private String text(DeployMarker m) {
        return m.label() + "\n" + java.time.format.DateTimeFormatter.ofPattern("EEE HH:mm").withZone(zone)
                .format(m.at());
    }
}
