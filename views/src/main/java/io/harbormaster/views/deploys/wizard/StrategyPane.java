package io.harbormaster.views.deploys.wizard;

import io.harbormaster.model.deploy.DeployStrategy;
import io.harbormaster.model.deploy.LifecycleStage;
import io.harbormaster.views.shared.Sentences;
import io.harbormaster.views.theme.HarbormasterStyles;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The Strategy page: ECS's strategy and its numbers, the breaker, alarms, pauses and blue/green routing. */
final class StrategyPane extends VBox {

    StrategyPane(StrategyStep s) {
        super(10);
        setId("deploy-strategy");
        ChoiceBox<DeployStrategy> strategy = new ChoiceBox<>(FXCollections.observableArrayList(
                DeployStrategy.values()));
        strategy.setId("deploy-strategy-choice");
        strategy.valueProperty().bindBidirectional(s.strategyProperty());
        BooleanBinding rolling = s.strategyProperty().isEqualTo(DeployStrategy.ROLLING);

        GridPane numbers = new GridPane();
        numbers.setHgap(10);
        numbers.setVgap(6);
        numbers.addRow(0, new Label("Strategy"), strategy);
        numbers.addRow(1, new Label("Minimum healthy %"), ChangePane.field("deploy-min", s.minimumHealthyProperty(), 5),
                new Label("Maximum %"), ChangePane.field("deploy-max", s.maximumProperty(), 5));
        var bake = ChangePane.field("deploy-bake", s.bakeProperty(), 5);
        bake.disableProperty().bind(rolling);
        numbers.addRow(2, new Label("Bake time (min)"), bake);
        var step = ChangePane.field("deploy-step-percent", s.stepPercentProperty(), 5);
        var stepBake = ChangePane.field("deploy-step-bake", s.stepBakeProperty(), 5);
        step.disableProperty().bind(s.strategyProperty().isNotEqualTo(DeployStrategy.LINEAR));
        stepBake.disableProperty().bind(step.disableProperty());
        numbers.addRow(3, new Label("Linear step %"), step, new Label("Step bake (min)"), stepBake);
        var canary = ChangePane.field("deploy-canary-percent", s.canaryPercentProperty(), 5);
        var canaryBake = ChangePane.field("deploy-canary-bake", s.canaryBakeProperty(), 5);
        canary.disableProperty().bind(s.strategyProperty().isNotEqualTo(DeployStrategy.CANARY));
        canaryBake.disableProperty().bind(canary.disableProperty());
        numbers.addRow(4, new Label("Canary %"), canary, new Label("Canary bake (min)"), canaryBake);

        CheckBox breaker = check("deploy-breaker", "Circuit breaker", s.breakerProperty());
        CheckBox breakerRollback = check("deploy-breaker-rollback", "…and roll back when it trips",
                s.breakerRollbackProperty());
        breakerRollback.disableProperty().bind(s.breakerProperty().not());
        var alarms = ChangePane.field("deploy-alarms", s.alarmsProperty(), 40);
        alarms.setPromptText("CloudWatch alarm names, comma separated");
        CheckBox alarmsRollback = check("deploy-alarms-rollback", "Roll back when one goes to ALARM",
                s.alarmsRollbackProperty());
        GridPane watch = new GridPane();
        watch.setHgap(10);
        watch.setVgap(6);
        watch.addRow(0, breaker, breakerRollback);
        watch.addRow(1, new Label("Alarms"), alarms, alarmsRollback);
        // The service's own alarms, read as the wizard opened: offered, and names the environment lacks pointed out
        Button useOwn = new Button();
        useOwn.setId("deploy-alarms-use-service");
        useOwn.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> "Use the service's "
                + s.serviceAlarms().size() + (s.serviceAlarms().size() == 1 ? " alarm" : " alarms"),
                s.serviceAlarms()));
        useOwn.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(s.serviceAlarms()));
        useOwn.managedProperty().bind(useOwn.visibleProperty());
        useOwn.setTooltip(new javafx.scene.control.Tooltip());
        useOwn.getTooltip().textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                String.join("\n", s.serviceAlarms()), s.serviceAlarms()));
        useOwn.setOnAction(e -> s.useServiceAlarms());
        useOwn.disableProperty().bind(s.serviceAlarmsWatchedProperty());
        Label note = Sentences.wrapping(new Label());
        note.setId("deploy-alarms-note");
        note.getStyleClass().add(HarbormasterStyles.MUTED);
        note.textProperty().bind(s.alarmsNoteProperty());
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        GridPane.setColumnSpan(note, 2);
        watch.add(useOwn, 1, 2);
        watch.add(note, 1, 3);

        FlowPane pauses = new FlowPane(10, 6);
        for (LifecycleStage stage : StrategyStep.pausableStages()) {
            CheckBox box = new CheckBox(stage.name());
            box.setMnemonicParsing(false);
            box.setId("deploy-pause-" + stage.name());
            box.setSelected(s.pauses().contains(stage));
            box.selectedProperty().addListener((o, a, on) -> {
                if (on) {
                    s.pauses().add(stage);
                } else {
                    s.pauses().remove(stage);
                }
            });
            pauses.getChildren().add(box);
        }

        GridPane routing = new GridPane();
        routing.setHgap(10);
        routing.setVgap(6);
        routing.addRow(0, new Label("Alternate target group"), ChangePane.field("deploy-alt-tg",
                s.alternateTargetGroupProperty(), 48));
        routing.addRow(1, new Label("Production listener rule"), ChangePane.field("deploy-prod-rule",
                s.productionRuleProperty(), 48));
        routing.addRow(2, new Label("Test listener rule"), ChangePane.field("deploy-test-rule",
                s.testRuleProperty(), 48));
        routing.addRow(3, new Label("Role for ECS"), ChangePane.field("deploy-role", s.roleProperty(), 48));
        routing.disableProperty().bind(rolling);

        getChildren().addAll(numbers, section("What watches it"), watch,
                section("Pause for an operator at (PAUSE lifecycle hooks, continued from the console)"), pauses,
                section("Traffic shifting (blue/green, linear, canary)"), routing);
        setPadding(new Insets(4));
    }

    private static CheckBox check(String id, String text, javafx.beans.property.BooleanProperty p) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.selectedProperty().bindBidirectional(p);
        return box;
    }

    static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(HarbormasterStyles.MUTED);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }
}
