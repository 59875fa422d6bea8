package io.harbormaster.views.cutovers.wizard;

import io.harbormaster.model.cutover.GateRule;
import io.harbormaster.model.cutover.NoDataPolicy;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The wizard's Gates page: per metric on/off, side(s), warning and critical; alarms; no data; what verdicts do. */
final class WizardGatesPane extends VBox {

    WizardGatesPane(CutoverWizardViewModel vm) {
        super(10);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.addRow(0, CutoverWizardView.heading("Metric"), CutoverWizardView.heading("Side"),
                CutoverWizardView.heading("Warning"), CutoverWizardView.heading("Critical"));
        int row = 1;
        for (GateRuleRow r : vm.rules()) {
            String id = r.metric().name().toLowerCase(java.util.Locale.ROOT);
            CheckBox on = new CheckBox(r.metric().label() + (r.metric().unit().isBlank() ? "" : " (" + r.metric()
                    .unit() + ")") + (r.metric().higherIsWorse() ? ", above is bad" : ", below is bad"));
            on.setId("gate-" + id);
            on.selectedProperty().bindBidirectional(r.enabledProperty());
            ComboBox<GateRule.Scope> scope = new ComboBox<>();
            scope.getItems().setAll(GateRule.Scope.values());
            scope.valueProperty().bindBidirectional(r.scopeProperty());
            TextField warn = new TextField();
            warn.setId("gate-" + id + "-warning");
            warn.setPrefColumnCount(6);
            warn.textProperty().bindBidirectional(r.warningProperty());
            TextField crit = new TextField();
            crit.setId("gate-" + id + "-critical");
            crit.setPrefColumnCount(6);
            crit.textProperty().bindBidirectional(r.criticalProperty());
            scope.disableProperty().bind(on.selectedProperty().not());
            warn.disableProperty().bind(on.selectedProperty().not());
            crit.disableProperty().bind(on.selectedProperty().not());
            grid.addRow(row++, on, scope, warn, crit);
        }
        TextField alarms = new TextField();
        alarms.setId("gate-alarms");
        alarms.setPromptText("alarm names, comma separated (none in ALARM)");
        alarms.setPrefColumnCount(28); // the hint read whole
        alarms.textProperty().bindBidirectional(vm.alarmsProperty());
        ComboBox<NoDataPolicy> noData = new ComboBox<>();
        noData.setId("gate-no-data");
        noData.getItems().setAll(NoDataPolicy.values());
        noData.valueProperty().bindBidirectional(vm.noDataProperty());
        TextField window = new TextField();
        window.setId("gate-window");
        window.setPrefColumnCount(4);
        window.textProperty().bindBidirectional(vm.windowMinutesProperty());
        TextField margin = new TextField();
        margin.setId("gate-margin");
        margin.setPrefColumnCount(4);
        margin.textProperty().bindBidirectional(vm.marginSecondsProperty());
        CheckBox rollback = new CheckBox("Roll back by itself on a critical breach");
        rollback.setId("gate-rollback-on-critical");
        rollback.selectedProperty().bindBidirectional(vm.rollbackOnCriticalProperty());
        CheckBox pauseWarn = new CheckBox("Pause on a warning");
        pauseWarn.setId("gate-pause-on-warning");
        pauseWarn.selectedProperty().bindBidirectional(vm.pauseOnWarningProperty());
        CheckBox pauseEvery = new CheckBox("Pause after every step for a manual promote");
        pauseEvery.setId("gate-pause-every-step");
        pauseEvery.selectedProperty().bindBidirectional(vm.pauseEveryStepProperty());
        GridPane more = new GridPane();
        more.setHgap(10);
        more.setVgap(6);
        more.addRow(0, new Label("Alarms"), alarms);
        more.addRow(1, new Label("No data means"), noData);
        more.addRow(2, new Label("Window (min)"), window);
        more.addRow(3, new Label("Margin over TTL (s)"), margin);
        getChildren().addAll(CutoverWizardView.heading("Judged on both sides' CloudWatch metrics after each bake"),
                grid, more, rollback, pauseWarn, pauseEvery);
    }
}
