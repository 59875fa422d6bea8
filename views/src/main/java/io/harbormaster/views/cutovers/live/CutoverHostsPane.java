package io.harbormaster.views.cutovers.live;

import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.views.noisemap.NoiseLegend;
import io.harbormaster.views.noisemap.NoiseMapCanvas;
import io.harbormaster.views.shared.metrics.MetricsStyles;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The two sides' hosts side by side, each on the shared noise map, coloured by one metric for both. */
final class CutoverHostsPane extends BorderPane {

    CutoverHostsPane(CutoverHostsViewModel vm) {
        setId("cutover-hosts");
        getStylesheets().add(MetricsStyles.stylesheet());
        HBox bar = new HBox(8, new Label("Hosts coloured by"));
        ToggleGroup metric = new ToggleGroup();
        for (MetricKind kind : List.of(MetricKind.REQUEST_RATE, MetricKind.ERROR_RATE_5XX, MetricKind.CPU_UTILIZATION,
                MetricKind.MEMORY_UTILIZATION)) {
            ToggleButton b = new ToggleButton(kind.label());
            b.setId("cutover-hosts-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            b.setUserData(kind);
            b.setToggleGroup(metric);
            b.setSelected(kind == vm.metricProperty().get());
            bar.getChildren().add(b);
        }
        metric.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);   // one metric is always chosen
            } else {
                vm.metricProperty().set((MetricKind) now.getUserData());
            }
        });
        // One legend for both maps: they share one scale, so a colour means the same load on either side.
        NoiseLegend legend = new NoiseLegend();
        legend.setId("cutover-noise-legend");
        vm.scaleProperty().addListener((o, was, now) -> legend.show(now, vm.metricProperty().get()));
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        bar.getChildren().addAll(spring, legend);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.getStyleClass().add(MetricsStyles.TOOLBAR);
        setTop(bar);
        HBox maps = new HBox(10);
        List<String> ids = List.of("cutover-noise-from", "cutover-noise-to");
        for (int i = 0; i < vm.sides().size(); i++) {
            maps.getChildren().add(side(vm.sides().get(i), ids.get(i)));
        }
        setCenter(maps);
    }

    private static VBox side(CutoverHostsViewModel.Side side, String id) {
        Label title = new Label(side.label());
        title.getStyleClass().add(MetricsStyles.DETAIL_TITLE);
        Label status = new Label();
        status.setWrapText(true);
        status.getStyleClass().add("hm-muted");
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            String message = side.map().messageProperty().get();
            return side.statusProperty().get() + (message.isEmpty() ? "" : " · " + message);
        }, side.statusProperty(), side.map().messageProperty()));
        NoiseMapCanvas canvas = new NoiseMapCanvas(side.map());
        canvas.setId(id);
        canvas.getStyleClass().add("cutover-noise-map");
        VBox box = new VBox(4, title, status, canvas);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setPrefWidth(400);
        return box;
    }
}
