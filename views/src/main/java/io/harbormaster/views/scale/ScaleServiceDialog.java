package io.harbormaster.views.scale;

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
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;

/**
 * Scale a service: where (environment band), the count now and the new one, what that does. "Scale" goes through
 * the write guard; the dialog closes once the write succeeded and stays open (for another try) when it failed.
 */
public final class ScaleServiceDialog extends Dialog<Void> {

    public ScaleServiceDialog(ScaleServiceViewModel viewModel) {
        Environment environment = viewModel.session().environment();
        ScaleTarget target = viewModel.target();
        setTitle("Harbormaster — Scale " + target.serviceName() + " in " + environment.displayName());
        getDialogPane().setId("scale-dialog");
        GuardBand.style(getDialogPane(), viewModel.session());
        HBox band = GuardBand.of(viewModel.session());

        Label heading = new Label("Scale " + target.serviceName());
        heading.getStyleClass().add(HarbormasterStyles.GUARD_HEADING);

        Label now = new Label(Integer.toString(target.desiredCount()));
        now.setId("scale-current");
        now.getStyleClass().add(HarbormasterStyles.MONOSPACE);
        TextField desired = new TextField();
        desired.setId("scale-desired");
        desired.setPrefColumnCount(8);
        desired.getStyleClass().add(HarbormasterStyles.MONOSPACE);
        desired.textProperty().bindBidirectional(viewModel.desiredProperty());
        GridPane counts = new GridPane();
        counts.setHgap(12);
        counts.setVgap(8);
        counts.addRow(0, new Label("Cluster"), new Label(target.clusterName()));
        counts.addRow(1, new Label("Desired count now"), now);
        counts.addRow(2, new Label("New desired count"), desired);

        Label hint = new Label();
        hint.setId("scale-hint");
        hint.getStyleClass().add(HarbormasterStyles.MUTED);
        hint.setWrapText(true);
        hint.textProperty().bind(viewModel.validationMessageProperty());
        Label preview = new Label();
        preview.setId("scale-preview");
        preview.setWrapText(true);
        preview.getStyleClass().add(HarbormasterStyles.GUARD_PREVIEW);
        preview.setMaxWidth(Double.MAX_VALUE);
        preview.textProperty().bind(viewModel.previewProperty());

        VBox content = new VBox(12, band, heading, counts, hint, preview);
        if (!viewModel.refusal().isEmpty()) {
            content.getChildren().add(1, GuardBand.refusal("scale-refusal", viewModel.refusal()));
            desired.setDisable(true);
        }
        content.setPrefWidth(480);
        getDialogPane().setContent(content);

        ButtonType scale = new ButtonType(environment.production() ? "Scale…" : "Scale", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(scale, ButtonType.CANCEL);
        Button scaleButton = (Button) getDialogPane().lookupButton(scale);
        scaleButton.setId("scale-submit");
        scaleButton.disableProperty().bind(Bindings.not(viewModel.canSubmitProperty()));
        scaleButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume(); // the view-model decides when the dialog is done
            viewModel.submit();
        });
        ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setId("scale-cancel");
        viewModel.stateProperty().addListener((obs, old, state) -> {
            if (state == ScaleServiceViewModel.State.DONE) {
                close();
            }
        });

        // The view-model validates; ControlsFX only draws the decoration on the field.
        ValidationSupport validation = new ValidationSupport();
        validation.setValidationDecorator(new StyleClassValidationDecoration());
        validation.registerValidator(desired, false, (control, value) -> ValidationResult.fromErrorIf(control,
                viewModel.validationMessageProperty().get(), !viewModel.validProperty().get()
                        && !viewModel.desiredProperty().get().strip().equals(Integer.toString(target.desiredCount()))));
        setOnShown(event -> UiThread.later(() -> {
            desired.requestFocus();
            desired.selectAll();
        }));
    }
}
