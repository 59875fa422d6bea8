package io.harbormaster.views.cutovers.wizard;

import io.harbormaster.model.cutover.CutoverPlan;
import io.harbormaster.model.cutover.CutoverPlanner;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The wizard's Plan page: the shape, the bake, and each step's requested and effective share. */
final class WizardPlanPane extends VBox {

    WizardPlanPane(CutoverWizardViewModel vm) {
        super(10);
        ComboBox<ShapeKind> shape = new ComboBox<>();
        shape.setId("cutover-shape");
        shape.getItems().setAll(ShapeKind.values());
        shape.valueProperty().bindBidirectional(vm.shapeProperty());
        TextField canary = field("cutover-canary", vm.canaryPercentProperty());
        TextField linear = field("cutover-linear", vm.linearEveryProperty());
        TextField custom = field("cutover-custom", vm.customStepsProperty());
        custom.setPrefColumnCount(20);
        TextField bake = field("cutover-bake", vm.bakeSecondsProperty());
        canary.disableProperty().bind(vm.shapeProperty().isNotEqualTo(ShapeKind.CANARY));
        linear.disableProperty().bind(vm.shapeProperty().isNotEqualTo(ShapeKind.LINEAR));
        custom.disableProperty().bind(vm.shapeProperty().isNotEqualTo(ShapeKind.CUSTOM));
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Shape"), shape);
        grid.addRow(1, new Label("Canary: first step %"), canary);
        grid.addRow(2, new Label("Linear: every %"), linear);
        grid.addRow(3, new Label("Custom steps %"), custom);
        grid.addRow(4, new Label("Bake per step (s)"), bake);
        Label minimum = new Label();
        minimum.setWrapText(true);
        minimum.textProperty().bind(Bindings.createStringBinding(() -> {
            CutoverPlan p = vm.planProperty().get();
            return p == null ? "" : "Never shorter than the TTL plus the margin: "
                    + RouteText.duration(p.gates().minimumBake(p.route())) + " (each step bakes "
                    + RouteText.duration(CutoverPlanner.bake(p.route(), p.step(1).bake(), p.gates())) + ")";
        }, vm.planProperty()));
        VBox steps = new VBox(4);
        steps.setId("cutover-plan-steps");
        Runnable fill = () -> {
            CutoverPlan p = vm.planProperty().get();
            steps.getChildren().clear();
            if (p == null) {
                steps.getChildren().add(CutoverWizardView.wrapped(vm.planErrorProperty().get()));
                return;
            }
            vm.previewSteps().forEach(l -> steps.getChildren().add(CutoverWizardView.wrapped(l)));
        };
        vm.planProperty().addListener((o, a, b) -> fill.run());
        fill.run();
        getChildren().addAll(grid, minimum, CutoverWizardView.heading("Steps: requested → the weights written →"
                + " the share they really give"), steps);
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(8);
        f.textProperty().bindBidirectional(property);
        return f;
    }
}
