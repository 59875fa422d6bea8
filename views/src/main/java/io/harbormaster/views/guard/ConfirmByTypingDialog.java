package io.harbormaster.views.guard;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.views.concurrent.UiThread;
import io.harbormaster.views.environment.EnvironmentText;
import io.harbormaster.views.theme.HarbormasterStyles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * "Type the name to confirm": the environment in its colour (with the PRODUCTION badge), what will change, and a
 * field; the confirming button enables only when the name is typed exactly. Result: true for confirmed, else false.
 */
public final class ConfirmByTypingDialog extends Dialog<Boolean> {

    /** With the request's preview text as what will change. */
    public ConfirmByTypingDialog(ConfirmByTypingViewModel viewModel) {
        this(viewModel, null);
    }

    /** With a caller's node (a diff, a table) as what will change; the preview text is shown if it is null. */
    public ConfirmByTypingDialog(ConfirmByTypingViewModel viewModel, Node preview) {
        Environment environment = viewModel.environment();
        setTitle("Harbormaster — " + viewModel.heading());
        getDialogPane().setId("confirm-typing-dialog");
        getDialogPane().getStyleClass().add(HarbormasterStyles.GUARD_DIALOG);
        getDialogPane().getStylesheets().add(HarbormasterStyles.stylesheet());
        getDialogPane().setStyle("-hm-env: " + environment.colour() + "; -hm-env-tint: "
                + EnvironmentText.tint(environment.colour(), 0.14) + ";");

        Region swatch = new Region();
        swatch.getStyleClass().add(HarbormasterStyles.ENV_SWATCH);
        Label where = new Label(environment.displayName());
        where.setId("confirm-typing-environment");
        where.getStyleClass().add(HarbormasterStyles.ENV_NAME);
        Label account = new Label(EnvironmentText.accountAndRole(environment));
        account.getStyleClass().add(HarbormasterStyles.ENV_DETAIL);
        HBox band = new HBox(8, swatch, where, account);
        band.setAlignment(Pos.CENTER_LEFT);
        band.getStyleClass().add(HarbormasterStyles.GUARD_BAND);
        if (environment.production()) {
            Label badge = new Label("PRODUCTION");
            badge.setId("confirm-typing-production");
            badge.getStyleClass().add(HarbormasterStyles.PRODUCTION_BADGE);
            band.getChildren().add(1, badge);
        }

        Label heading = new Label(viewModel.heading());
        heading.setId("confirm-typing-heading");
        heading.getStyleClass().add(HarbormasterStyles.GUARD_HEADING);
        heading.setWrapText(true);
        heading.setGraphic(new FontIcon(Material2MZ.WARNING));

        Node change = preview != null ? preview : previewText(viewModel.request().preview());
        change.getStyleClass().add(HarbormasterStyles.GUARD_PREVIEW);

        Label askText = new Label("Type the name to confirm:");
        Label name = new Label(viewModel.request().resourceName());
        name.setId("confirm-typing-name");
        name.getStyleClass().addAll(HarbormasterStyles.MONOSPACE, HarbormasterStyles.GUARD_NAME);
        HBox ask = new HBox(8, askText, name);
        ask.setAlignment(Pos.BASELINE_LEFT);
        TextField field = new TextField();
        field.setId("confirm-typing-field");
        field.setPromptText(viewModel.request().resourceName());
        field.getStyleClass().add(HarbormasterStyles.MONOSPACE);
        field.textProperty().bindBidirectional(viewModel.typedProperty());
        Label hint = new Label();
        hint.setId("confirm-typing-hint");
        hint.getStyleClass().add(HarbormasterStyles.MUTED);
        hint.textProperty().bind(viewModel.hintProperty());

        VBox content = new VBox(12, band, heading, change, ask, field, hint);
        content.setPrefWidth(480);
        getDialogPane().setContent(content);

        ButtonType confirm = new ButtonType(viewModel.confirmLabel(), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(confirm, ButtonType.CANCEL);
        Button confirmButton = (Button) getDialogPane().lookupButton(confirm);
        confirmButton.setId("confirm-typing-submit");
        confirmButton.getStyleClass().add("danger");
        confirmButton.disableProperty().bind(Bindings.not(viewModel.matchesProperty()));
        // Enter in the field must not confirm a half-typed name; the default button is Cancel.
        confirmButton.setDefaultButton(false);
        Button cancel = (Button) getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("confirm-typing-cancel");

        setResultConverter(button -> button == confirm && viewModel.matchesProperty().get());
        setOnShown(event -> UiThread.later(field::requestFocus));
    }

    private static Node previewText(String text) {
        Label label = new Label(text);
        label.setId("confirm-typing-preview");
        label.setWrapText(true);
        label.getStyleClass().add(HarbormasterStyles.MONOSPACE);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }
}
