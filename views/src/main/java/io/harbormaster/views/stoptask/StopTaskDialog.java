package io.harbormaster.views.stoptask;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.views.concurrent.UiThread;
import io.harbormaster.views.guard.GuardBand;
import io.harbormaster.views.theme.HarbormasterStyles;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;

/**
 * Stop a task: where (environment band), which task of which service on which host, what ECS will do, and the
 * reason ECS will show with the stopped task. "Stop task" goes through the write guard; the dialog closes once the
 * write succeeded and stays open (for another try) when it failed.
 */
public final class StopTaskDialog extends Dialog<Void> {

    public StopTaskDialog(StopTaskViewModel viewModel) {
        Environment environment = viewModel.session().environment();
        StopTaskTarget target = viewModel.target();
        setTitle("Harbormaster — Stop task " + target.taskId() + " in " + environment.displayName());
        getDialogPane().setId("stop-task-dialog");
        GuardBand.style(getDialogPane(), viewModel.session());

        Label heading = new Label("Stop task " + target.taskId());
        heading.setId("stop-task-heading");
        heading.getStyleClass().add(HarbormasterStyles.GUARD_HEADING);
        heading.setWrapText(true);

        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(6);
        facts.addRow(0, new Label("Task"), mono(target.taskId()));
        facts.addRow(1, new Label("Service"), mono(target.serviceName().isEmpty() ? "—" : target.serviceName()));
        facts.addRow(2, new Label("Cluster"), mono(target.clusterName()));
        facts.addRow(3, new Label("Host"), mono(target.host().isEmpty() ? "—" : target.host()));

        Label preview = new Label(viewModel.preview());
        preview.setId("stop-task-preview");
        preview.setWrapText(true);
        preview.setMaxWidth(Double.MAX_VALUE);
        preview.getStyleClass().add(HarbormasterStyles.GUARD_PREVIEW);

        TextField reason = new TextField();
        reason.setId("stop-task-reason");
        reason.setPromptText("Why, for whoever reads the stopped task later");
        reason.textProperty().bindBidirectional(viewModel.reasonProperty());
        Label count = new Label();
        count.setId("stop-task-count");
        count.getStyleClass().add(HarbormasterStyles.MUTED);
        count.textProperty().bind(viewModel.countProperty());
        GridPane reasonRow = new GridPane();
        reasonRow.setHgap(8);
        reasonRow.addRow(0, reason, count);
        GridPane.setHgrow(reason, Priority.ALWAYS);
        Label hint = new Label();
        hint.setId("stop-task-hint");
        hint.setWrapText(true);
        hint.getStyleClass().add(HarbormasterStyles.MUTED);
        hint.textProperty().bind(viewModel.validationMessageProperty());
        hint.managedProperty().bind(hint.textProperty().isNotEmpty());

        VBox content = new VBox(12, GuardBand.of(viewModel.session()), heading, facts, preview,
                new VBox(4, new Label("Reason (shown by ECS with the stopped task)"), reasonRow, hint));
        if (!viewModel.refusal().isEmpty()) {
            content.getChildren().add(1, GuardBand.refusal("stop-task-refusal", viewModel.refusal()));
            reason.setDisable(true);
        }
        content.setPrefWidth(520);
        getDialogPane().setContent(content);

        ButtonType stop = new ButtonType(environment.production() ? "Stop task…" : "Stop task",
                ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(stop, ButtonType.CANCEL);
        Button stopButton = (Button) getDialogPane().lookupButton(stop);
        stopButton.setId("stop-task-submit");
        stopButton.setDefaultButton(true);
        stopButton.disableProperty().bind(Bindings.not(viewModel.canSubmitProperty()));
        stopButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume(); // the view-model decides when the dialog is done
            viewModel.submit();
        });
        ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setId("stop-task-cancel");
        viewModel.stateProperty().addListener((obs, old, state) -> {
            if (state == StopTaskViewModel.State.DONE) {
                close();
            }
        });

        // The view-model validates; ControlsFX only draws the decoration, once something was typed.
        ValidationSupport validation = new ValidationSupport();
        validation.setValidationDecorator(new StyleClassValidationDecoration());
        validation.registerValidator(reason, false, (control, value) -> ValidationResult.fromErrorIf(control,
                viewModel.validationMessageProperty().get(), !viewModel.validationMessageProperty().get().isEmpty()
                        && !viewModel.reasonProperty().get().isEmpty()));
        setOnShown(event -> UiThread.later(reason::requestFocus));
    }

    private static Label mono(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(HarbormasterStyles.MONOSPACE);
        return label;
    }
}
