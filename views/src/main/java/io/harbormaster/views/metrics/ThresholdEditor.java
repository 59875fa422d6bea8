package io.harbormaster.views.metrics;

import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.metrics.Thresholds;
import io.harbormaster.views.shared.metrics.MetricsStyles;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;

/** The small popover that sets one chart's warning and critical levels for this service. */
final class ThresholdEditor {

    private ThresholdEditor() {
    }

    static void open(Node owner, MetricKind kind, Thresholds current, ServiceDashboardViewModel viewModel) {
        TextField warning = new TextField(current == null ? "" : plain(current.warning()));
        TextField critical = new TextField(current == null ? "" : plain(current.critical()));
        warning.setId("levels-warning");
        critical.setId("levels-critical");
        warning.setPrefColumnCount(6);
        critical.setPrefColumnCount(6);
        Label problem = new Label();
        problem.setId("levels-problem");
        problem.getStyleClass().add("hm-problem-next-step");
        problem.setWrapText(true);
        problem.setMaxWidth(220);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Warning"), warning, new Label(kind.unit()));
        grid.addRow(1, new Label("Critical"), critical, new Label(kind.unit()));
        Button save = new Button("Save");
        save.setId("levels-save");
        save.setDefaultButton(true);
        Button reset = new Button("Defaults");
        reset.setId("levels-reset");
        Label title = new Label(kind.label() + " levels for this service");
        title.getStyleClass().add(MetricsStyles.DETAIL_TITLE);
        VBox content = new VBox(8, title, grid, problem, new HBox(8, save, reset));
        content.setStyle("-fx-padding: 10;");
        PopOver pop = new PopOver(content);
        pop.setId("levels-popover");
        pop.setArrowLocation(PopOver.ArrowLocation.TOP_RIGHT);
        pop.setDetachable(false);
        save.setOnAction(e -> {
            try {
                viewModel.setThresholds(kind, Double.parseDouble(warning.getText().trim()),
                        Double.parseDouble(critical.getText().trim()));
                pop.hide();
            } catch (NumberFormatException notANumber) {
                problem.setText("Both levels must be numbers.");
            } catch (IllegalArgumentException wrongOrder) {
                problem.setText(wrongOrder.getMessage());
            }
        });
        reset.setOnAction(e -> {
            viewModel.resetThresholds(kind);
            pop.hide();
        });
        pop.show(owner);
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? String.format("%.0f", v) : Double.toString(v);
    }
}
